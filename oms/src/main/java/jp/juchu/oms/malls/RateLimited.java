package jp.juchu.oms.malls;

import java.time.Duration;

/** HTTP 429: the shop asks to wait ({@code Retry-After}) before the next call. */
public final class RateLimited extends ShopApiException {

    private final Duration retryAfter;

    public RateLimited(Duration retryAfter) {
        super("rate limited, retry after " + (retryAfter == null ? "?" : retryAfter.toSeconds() + "s"), null);
        this.retryAfter = retryAfter;
    }

    /** How long the shop asked to wait, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
