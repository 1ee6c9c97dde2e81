package jp.juchu.oms.stocksync;

import java.time.OffsetDateTime;

/**
 * A shop's stock sync: switched on or off by the merchant (オプション設定), confirmed by the merchant (the first push
 * waits for it), stopped on a refused key, or waiting after a rate limit or an outage.
 */
public record ShopSync(
        long connectionId,
        OffsetDateTime confirmedAt,
        String confirmedBy,
        String stoppedMessage,
        int failures,
        OffsetDateTime waitUntil,
        String lastError,
        OffsetDateTime lastErrorAt,
        boolean enabled) {

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public boolean stopped() {
        return stoppedMessage != null;
    }

    /** Whether the worker may push now. */
    public boolean active(OffsetDateTime now) {
        return enabled && confirmed() && !stopped() && (waitUntil == null || !waitUntil.isAfter(now));
    }
}
