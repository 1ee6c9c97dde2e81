package jp.juchu.oms.stocksync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.oms.malls.ConnectionSettings;
import jp.juchu.oms.malls.ConnectionSetup;
import jp.juchu.oms.malls.ConnectionStatus;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SampleOrders;
import jp.juchu.oms.orders.ShopOrder;
import jp.juchu.oms.stock.StockLedger;
import jp.juchu.oms.stock.StockMovement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The push from the OMS's free stock to a shop, against a shop's stock API over HTTP. */
@SpringBootTest(properties = "oms.stocksync.pushes-per-minute=6000")
class StockSyncTests {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    StockSync sync;

    @Autowired
    StockLedger ledger;

    @Autowired
    ConnectionSetup setup;

    @Autowired
    MallConnections connections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    StockShop shop;
    long connectionId;
    long sku;
    long listing;
    String item;

    @BeforeEach
    void linkShopWithOneListing() throws Exception {
        shop = new StockShop();
        int n = N.incrementAndGet();
        connectionId = setup.saveUnverified(new ConnectionSettings(
                        "sync" + n, "open-key", "manager-key", 7, false, 30, shop.managementUrl(), shop.itemUrl()))
                .id();
        sku = jdbc.sql("insert into product (code, name) values (?, ?) returning id")
                .params("SYNC-" + n + "-" + System.nanoTime() % 100000, "同期テスト")
                .query(Long.class)
                .single();
        item = "item-" + n;
        listing = jdbc.sql("insert into listing (connection_id, item_code, product_id, multiplier) values (?, ?, ?, 2)"
                        + " returning id")
                .params(connectionId, item, sku)
                .query(Long.class)
                .single();
        shop.stock.put(item, 7);
    }

    @AfterEach
    void close() {
        shop.close();
    }

    void book(int onHand, int allocated) {
        ledger.book(List.of(new StockMovement(sku, "ADJUST", onHand, allocated, null, null, null, "テスト")));
    }

    int waiting() {
        return sync.waitingCount(connectionId);
    }

    @Test
    void aChangeOfFreeStockWaitsForTheMerchantsConfirmationBeforeTheFirstPush() {
        book(40, 0);
        assertThat(waiting()).isEqualTo(1);
        sync.drain(connectionId);
        assertThat(shop.stock.get(item)).isEqualTo(7);

        assertThat(sync.preview(connectionId, 100)).singleElement().satisfies(line -> {
            assertThat(line.shopQuantity()).isEqualTo(7);
            assertThat(line.omsQuantity()).isEqualTo(20);
        });
        sync.confirm(connectionId, "admin");
        sync.drain(connectionId);

        assertThat(shop.stock.get(item)).isEqualTo(20);
        assertThat(waiting()).isZero();
        assertThat(sync.listings(connectionId).get(0).row().pushedQuantity()).isEqualTo(20);
    }

    @Test
    void anOrderArrivingCancelledAtItsShopHasThatShopsQuantitySetToTheFormulaAgain() {
        book(40, 0);
        sync.confirm(connectionId, "admin");
        sync.drain(connectionId);
        assertThat(shop.stock.get(item)).isEqualTo(20);

        // the shop sold one (its storefront took it) and the buyer cancelled before the OMS read the order
        shop.stock.put(item, 19);
        ShopOrder placed = SampleOrders.order(
                "cxl-" + System.nanoTime(), OffsetDateTime.now(), "取消 太郎", "CreditCard", "Paid", item, 1000);
        ShopOrder cancelled = SampleOrders.withStates(placed, "Cancelled", "NotShipped");
        orders.applyFromShop(connectionId, List.of(new IncomingOrder(cancelled, "{}", cancelled.serialCode())));

        // the OMS holds nothing for it, free stock is unchanged, and the shop is put back to the formula
        assertThat(waiting()).isEqualTo(1);
        sync.drain(connectionId);
        assertThat(shop.stock.get(item)).isEqualTo(20);
    }

    @Test
    void aSaleAtTheShopBetweenTheReadAndTheWriteIsReadAgainNotOverwritten() {
        sync.confirm(connectionId, "admin");
        sync.drain(connectionId);
        shop.stock.put(item, 7);
        book(10, 0);
        // the shop sells one unit after the OMS read its stock and before the write: the write meets a 409
        shop.faults.add(StockShop.Fault.NONE);
        shop.faults.add(StockShop.Fault.SALE_BEFORE);
        sync.drain(connectionId);

        assertThat(shop.conflicts.get()).isEqualTo(1);
        assertThat(shop.stock.get(item)).isEqualTo(5);
        assertThat(waiting()).isZero();
    }

    @Test
    void theRuleGivesTheShareDividedByTheMultiplierLessTheReserve() {
        sync.confirm(connectionId, "admin");
        sync.saveRule(connectionId, listing, true, new SyncRule(50, 2, 1, 100, 0));
        book(41, 0);
        sync.drain(connectionId);
        // 41 × 50 % = 20, / 2 = 10, − 1 = 9
        assertThat(shop.stock.get(item)).isEqualTo(9);

        sync.saveRule(connectionId, listing, true, new SyncRule(100, 2, 0, null, 50));
        sync.drain(connectionId);
        assertThat(shop.stock.get(item)).isZero();
    }

