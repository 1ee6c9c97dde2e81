package jp.juchu.shop.notifications;

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
import org.springframework.stereotype.Component;

/**
 * Keeps the endpoints' signing secrets encrypted at rest (AES-256-GCM, a fresh IV per value in front of the
 * ciphertext): unlike an API key, which only needs checking and is kept as a hash, a signing secret must be read back
 * to sign. The key comes from {@code shop.notifications.secret-key}, or is generated once into a file readable only
 * by its owner. Nothing here logs a secret.
 */
@Component
class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "juchu-shop notification secret".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(NotificationSettings settings) {
        this.key = new SecretKeySpec(keyBytes(settings), "AES");
    }

    /** A new secret: 32 random bytes, URL-safe base64 with a recognisable prefix. */
    String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String seal(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a notification secret", e);
        }
    }

    String open(String stored) {
        try {
            byte[] bytes = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(CONTEXT);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Could not decrypt a notification secret: was shop.notifications.secret-key changed?", e);
        }
    }

    private static byte[] keyBytes(NotificationSettings settings) {
        if (settings.secretKey() != null && !settings.secretKey().isBlank()) {
            return checked(Base64.getDecoder().decode(settings.secretKey().strip()), "shop.notifications.secret-key");
        }
        Path file = settings.secretKeyFile().toAbsolutePath().normalize();
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
            log.info(
                    "Generated the notification secret key into {}; back it up, or set shop.notifications.secret-key",
                    file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the notification secret key " + file, e);
        }
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be 32 bytes (AES-256), base64-encoded");
        }
        return key;
    }
}
