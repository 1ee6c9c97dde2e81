package jp.juchu.support.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals secrets that must be read back (API keys, signing secrets, passwords) for storage: AES-256-GCM, a fresh
 * 12-byte IV per value in front of the ciphertext, base64; a context (associated data) binds each value to its use so
 * that one cannot be opened as another. The key comes from configuration, or is generated once into a file readable
 * only by its owner ({@link #withKey}). Nothing here logs a key or a secret.
 */
public final class SecretSealer {

    private static final Logger log = LoggerFactory.getLogger(SecretSealer.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String property;
    private final SecureRandom random = new SecureRandom();

    private SecretSealer(byte[] key, String property) {
        this.key = new SecretKeySpec(key, "AES");
        this.property = property;
    }

    /**
     * A sealer with the base64 key {@code configured} (the value of {@code property}) or, when that is blank, the key
     * kept in {@code keyFile}, generated there on first use.
     *
     * @throws IllegalStateException when the key is not 32 bytes
     */
    public static SecretSealer withKey(String configured, String property, Path keyFile) {
        return new SecretSealer(keyBytes(configured, property, keyFile), property);
    }

    public String seal(String plain, byte[] context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a secret", e);
        }
    }

    /** @throws IllegalStateException when the value was not sealed with this key and context */
    public String open(String sealed, byte[] context) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(context);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Could not decrypt a stored secret: was " + property + " changed?", e);
        }
    }

    private static byte[] keyBytes(String configured, String property, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            return checked(Base64.getDecoder().decode(configured.strip()), property);
        }
        Path file = keyFile.toAbsolutePath().normalize();
        try {
            if (Files.exists(file)) {
                return checked(Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("Could not restrict the permissions of {}", file);
            }
            log.info("Generated the key of {} into {}; back it up, or set {}", property, file, property);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the key " + file + " (" + property + ")", e);
        }
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be 32 bytes (AES-256), base64-encoded");
        }
        return key;
    }
}
