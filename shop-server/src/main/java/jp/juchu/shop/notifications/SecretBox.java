package jp.juchu.shop.notifications;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import jp.juchu.support.secrets.SecretSealer;
import org.springframework.stereotype.Component;

/**
 * Keeps the endpoints' signing secrets encrypted at rest ({@link SecretSealer}: AES-256-GCM): unlike an API key,
 * which only needs checking and is kept as a hash, a signing secret must be read back to sign. The key comes from
 * {@code shop.notifications.secret-key}, or is generated once into a file readable only by its owner. Nothing here
 * logs a secret.
 */
@Component
class SecretBox {

    private static final byte[] CONTEXT = "juchu-shop notification secret".getBytes(StandardCharsets.UTF_8);

    private final SecretSealer sealer;
    private final SecureRandom random = new SecureRandom();

    SecretBox(NotificationSettings settings) {
        this.sealer =
                SecretSealer.withKey(settings.secretKey(), "shop.notifications.secret-key", settings.secretKeyFile());
    }

    /** A new secret: 32 random bytes, URL-safe base64 with a recognisable prefix. */
    String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String seal(String plain) {
        return sealer.seal(plain, CONTEXT);
    }

    String open(String stored) {
        return sealer.open(stored, CONTEXT);
    }
}
