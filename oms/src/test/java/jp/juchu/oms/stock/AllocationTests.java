package jp.juchu.oms.stock;

import static jp.juchu.oms.stock.StockFixture.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class AllocationTests {

    static final Actor ADMIN = Actor.person("在庫 担当", true);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    StockLedger ledger;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    FreeStock freeStock;

    @Autowired
    StockCheck check;

    @Autowired
    jp.juchu.oms.stock.internal.StockSettingsStore settings;

    StockFixture fx;
    OffsetDateTime t0 = OffsetDateTime.now().minusDays(1);

    @BeforeEach
    void fixture() {
        fx = new StockFixture(jdbc, orders, ledger, tx);
    }

    void allocated(long orderId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx.allocationState(orderId).equals("ALLOCATED"));
    }

    @Test
    void anImportedOrderIsAllocatedAndShippingLowersOnHandAndAllocatedOnce() {
        String code = "A" + StockFixture.unique();
        long sku = fx.sku(code, 10);
        long order = fx.order("a-" + code, t0, item(code, 3));
        allocated(order);
        assertThat(fx.level(sku).allocated()).isEqualTo(3);
        assertThat(fx.level(sku).free()).isEqualTo(7);

        workflow.move(order, "READY_TO_SHIP", ADMIN, false);
        workflow.move(order, "SHIPPED", ADMIN, false);
        assertThat(fx.level(sku).onHand()).isEqualTo(7);
        assertThat(fx.level(sku).allocated()).isZero();

        // an admin moves it back and ships it again: on hand comes back and goes once more, never twice
        workflow.move(order, "READY_TO_SHIP", ADMIN, false);
        assertThat(fx.level(sku).onHand()).isEqualTo(10);
        assertThat(fx.level(sku).allocated()).isEqualTo(3);
        workflow.move(order, "SHIPPED", ADMIN, false);
        workflow.move(order, "SHIPPED", ADMIN, false);
        assertThat(fx.level(sku).onHand()).isEqualTo(7);
        assertThat(fx.level(sku).allocated()).isZero();
        assertThat(jdbc.sql("select coalesce(sum(on_hand_change), 0) from stock_ledger where order_id = ?"
                                + " and kind in ('SHIP', 'UNSHIP')")
                        .param(order)
                        .query(Integer.class)
                        .single())
                .isEqualTo(-3);
    }

    @Test
    void anOrderShortOfStockWaitsWithItsShortLinesAndMovesOnWhenStockArrives() {
        String code = "W" + StockFixture.unique();
        long sku = fx.sku(code, 2);
        long first = fx.order("w1-" + code, t0, item(code, 2));
        allocated(first);
        long second = fx.order("w2-" + code, t0.plusMinutes(1), item(code, 3));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.status(second).equals("AWAITING_STOCK"));
        assertThat(fx.allocationState(second)).isEqualTo("SHORT");
        assertThat(jdbc.sql("select count(*) from order_allocation_line where order_id = ? and not allocated")
                        .param(second)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(fx.level(sku).allocated()).isEqualTo(2);

        // stock arrives: the waiting order is allocated and goes back to where it was imported into
        ledger.book(List.of(new StockMovement(sku, "RECEIVE", 5, 0, null, null, "入荷", "テスト")));
        allocated(second);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.status(second).equals("NEW"));
        assertThat(fx.level(sku).allocated()).isEqualTo(5);
        assertThat(fx.level(sku).free()).isEqualTo(2);
    }

    @Test
    void allOrNothingPerShipment() {
        String a = "S" + StockFixture.unique();
        String b = "S" + StockFixture.unique();
        long skuA = fx.sku(a, 5);
        long skuB = fx.sku(b, 1);
        long order = fx.order(
                "s-" + a,
                t0,
                new StockFixture.Item(1, a, 2),
                new StockFixture.Item(2, a, 1),
                new StockFixture.Item(2, b, 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.status(order).equals("AWAITING_STOCK"));
        // shipment 1 holds its units; shipment 2 holds nothing (B was short, so A of that shipment is not taken)
        assertThat(fx.level(skuA).allocated()).isEqualTo(2);
        assertThat(fx.level(skuB).allocated()).isZero();
    }

    @Test
    void cancellingReleasesWhatTheOrderHeld() {
        String code = "C" + StockFixture.unique();
        long sku = fx.sku(code, 4);
        long order = fx.order("c-" + code, t0, item(code, 4));
        allocated(order);
        assertThat(fx.level(sku).free()).isZero();

        workflow.move(order, "CANCELLED", ADMIN, false);
        assertThat(fx.level(sku).allocated()).isZero();
        assertThat(fx.level(sku).free()).isEqualTo(4);
        assertThat(fx.allocationState(order)).isEqualTo("RELEASED");
    }

    @Test
    void aShopCancellationOnImportReleasesToo() {
        String code = "K" + StockFixture.unique();
        long sku = fx.sku(code, 4);
        long order = fx.order("k-" + code, t0, item(code, 1));
        allocated(order);

        fx.order("k-" + code, t0, "Cancelled", "v2", item(code, 1));
        assertThat(fx.status(order)).isEqualTo("CANCELLED");
        assertThat(fx.level(sku).allocated()).isZero();
    }

    @Test
    void aShopsChangeOfTheLinesReleasesAndAllocatesAgain() {
        String code = "E" + StockFixture.unique();
        long sku = fx.sku(code, 4);
        long order = fx.order("e-" + code, t0, item(code, 1));
        allocated(order);

        fx.order("e-" + code, t0, "New", "v2", item(code, 3));
        assertThat(fx.level(sku).allocated()).isEqualTo(3);
        fx.order("e-" + code, t0, "New", "v3", item(code, 9));
        assertThat(fx.status(order)).isEqualTo("AWAITING_STOCK");
        assertThat(fx.level(sku).allocated()).isZero();
    }

    @Test
    void aSetAllocatesItsComponentsAndItsFreeStockIsTheFewestSetsTheyMake() {
        String code = "T" + StockFixture.unique();
        long cup = fx.sku(code + "-CUP", 10);
        long saucer = fx.sku(code + "-SAU", 7);
        long set = fx.set(code, cup, 2, saucer, 1);
        assertThat(freeStock.of(set)).isEqualTo(5);

        long order = fx.order("t-" + code, t0, item(code, 2));
        allocated(order);
        assertThat(fx.level(cup).allocated()).isEqualTo(4);
        assertThat(fx.level(saucer).allocated()).isEqualTo(2);
        assertThat(freeStock.of(List.of(set, cup, saucer))).isEqualTo(Map.of(set, 3, cup, 6, saucer, 5));
    }

    @Test
    void unmappedItemsTakeNothing() {
        String code = "U" + StockFixture.unique();
        long order = fx.order("u-" + code, t0, item("not-listed-" + code, 1));
        allocated(order);
        assertThat(fx.status(order)).isEqualTo("NEW");
    }

    @Test
    void theCheckFindsTheTotalsEqualToTheLedgerAndReportsADifference() {
        String code = "Q" + StockFixture.unique();
        long sku = fx.sku(code, 3);
        assertThat(check.run().detail()).doesNotContain(code + ":");
        jdbc.sql("update stock set on_hand = on_hand + 1 where product_id = ?")
                .param(sku)
                .update();
        StockCheck.Result result = check.run();
        assertThat(result.alert()).isTrue();
        assertThat(result.detail()).contains(code + ": 実在庫 4 / 履歴 3");
        assertThat(check.latest()).contains(result);
        jdbc.sql("update stock set on_hand = on_hand - 1 where product_id = ?")
                .param(sku)
                .update();
    }

    @Test
    void deletingOrderDataReleasesWhatTheOrdersHeld() {
        String code = "D" + StockFixture.unique();
        long sku = fx.sku(code, 5);
        OffsetDateTime longAgo = OffsetDateTime.parse("2001-02-03T10:00:00+09:00");
        long order = fx.order("d-" + code, longAgo, item(code, 4));
        allocated(order);
        assertThat(fx.level(sku).allocated()).isEqualTo(4);

        orders.deleteOrdered(fx.connectionId, longAgo.toLocalDate(), longAgo.toLocalDate(), "テスト");
        assertThat(fx.level(sku).allocated()).isZero();
        assertThat(fx.allocationState(order)).isEqualTo("NONE");
        assertThat(jdbc.sql("select count(*) from stock_ledger where order_id = ? and kind = 'RELEASE'")
                        .param(order)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void afterConfirmationTimingAllocatesWhenTheOrderLeavesConfirmationNotOnImport() {
        settings.save(new StockSettings(StockSettings.AllocationTiming.AFTER_CONFIRMATION, 5), "テスト");
        try {
            String code = "N" + StockFixture.unique();
            long sku = fx.sku(code, 1);
            long order = fx.order("n-" + code, t0, item(code, 2));
            assertThat(fx.allocationState(order)).isEqualTo("NONE");
            workflow.move(order, "CONFIRMING", ADMIN, false);
            assertThat(fx.allocationState(order)).isEqualTo("NONE");

            // leaving 確認待ち for 出荷待ち: short, so it waits, and goes on to 出荷待ち once stock arrives
            workflow.move(order, "READY_TO_SHIP", ADMIN, false);
            assertThat(fx.status(order)).isEqualTo("AWAITING_STOCK");
            assertThat(fx.level(sku).allocated()).isZero();
            ledger.book(List.of(new StockMovement(sku, "RECEIVE", 1, 0, null, null, "入荷", "テスト")));
            await().atMost(Duration.ofSeconds(10)).until(() -> fx.status(order).equals("READY_TO_SHIP"));
            assertThat(fx.level(sku).allocated()).isEqualTo(2);
        } finally {
            settings.save(new StockSettings(StockSettings.AllocationTiming.ON_IMPORT, 5), "テスト");
        }
    }

    @Test
    void aHeldWaitingOrderKeepsItsPlaceAndMovesOnAfterItsHoldIsReleased() {
        String code = "H" + StockFixture.unique();
        long sku = fx.sku(code, 0);
        long order = fx.order("h-" + code, t0, item(code, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.status(order).equals("AWAITING_STOCK"));
        workflow.hold(List.of(order), "お客様に確認中", ADMIN);
        ledger.book(List.of(new StockMovement(sku, "RECEIVE", 1, 0, null, null, "入荷", "テスト")));
        allocated(order);
        assertThat(fx.status(order)).isEqualTo("ON_HOLD");

        workflow.release(List.of(order), ADMIN);
        assertThat(fx.status(order)).isEqualTo("NEW");
    }
}
