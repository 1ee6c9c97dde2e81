package jp.juchu.shop.api;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Per-key rate limit and the brute-force throttle, both on resilience4j's lock-free fixed-window rate
 * limiter (one per key, client address or shop ID). The throttle uses a limiter as a failure budget:
 * each failed authentication takes a permit, and an empty budget blocks until the window turns.
 */
@Component
class ApiThrottle {

    /** Idle budgets (full again) are dropped past this many, so random addresses cannot grow memory. */
    private static final int MAX_TRACKED = 10_000;

    private final RateLimiterConfig perKey;
    private final RateLimiterConfig perAddress;
    private final RateLimiterConfig perShop;
    private final Map<Long, AtomicRateLimiter> keyLimiters = new ConcurrentHashMap<>();
    private final Map<String, AtomicRateLimiter> failureBudgets = new ConcurrentHashMap<>();

    ApiThrottle(ApiSettings settings) {
        this.perKey = config(settings.rateLimitPerMinute(), Duration.ofMinutes(1));
        this.perAddress = config(
                settings.bruteForce().maxFailuresPerAddress(),
                settings.bruteForce().window());
        this.perShop = config(
                settings.bruteForce().maxFailuresPerShop(),
                settings.bruteForce().window());
    }

    private static RateLimiterConfig config(int limit, Duration period) {
        return RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** Takes one request from the key's budget; empty if allowed, else how long to wait. */
    Optional<Duration> acquire(long keyId) {
        AtomicRateLimiter limiter =
                keyLimiters.computeIfAbsent(keyId, id -> new AtomicRateLimiter("api-key-" + id, perKey));
        return limiter.acquirePermission() ? Optional.empty() : Optional.of(waitOf(limiter));
    }

    /** Whether failures from this address or against this shop ID block further tries, and for how long. */
    Optional<Duration> blocked(String address, String shopId) {
        Optional<Duration> byAddress = blockedFor(addressKey(address));
        return byAddress.isPresent() ? byAddress : blockedFor(shopKey(shopId));
    }

    void failed(String address, String shopId) {
        if (failureBudgets.size() > MAX_TRACKED) {
            failureBudgets.values().removeIf(ApiThrottle::idle);
        }
        failureBudgets
                .computeIfAbsent(addressKey(address), k -> new AtomicRateLimiter(k, perAddress))
                .acquirePermission();
        if (shopId != null) {
            failureBudgets
                    .computeIfAbsent(shopKey(shopId), k -> new AtomicRateLimiter(k, perShop))
                    .acquirePermission();
        }
    }

    private Optional<Duration> blockedFor(String key) {
        if (key == null) {
            return Optional.empty();
        }
        AtomicRateLimiter budget = failureBudgets.get(key);
        if (budget == null || budget.getDetailedMetrics().getAvailablePermissions() > 0) {
            return Optional.empty();
        }
        return Optional.of(waitOf(budget));
    }

    private static boolean idle(AtomicRateLimiter limiter) {
        return limiter.getDetailedMetrics().getAvailablePermissions()
                >= limiter.getRateLimiterConfig().getLimitForPeriod();
    }

    private static Duration waitOf(AtomicRateLimiter limiter) {
        return Duration.ofNanos(limiter.getDetailedMetrics().getNanosToWait());
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static String shopKey(String shopId) {
        return shopId == null ? null : "shop:" + shopId;
    }
}
