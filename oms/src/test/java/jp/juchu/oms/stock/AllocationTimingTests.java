package jp.juchu.oms.stock;

import static jp.juchu.oms.stock.StockFixture.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.OffsetDateTime;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.stock.StockSettings.AllocationTiming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The allocation timing of オプション設定, on every path: with 確認待ちを抜けた時, neither the import nor the minute's sweep
 * allocates a new order, and leaving 新規受付 / 確認待ち allocates it whichever path moves it — the order page, the bulk
 * change, a rule; with 受注の取込時, the import does.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AllocationTimingTests {

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
    AllocationTimingSwitch timing;

    @Autowired
    OrderStockHooks hooks;

    @Autowired
    MockMvc mvc;

    StockFixture fx;
    OffsetDateTime t0 = OffsetDateTime.now().minusDays(1);

    @BeforeEach
    void afterConfirmation() {
        fx = new StockFixture(jdbc, orders, ledger, tx);
        timing.change(AllocationTiming.AFTER_CONFIRMATION, "テスト");
    }

    @AfterEach
    void onImport() {
        timing.change(AllocationTiming.ON_IMPORT, "テスト");
    }

    private long newOrder(String code) {
        fx.sku(code, 10);
        return fx.order("t-" + code, t0, item(code, 2));
    }

    private void allocated(long orderId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx.allocationState(orderId).equals("ALLOCATED"));
    }

    @Test
    void neitherTheImportNorTheSweepAllocatesAnOrderWaitingForConfirmation() throws Exception {
        long order = newOrder("TI" + StockFixture.unique());
        hooks.allocateWaitingFor(null);
        Thread.sleep(300); // the import's after-commit allocation, had it run
        assertThat(fx.allocationState(order)).isEqualTo("NONE");

        workflow.move(order, "CONFIRMING", Actor.person("担当", true), false);
        hooks.allocateWaitingFor(null);
        assertThat(fx.allocationState(order)).isEqualTo("NONE");
    }

    @Test
    void theOrderPageAllocatesWhenItMovesTheOrderOutOfConfirmation() throws Exception {
        long order = newOrder("TP" + StockFixture.unique());
        mvc.perform(post("/orders/" + order + "/status")
                .param("status", "CONFIRMING")
                .with(user("staff").roles("STAFF"))
                .with(csrf()));
        assertThat(fx.allocationState(order)).isEqualTo("NONE");

        mvc.perform(post("/orders/" + order + "/status")
                .param("status", "READY_TO_SHIP")
                .with(user("staff").roles("STAFF"))
                .with(csrf()));

        allocated(order);
        assertThat(fx.status(order)).isEqualTo("READY_TO_SHIP");
    }

    @Test
    void theBulkChangeAllocatesEachOrderItMovesOutOfConfirmation() throws Exception {
        long one = newOrder("TB" + StockFixture.unique());
        long two = newOrder("TB" + StockFixture.unique());

        mvc.perform(post("/orders/bulk-status")
                .param("order", String.valueOf(one), String.valueOf(two))
                .param("status", "READY_TO_SHIP")
                .with(user("staff").roles("STAFF"))
                .with(csrf()));

        allocated(one);
        allocated(two);
    }

    @Test
    void aBulkMoveToShippingAllocatesTheOrdersThatHoldNothingAndLeavesTheAllocatedOnesAlone() throws Exception {
        long held = newOrder("TH" + StockFixture.unique());
        long fresh = newOrder("TH" + StockFixture.unique());
        workflow.move(held, "READY_TO_SHIP", Actor.person("担当", true), false);
        allocated(held);
        // back to 確認待ち: it keeps what it holds
        workflow.move(held, "CONFIRMING", Actor.person("担当", true), false);

        // both in one transaction: their allocation states are read together
        mvc.perform(post("/orders/bulk-status")
                .param("order", String.valueOf(held), String.valueOf(fresh))
                .param("status", "READY_TO_SHIP")
                .with(user("staff").roles("STAFF"))
                .with(csrf()));

        allocated(fresh);
        assertThat(fx.status(held)).isEqualTo("READY_TO_SHIP");
        assertThat(fx.status(fresh)).isEqualTo("READY_TO_SHIP");
        assertThat(fx.allocationState(held)).isEqualTo("ALLOCATED");
        assertThat(jdbc.sql("select count(*) from stock_ledger where order_id = ? and kind = 'ALLOCATE'")
                        .param(held)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aRuleMovingTheOrderOutOfConfirmationAllocatesIt() {
        long order = newOrder("TR" + StockFixture.unique());
        workflow.move(order, "CONFIRMING", Actor.person("担当", true), false);

        assertThat(workflow.route(order, "CONFIRMING", "READY_TO_SHIP", "テストのルール", Actor.rule("出荷待ちへ")))
                .isEmpty();

        allocated(order);
    }

    @Test
    void withTheImportTimingTheImportAllocates() {
        timing.change(AllocationTiming.ON_IMPORT, "テスト");
        long order = newOrder("TO" + StockFixture.unique());

        allocated(order);
        assertThat(fx.status(order)).isEqualTo("NEW");
    }
}
