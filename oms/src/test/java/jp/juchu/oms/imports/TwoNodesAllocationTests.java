package jp.juchu.oms.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.juchu.oms.OmsApplication;
import jp.juchu.oms.malls.ConnectionSetup;
import jp.juchu.oms.stock.StockCheck;
import jp.juchu.oms.stock.StockLedger;
import jp.juchu.oms.stock.StockMovement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two OMS nodes on one database importing and allocating the same shop's orders at once. */
class TwoNodesAllocationTests {

    @Test
    void twoNodesAllocatingAtOnceNeverAllocateAUnitTwice() throws Exception {
        String shopId = "alloc" + System.nanoTime();
        try (FakeShop shop = new FakeShop(shopId);
                ConfigurableApplicationContext first = node();
                ConfigurableApplicationContext second = node()) {
            for (int i = 0; i < 80; i++) {
                shop.place("a-" + i, FakeShop.now().minusMinutes(80 - i), 1 + i % 2);
            }
            long connectionId = first.getBean(ConnectionSetup.class)
                    .verifyAndSave(null, OrderImportTests.settings(shop))
                    .connection()
                    .id();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            long sku = jdbc.sql("insert into product (code, name) values (?, '静岡煎茶 100g') returning id")
                    .param("T" + System.nanoTime() % 1_000_000_000_000L)
                    .query(Long.class)
                    .single();
            jdbc.sql(
                            "insert into listing (connection_id, item_code, variation, product_id) values (?, 'tea-001', '100g', ?)")
                    .params(connectionId, sku)
                    .update();
            first.getBean(StockLedger.class)
                    .book(List.of(new StockMovement(sku, "ADJUST", 50, 0, null, null, "初期在庫", "テスト")));

            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Callable<OrderImport.Outcome>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ConfigurableApplicationContext node = i % 2 == 0 ? first : second;
                runs.add(() -> node.getBean(OrderImport.class).run(connectionId, ImportTrigger.MANUAL));
            }
            for (Future<OrderImport.Outcome> outcome : pool.invokeAll(runs)) {
                outcome.get();
            }
            // more stock arrives on the other node while the first may still be allocating
            second.getBean(StockLedger.class)
                    .book(List.of(new StockMovement(sku, "RECEIVE", 20, 0, null, null, "入荷", "テスト")));
            pool.shutdown();

            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            jdbc.sql("select count(*) from order_allocation a join oms_order o on o.id = a.order_id"
                                                    + " where o.connection_id = ? and a.state = 'PENDING'")
                                            .param(connectionId)
                                            .query(Long.class)
                                            .single()
                                    == 0);
            // every shipment takes 2: 70 units make 35 shipments, however the two nodes interleaved
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("select allocated from stock where product_id = ?")
                                    .param(sku)
                                    .query(Integer.class)
                                    .single()
                            == 70);
            assertThat(jdbc.sql("select coalesce(sum(quantity), 0) from order_allocation_line"
                                    + " where product_id = ? and allocated")
                            .param(sku)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(70);
            assertThat(jdbc.sql("select coalesce(sum(allocated_change), 0) from stock_ledger where product_id = ?")
                            .param(sku)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(70);
            // no order line holds a unit through two ledger rows: one ALLOCATE row per order and shipment at most
            assertThat(jdbc.sql("select count(*) from stock_ledger where product_id = ? and kind = 'ALLOCATE'")
                            .param(sku)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(35);
            StockCheck.Result check = first.getBean(StockCheck.class).run();
            assertThat(check.detail()).doesNotContain("静岡煎茶");
            assertThat(jdbc.sql(
                                    "select count(*) from oms_order where connection_id = ? and workflow_status = 'AWAITING_STOCK'")
                            .param(connectionId)
                            .query(Long.class)
                            .single())
                    .isPositive();
        }
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(OmsApplication.class)
                .run("--server.port=0", "--oms.imports.page-size=10", "--spring.jmx.enabled=false");
    }
}
