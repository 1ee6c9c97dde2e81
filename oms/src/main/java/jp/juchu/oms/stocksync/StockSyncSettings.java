package jp.juchu.oms.stocksync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stock sync settings ({@code oms.stocksync.*}).
 *
 * @param drainInterval how often the worker pushes what the outbox holds
 * @param pushesPerMinute listings pushed per shop and minute at most (each push is a read and a write at the shop,
 *     within the shop's API rate limit shared with the import)
 * @param conflictRetries how often a push found stale (409) reads the shop again and retries
 * @param backoffBase first pause after a 429 without Retry-After or a 5xx, doubling on each failure
 * @param backoffMax the longest pause
 * @param compareCron when the daily full comparison runs (Asia/Tokyo)
 */
@ConfigurationProperties("oms.stocksync")
public record StockSyncSettings(
        @DefaultValue("2s") Duration drainInterval,
        @DefaultValue("30") int pushesPerMinute,
        @DefaultValue("3") int conflictRetries,
        @DefaultValue("10s") Duration backoffBase,
        @DefaultValue("10m") Duration backoffMax,
        @DefaultValue("0 30 4 * * *") String compareCron) {

    /** Listings one drain of a shop may push: its share of the minute's allowance, at least one. */
    public int perDrain() {
        return (int) Math.max(1, Math.ceil(pushesPerMinute * drainInterval.toMillis() / 60_000.0));
    }
}
