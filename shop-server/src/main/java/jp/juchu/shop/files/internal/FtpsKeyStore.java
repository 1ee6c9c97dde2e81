package jp.juchu.shop.files.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import jp.juchu.shop.files.FilesSettings;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The key store the FTP server offers for explicit FTPS: the configured one, or else a self-signed
 * certificate generated once into the data directory ({@code ftps-selfsigned.p12} beside the file areas)
 * with a random password kept next to it, so a restart offers the same certificate.
 */
final class FtpsKeyStore {

    static final String ALIAS = "ftps";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    /** Where the key store is, and its password. */
    record Location(Path file, String password) {}

    private FtpsKeyStore() {}

    static Location of(FilesSettings settings) {
        FilesSettings.Tls tls = settings.ftp().tls();
        if (!tls.keystore().isBlank()) {
            return new Location(Path.of(tls.keystore()), tls.password());
        }
        Path dataDir = settings.root().toAbsolutePath().normalize().getParent();
        return selfSigned(dataDir.resolve("ftps-selfsigned.p12"), dataDir.resolve("ftps-selfsigned.password"));
    }

    static Location selfSigned(Path keyStoreFile, Path passwordFile) {
        try {
            if (Files.exists(keyStoreFile) && Files.exists(passwordFile)) {
                return new Location(keyStoreFile, Files.readString(passwordFile).strip());
            }
            Files.createDirectories(keyStoreFile.getParent());
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            KeyStore store = generate(password.toCharArray());
            Path tmp = Files.createTempFile(keyStoreFile.getParent(), "ftps", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, password.toCharArray());
            }
            Files.writeString(passwordFile, password);
            ownerOnly(passwordFile);
            ownerOnly(tmp);
            Files.move(tmp, keyStoreFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Location(keyStoreFile, password);
        } catch (IOException e) {
            throw new UncheckedIOException("The FTPS key store could not be written to " + keyStoreFile, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("The FTPS certificate could not be generated", e);
        }
    }

    /** rw for the owner only, where the file system has POSIX permissions. */
    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static KeyStore generate(char[] password)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=juchu shop server FTPS (self-signed)");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)),
                subject,
                keys.getPublic());
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), password, new X509Certificate[] {certificate});
        return store;
    }
}