    @Test
    void aRefusedKeyStopsTheShopsSyncWithTheKeyBanner() {
        sync.confirm(connectionId, "admin");
        sync.drain(connectionId);
        book(10, 0);
        shop.faults.add(StockShop.Fault.UNAUTHORIZED);
        sync.drain(connectionId);

        assertThat(sync.shop(connectionId).stopped()).isTrue();
        assertThat(connections.find(connectionId).orElseThrow().status()).isEqualTo(ConnectionStatus.KEY_INVALID);
        assertThat(waiting()).isEqualTo(1);
        sync.drain(connectionId);
        assertThat(shop.stock.get(item)).as("stopped").isZero();

        sync.resume(connectionId);
        sync.drain(connectionId);
        assertThat(shop.stock.get(item)).isEqualTo(5);
    }

    @Test
    void aRateLimitOrAnOutagePausesTheShopAndKeepsTheListingWaiting() {
        sync.confirm(connectionId, "admin");
        sync.drain(connectionId);
        book(10, 0);
        shop.faults.add(StockShop.Fault.SERVER_ERROR);
        sync.drain(connectionId);

        ShopSync paused = sync.shop(connectionId);
        assertThat(paused.failures()).isEqualTo(1);
        assertThat(paused.waitUntil()).isNotNull();
        assertThat(waiting()).isEqualTo(1);
        assertThat(shop.stock.get(item)).isZero();
        sync.drain(connectionId);
        assertThat(shop.stock.get(item)).as("still waiting").isZero();

        jdbc.sql("update stock_sync_shop set wait_until = now() where connection_id = ?")
                .param(connectionId)
                .update();
        shop.faults.add(StockShop.Fault.RATE_LIMITED);
        sync.drain(connectionId);
        assertThat(sync.shop(connectionId).failures()).isEqualTo(2);

        jdbc.sql("update stock_sync_shop set wait_until = now() where connection_id = ?")
                .param(connectionId)
                .update();
        sync.drain(connectionId);
        assertThat(shop.stock.get(item)).isEqualTo(5);
        assertThat(sync.shop(connectionId).failures()).isZero();
    }

    @Test
    void theComparisonReportsADifferenceAndTheNextPushCorrectsIt() {
        book(30, 0);
        sync.confirm(connectionId, "admin");
        sync.drain(connectionId);
        assertThat(shop.stock.get(item)).isEqualTo(15);
        shop.stock.put(item, 99); // changed at the shop by hand

        SyncComparison comparison = sync.compare(connectionId, "MANUAL");

        assertThat(comparison.checked()).isEqualTo(1);
        assertThat(comparison.differing()).isEqualTo(1);
        assertThat(sync.latestDifferences(connectionId)).singleElement().satisfies(d -> {
            assertThat(d.shopQuantity()).isEqualTo(99);
            assertThat(d.omsQuantity()).isEqualTo(15);
        });
        sync.drain(connectionId);
        assertThat(shop.stock.get(item)).isEqualTo(15);
        assertThat(sync.compare(connectionId, "MANUAL").differing()).isZero();
    }

    @Test
    void aSetsListingFollowsItsComponentsFreeStock() {
        long set = jdbc.sql("insert into product (code, kind, name) values (?, 'SET', 'セット') returning id")
                .param("SET-" + System.nanoTime() % 1000000)
                .query(Long.class)
                .single();
        jdbc.sql("insert into product_set_component (set_id, component_id, quantity) values (?, ?, 3)")
                .params(set, sku)
                .update();
        String setItem = item + "-set";
        jdbc.sql("insert into listing (connection_id, item_code, product_id) values (?, ?, ?)")
                .params(connectionId, setItem, set)
                .update();
        shop.stock.put(setItem, 0);
        sync.confirm(connectionId, "admin");
        sync.drain(connectionId);

        book(10, 0);
        assertThat(waiting()).isEqualTo(2);
        sync.drain(connectionId);
        assertThat(shop.stock.get(setItem)).isEqualTo(3);
        assertThat(shop.stock.get(item)).isEqualTo(5);
    }

    @Test
    void aShopSwitchedOffGetsNothingPushedAndKeepsItsOutboxUntilSwitchedOnAgain() {
        sync.confirm(connectionId, "admin");
        sync.drain(connectionId);
        shop.stock.put(item, 7);
        sync.enable(connectionId, false);
        book(30, 0);

        assertThat(sync.drain(connectionId)).isZero();
        sync.drainAll();
        assertThat(shop.stock.get(item)).isEqualTo(7);
        assertThat(waiting()).isEqualTo(1);
        assertThat(sync.shop(connectionId).enabled()).isFalse();
        assertThat(sync.confirmedConnections()).doesNotContain(connectionId);

        sync.enable(connectionId, true);
        sync.drain(connectionId);
        assertThat(shop.stock.get(item)).isEqualTo(15);
        assertThat(waiting()).isZero();
        assertThat(sync.confirmedConnections()).contains(connectionId);
    }
}
