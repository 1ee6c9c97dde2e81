package jp.juchu.shop.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rateLimitPerMinute requests one key may make per minute before it gets 429
 * @param bruteForce when failed authentications stop a client from trying further
 */
@ConfigurationProperties("shop.api")
public record ApiSettings(
        @DefaultValue("120") int rateLimitPerMinute,
        @DefaultValue BruteForce bruteForce) {

    /**
     * Failed authentications counted per fixed window; at the limit, further calls get 429 before
     * their key is even checked. The per-shop limit is higher than the per-address one because anyone
     * can fail against a shop ID and so lock its real client out for the rest of the window.
     *
     * @param maxFailuresPerAddress failures from one client address within a window
     * @param maxFailuresPerShop failures against one shop ID within a window
     * @param window the counting window
     */
    public record BruteForce(
            @DefaultValue("10") int maxFailuresPerAddress,
            @DefaultValue("30") int maxFailuresPerShop,
            @DefaultValue("5m") Duration window) {}
}
