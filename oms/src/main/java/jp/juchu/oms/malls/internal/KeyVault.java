package jp.juchu.oms.malls.internal;

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
import jp.juchu.oms.malls.MallSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts the shops' API keys at rest with AES-256-GCM: a fresh 12-byte IV per value, stored in front of
 * the ciphertext. The master key comes from configuration, or is generated once into a file readable only
 * by its owner. Nothing here ever logs a key.
 */
@Component
public class KeyVault {

    private static final Logger log = LoggerFactory.getLogger(KeyVault.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "juchu-oms mall api key".getBytes(StandardCharsets.UTF_8);

    private final SecretKey masterKey;
    private final SecureRandom random = new SecureRandom();

    KeyVault(MallSettings settings) {
        this.masterKey = new SecretKeySpec(masterKeyBytes(settings), "AES");
    }

    public String encrypt(String plain) {
        return encrypt(plain, CONTEXT);
    }

    public String decrypt(String stored) {
        return decrypt(stored, CONTEXT);
    }

    /** Encrypts another secret of the OMS's (e.g. the SMTP password); {@code context} binds it to its use. */
    public String encrypt(String plain, byte[] context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, iv));
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

    public String decrypt(String stored, byte[] context) {
        try {
            byte[] bytes = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(context);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Could not decrypt a stored secret: was the master key (oms.malls.master-key) changed?", e);
        }
    }

    private static byte[] masterKeyBytes(MallSettings settings) {
        if (settings.masterKey() != null && !settings.masterKey().isBlank()) {
            return checked(Base64.getDecoder().decode(settings.masterKey().strip()), "oms.malls.master-key");
        }
        Path file = settings.masterKeyFile().toAbsolutePath().normalize();
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
            log.info("Generated the OMS master key into {}; back it up, or set oms.malls.master-key", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the OMS master key " + file, e);
        }
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be 32 bytes (AES-256), base64-encoded");
        }
        return key;
    }
}
