package jp.juchu.oms.stock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocation throughput during a first import, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B -pl oms -am test -Dtest=AllocationBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipSystemTests}
 * (with {@code -Dbenchmark.orders=N}; default 100,000). N new orders of 1–3 lines over 50 mapped SKUs (one in ten a
 * set) with stock for all of them are applied in pages of 100, each page in one transaction, as the importer applies
 * a page; allocation runs after each page's commit as it does in production. The clock stops when every order is
 * allocated; the figures are appended to {@code docs/benchmarks.md}. The shop API's own cost is not in it (that is
 * {@code ImportBenchmark} in system-tests).
 */
@SpringBootTest
class AllocationBenchmark {

    private static final int ORDERS = Integer.getInteger("benchmark.orders", 100_000);
    private static final int PAGE = 100;
    private static final int SKUS = 50;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    StockLedger ledger;

    @Autowired
    TransactionTemplate tx;

    @Test
    void allocationKeepsUpWithAFirstImport() throws Exception {
        StockFixture fx = new StockFixture(jdbc, orders, ledger, tx);
        String tag = "BM" + StockFixture.unique();
        List<String> codes = new ArrayList<>();
        List<Long> skus = new ArrayList<>();
        for (int i = 0; i < SKUS; i++) {
            codes.add(tag + "-" + i);
            skus.add(fx.sku(tag + "-" + i, ORDERS * 4));
        }
        for (int i = 0; i < SKUS / 10; i++) {
            fx.set(tag + "-SET" + i, skus.get(i), 2, skus.get(i + 1), 1);
            codes.add(tag + "-SET" + i);
        }
        OffsetDateTime t0 = OffsetDateTime.now().minusDays(30);
        long started = System.nanoTime();
        for (int from = 0; from < ORDERS; from += PAGE) {
            List<IncomingOrder> page = new ArrayList<>();
            for (int i = from; i < Math.min(ORDERS, from + PAGE); i++) {
                int lines = 1 + i % 3;
                StockFixture.Item[] items = new StockFixture.Item[lines];
                for (int l = 0; l < lines; l++) {
                    items[l] = new StockFixture.Item(1, codes.get((i * 7 + l * 13) % codes.size()), 1 + l);
                }
                ShopOrder order = StockFixture.shopOrder(tag + "-" + i, t0.plusSeconds(i), "New", items);
                page.add(new IncomingOrder(order, "{}", "h" + i));
            }
            tx.executeWithoutResult(s -> orders.applyFromShop(fx.connectionId, page));
        }
        long imported = System.nanoTime();
        Long[] ids = jdbc.sql("select id from oms_order where connection_id = ?")
                .param(fx.connectionId)
                .query(Long.class)
                .list()
                .toArray(Long[]::new);
        while (jdbc.sql("select count(*) from order_allocation where order_id = any (?) and state = 'ALLOCATED'")
                        .param(ids)
                        .query(Long.class)
                        .single()
                < ORDERS) {
            Thread.sleep(200);
        }
        long allocated = System.nanoTime();
        double importSeconds = (imported - started) / 1e9;
        double totalSeconds = (allocated - started) / 1e9;
        String section = String.format(
                """

                ## Allocation during a first import (issue 15) — %s

                Machine: %d cores, the OMS's embedded PostgreSQL 17 in one JVM with the OMS, shared with other builds
                (load average at the start: %.1f). %,d new orders of 1–3 lines over %d mapped SKUs and %d sets, applied
                in pages of %d (one transaction each, as the importer does), allocation after each page's commit.
                Command: `./mvnw -B -pl oms -am test -Dtest=AllocationBenchmark -Dsurefire.failIfNoSpecifiedTests=false -DskipSystemTests -Dbenchmark.orders=%d`

                | orders | pages applied | every order allocated | orders/s (import + allocation) |
                |---|---|---|---|
                | %,d | %.1f s | %.1f s | %.0f |
                """,
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                ORDERS,
                SKUS,
                SKUS / 10,
                PAGE,
                ORDERS,
                ORDERS,
                importSeconds,
                totalSeconds,
                ORDERS / totalSeconds);
        System.out.println(section);
        Files.writeString(
                Path.of("..", "docs", "benchmarks.md"), section, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
