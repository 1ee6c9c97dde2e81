package jp.juchu.shop.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a message: {@code v1=} and the hex HMAC-SHA256, keyed with the endpoint's secret, of the
 * timestamp header, a dot and the body exactly as sent (docs/notifications.md).
 */
public final class Signature {

    public static final String TIMESTAMP_HEADER = "X-Juchu-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Juchu-Signature";
    public static final String DELIVERY_HEADER = "X-Juchu-Delivery";

    private Signature() {}

    public static String sign(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
