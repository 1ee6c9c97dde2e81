package jp.juchu.oms.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageSize orders asked for per page (the API allows at most 100)
 * @param ordersPerCommit orders written in one transaction (whole pages, so at least one page): each transaction's
 *     follow-up work (customers, rules, allocation, sales facts) is done for this many orders at a time
 * @param pagesAhead pages read ahead of the writing at most
 * @param concurrentWrites transactions writing a run's batches at once (1: one after the other)
 * @param overlap how far back a sweep reads again: every {@code overlap} one run (a sweep) starts this long
 *     before the last sweep's watermark, so that an order committed at the shop up to this late after its
 *     {@code updated_at} (or with a clock a little off) is never missed
 * @param recentOverlap how far before the last watermark the runs between two sweeps start reading: a frequent
 *     poll (every minute) lists only the last minutes again, not the long overlap each time
 * @param maxAttempts tries of one page when the shop is unavailable or rate-limits, before the run fails
 * @param backoffBase first wait after a failed try; doubled per try, with jitter
 * @param backoffMax longest wait between tries
 * @param retryAfterMax longest {@code Retry-After} honoured for one wait
 * @param lease how long a run holds its connection without progress before another node may take over
 * @param quarantineRetryWindow how far back a run reaches to read quarantined orders again
 */
@ConfigurationProperties("oms.imports")
public record ImportSettings(
        @DefaultValue("100") int pageSize,
        @DefaultValue("1000") int ordersPerCommit,
        @DefaultValue("10") int pagesAhead,
        @DefaultValue("2") int concurrentWrites,
        @DefaultValue("10m") Duration overlap,
        @DefaultValue("1m") Duration recentOverlap,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration backoffBase,
        @DefaultValue("30s") Duration backoffMax,
        @DefaultValue("120s") Duration retryAfterMax,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("30d") Duration quarantineRetryWindow) {}
