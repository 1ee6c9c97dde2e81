package jp.juchu.oms.malls;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param masterKey base64 AES-256 key encrypting the stored API keys; when absent one is generated into
 *     {@code masterKeyFile} on first start and read from there afterwards
 * @param masterKeyFile where a generated master key is kept
 * @param connectTimeout how long to wait for a connection to the shop's API
 * @param readTimeout how long to wait for an answer (order pages can be large)
 * @param defaultManagementUrl the platform's management API host
 * @param defaultItemUrl the platform's item (open) API host
 * @param budget how many calls a connection may make to its shop's API
 */
@ConfigurationProperties("oms.malls")
public record MallSettings(
        String masterKey,
        @DefaultValue("./data/oms/master.key") Path masterKeyFile,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("https://management.api.shopserve.jp") String defaultManagementUrl,
        @DefaultValue("https://item.api.shopserve.jp") String defaultItemUrl,
        @DefaultValue Budget budget) {

    /**
     * A connection's request budget (a token bucket shared by every kind of call and every OMS node): the bucket
     * holds {@code burst} tokens and refills at {@code requestsPerMinute − burst} a minute, so that no 60 seconds
     * ever see more than {@code requestsPerMinute} calls, whichever way the platform counts its minute.
     *
     * @param requestsPerMinute the platform's limit per key (Shop Serve: 120)
     * @param burst tokens the bucket holds: calls that may go at once after a quiet spell
     * @param reserve tokens each kind of call leaves to the kinds before it: the stock sync leaves {@code reserve}
     *     to the import, the write-back and the catalogue read {@code 2 × reserve} to both
     * @param maxWait the longest a call waits for a token; beyond it the call fails as rate limited and its caller
     *     retries later
     */
    public record Budget(
            @DefaultValue("120") int requestsPerMinute,
            @DefaultValue("10") int burst,
            @DefaultValue("3") int reserve,
            @DefaultValue("2m") Duration maxWait) {

        public Budget {
            if (burst < 1 || reserve < 0 || burst <= 2 * reserve || requestsPerMinute <= burst) {
                throw new IllegalArgumentException("oms.malls.budget: need requests-per-minute > burst > 2 × reserve, "
                        + "burst ≥ 1 (got " + requestsPerMinute + ", " + burst + ", " + reserve + ")");
            }
        }

        /** Tokens added a second. */
        public double refillPerSecond() {
            return (requestsPerMinute - burst) / 60.0;
        }
    }
}
