package jp.juchu.oms.malls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.oms.malls.MallSettings;
import jp.juchu.oms.malls.RateLimited;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The request budget of a connection: a token bucket in PostgreSQL that every node and every kind of call share, the
 * import served first. Here 16 requests a minute with a burst of 10 refill a token in 10 s (so that counting tokens is
 * not disturbed by the refill); the stock sync leaves 3 tokens to the import, the write-back 6. The tests of waiting
 * use a budget that refills a token a second.
 */
@SpringBootTest(
        properties = {
            "oms.malls.budget.requests-per-minute=16",
            "oms.malls.budget.burst=10",
            "oms.malls.budget.reserve=3",
            "oms.malls.budget.max-wait=3s"
        })
class RequestBudgetTests {

    @Autowired
    RequestBudget budget;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MallSettings settings;

    @Autowired
    PlatformTransactionManager transactions;

    long connection;

    @BeforeEach
    void connection() {
        connection = jdbc.sql("""
                        insert into mall_connection (mall, shop_id, open_key_enc, manager_key_enc, open_key_hint,
                            manager_key_hint, management_url, item_url)
                        values ('SHOP_SERVE', ?, 'x', 'x', 'x', 'x', 'http://localhost', 'http://localhost')
                        returning id
                        """)
                .param("budget" + System.nanoTime())
                .query(Long.class)
                .single();
    }

    @Test
    void twoNodesShareOneBudgetAndNeverSpendMoreThanItHolds() {
        RequestBudget otherNode = new RequestBudget(jdbc, settings, transactions);
        int granted = 0;
        for (int i = 0; i < 20; i++) {
            RequestBudget node = i % 2 == 0 ? budget : otherNode;
            if (node.tryTake(connection, ApiCall.IMPORT).isEmpty()) {
                granted++;
            }
        }
        // the burst of 10, plus at most what the bucket refilled while the 20 tries ran
        assertThat(granted).isBetween(10, 11);
        assertThat(budget.used(connection)).containsEntry(ApiCall.IMPORT, (long) granted);
    }

    @Test
    void theLastTokensAreKeptForTheImport() {
        for (int i = 0; i < 6; i++) {
            assertThat(budget.tryTake(connection, ApiCall.IMPORT)).isEmpty();
        }
        // 4 tokens left: the write-back (needs 7) must wait, the stock sync (needs 4) may take one
        assertThat(budget.tryTake(connection, ApiCall.WRITE_BACK)).isPresent();
        assertThat(budget.tryTake(connection, ApiCall.STOCK_SYNC)).isEmpty();
        // 3 left: kept for the import
        assertThat(budget.tryTake(connection, ApiCall.STOCK_SYNC)).isPresent();
        assertThat(budget.tryTake(connection, ApiCall.IMPORT)).isEmpty();
        assertThat(budget.tryTake(connection, ApiCall.IMPORT)).isEmpty();
        assertThat(budget.used(connection))
                .containsEntry(ApiCall.IMPORT, 8L)
                .containsEntry(ApiCall.STOCK_SYNC, 1L)
                .containsEntry(ApiCall.WRITE_BACK, 0L);
    }

    @Test
    void aStockSyncThatKeepsCallingNeverStarvesTheImport() throws Exception {
        RequestBudget budget = aTokenASecond();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger stockCalls = new AtomicInteger();
        List<Thread> syncs = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread sync = new Thread(() -> {
                while (running.get()) {
                    try {
                        budget.take(connection, ApiCall.STOCK_SYNC);
                        stockCalls.incrementAndGet();
                    } catch (RateLimited waitedTooLong) {
                        // keeps trying, as a stock sync worker would
                    }
                }
            });
            sync.start();
            syncs.add(sync);
        }
        try {
            Thread.sleep(1500);
            long slowest = 0;
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                budget.take(connection, ApiCall.IMPORT);
                slowest = Math.max(slowest, System.nanoTime() - start);
                Thread.sleep(300);
            }
            // the import's token is always there, however hard the stock sync pulls (a generous bound for a busy
            // machine)
            assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofMillis(900));
        } finally {
            running.set(false);
            for (Thread sync : syncs) {
                sync.join();
            }
        }
        assertThat(stockCalls.get())
                .as("the stock sync still gets what the import leaves")
                .isGreaterThan(6);
    }

    @Test
    void aCallWaitsForItsTokenAndGivesUpAsRateLimitedBeyondTheLongestWait() {
        RequestBudget budget = aTokenASecond();
        for (int i = 0; i < 10; i++) {
            budget.take(connection, ApiCall.IMPORT);
        }
        long start = System.nanoTime();
        budget.take(connection, ApiCall.IMPORT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(300));

        // the write-back needs 7 tokens: about 7 s away, beyond the 3 s it may wait
        assertThatThrownBy(() -> budget.take(connection, ApiCall.WRITE_BACK))
                .isInstanceOf(RateLimited.class)
                .satisfies(e -> assertThat(((RateLimited) e).retryAfter()).isGreaterThan(Duration.ofSeconds(3)));
    }

    /** 70 a minute with a burst of 10: a token a second. */
    private RequestBudget aTokenASecond() {
        MallSettings fast = new MallSettings(
                settings.masterKey(),
                settings.masterKeyFile(),
                settings.connectTimeout(),
                settings.readTimeout(),
                settings.defaultManagementUrl(),
                settings.defaultItemUrl(),
                new MallSettings.Budget(70, 10, 3, Duration.ofSeconds(3)));
        return new RequestBudget(jdbc, fast, transactions);
    }

    @Test
    void settingsThatWouldStarveTheImportAreRefused() {
        assertThatThrownBy(() -> new MallSettings.Budget(120, 6, 3, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MallSettings.Budget(10, 10, 3, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
