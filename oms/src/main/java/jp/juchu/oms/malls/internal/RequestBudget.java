package jp.juchu.oms.malls.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.oms.malls.MallSettings;
import jp.juchu.oms.malls.RateLimited;
import jp.juchu.oms.malls.ShopUnavailable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each connection's budget of calls to its shop's API (the platform allows 120 a minute per key), shared by the
 * import, the stock sync and the write-back, on every OMS node: a token bucket kept in PostgreSQL. A call takes a
 * token in one statement that refills the bucket by the database's clock and takes the token only if enough are
 * left, so two nodes never spend the same token. Kinds of call have priorities ({@link ApiCall}): the import may
 * take the last token; the stock sync only while {@code reserve} tokens stay for the import; the write-back only
 * while twice that stay. A kind that keeps calling can therefore never starve the kinds before it, while an idle
 * budget is open to all.
 *
 * <p>A call that finds no token waits until the bucket will have one for it, up to {@code maxWait}; then it fails
 * as {@link RateLimited} with the time to wait, as a 429 of the shop would, and the caller's retry handles it.
 */
@Component
public class RequestBudget {

    private final JdbcClient jdbc;
    private final MallSettings.Budget settings;
    private final TransactionTemplate ownTransaction;

    RequestBudget(JdbcClient jdbc, MallSettings settings, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.settings = settings.budget();
        this.ownTransaction = new TransactionTemplate(transactions);
        // its own short transaction, so a caller's open transaction never holds the budget's row lock
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Takes one call of this kind from the connection's budget, waiting for it when the budget is spent.
     *
     * @throws RateLimited when no token is free for this kind within {@code maxWait}
     */
    public void take(long connectionId, ApiCall kind) {
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (true) {
            Optional<Double> lacking = tryTake(connectionId, kind);
            if (lacking.isEmpty()) {
                return;
            }
            Duration wait = Duration.ofMillis((long) Math.ceil(lacking.get() / settings.refillPerSecond() * 1000)
                    // nodes waiting for the same token do not all come back at the same moment
                    + ThreadLocalRandom.current().nextLong(5, 25));
            if (System.nanoTime() + wait.toNanos() > deadline) {
                throw new RateLimited(wait);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShopUnavailable("中断されました (APIの利用枠を待っている間)", e);
            }
        }
    }

    /**
     * Takes a token if the kind may have one now; otherwise how many tokens the bucket lacks for it (it may take one
     * when it holds {@code floor + 1}).
     */
    Optional<Double> tryTake(long connectionId, ApiCall kind) {
        double floor = (double) kind.rank() * settings.reserve();
        return ownTransaction.execute(status -> {
            boolean taken = jdbc.sql("""
                            insert into api_request_budget as b (connection_id, tokens, refilled_at, %1$s)
                            values (:id, :burst - 1, clock_timestamp(), 1)
                            on conflict (connection_id) do update set
                                tokens = least(:burst, b.tokens
                                    + extract(epoch from clock_timestamp() - b.refilled_at) * :rate) - 1,
                                refilled_at = clock_timestamp(),
                                %1$s = b.%1$s + 1
                            where least(:burst, b.tokens
                                + extract(epoch from clock_timestamp() - b.refilled_at) * :rate) >= :floor + 1
                            returning 1
                            """.formatted(kind.counter()))
                    .param("id", connectionId)
                    .param("burst", (double) settings.burst())
                    .param("rate", settings.refillPerSecond())
                    .param("floor", floor)
                    .query(Integer.class)
                    .optional()
                    .isPresent();
            if (taken) {
                return Optional.<Double>empty();
            }
            double level = level(connectionId);
            return Optional.of(Math.max(0.0, floor + 1 - level));
        });
    }

    /** The tokens the connection's bucket holds now. */
    double level(long connectionId) {
        return jdbc.sql("""
                        select least(:burst, tokens + extract(epoch from clock_timestamp() - refilled_at) * :rate)
                        from api_request_budget where connection_id = :id
                        """)
                .param("id", connectionId)
                .param("burst", (double) settings.burst())
                .param("rate", settings.refillPerSecond())
                .query(Double.class)
                .optional()
                .orElse((double) settings.burst());
    }

    /** The calls of each kind the budget granted the connection so far. */
    public Map<ApiCall, Long> used(long connectionId) {
        Map<ApiCall, Long> used = new EnumMap<>(ApiCall.class);
        for (ApiCall kind : ApiCall.values()) {
            used.put(kind, 0L);
        }
        jdbc.sql("select used_import, used_stock_sync, used_write_back, used_catalogue from api_request_budget"
                        + " where connection_id = ?")
                .param(connectionId)
                .query(rs -> {
                    used.put(ApiCall.IMPORT, rs.getLong(1));
                    used.put(ApiCall.STOCK_SYNC, rs.getLong(2));
                    used.put(ApiCall.WRITE_BACK, rs.getLong(3));
                    used.put(ApiCall.CATALOGUE, rs.getLong(4));
                });
        return used;
    }
}
