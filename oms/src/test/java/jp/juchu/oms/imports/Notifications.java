package jp.juchu.oms.imports;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Notifications as the shop server sends them (docs/notifications.md), for tests: body, timestamp, signature. */
record Notifications(String shopId, String secret) {

    private static final AtomicLong IDS = new AtomicLong();

    record Signed(byte[] body, String timestamp, String signature) {}

    Signed about(String serialCode) {
        return about(serialCode, Instant.now().getEpochSecond());
    }

    Signed about(String serialCode, long timestamp) {
        String body = "{\"id\":\"" + IDS.incrementAndGet() + "\",\"event\":\"order.placed\",\"shop_id\":\"" + shopId
                + "\",\"serial_code\":\"" + serialCode + "\",\"updated_at\":\"2026-12-05T10:00:00+09:00\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Signed(bytes, String.valueOf(timestamp), sign(secret, timestamp, bytes));
    }

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
