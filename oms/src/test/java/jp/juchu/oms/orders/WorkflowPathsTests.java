package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The order page, the bulk action, hold and release, and the shop's changes all go through the one workflow. */
@SpringBootTest
@AutoConfigureMockMvc
class WorkflowPathsTests {

    private static final long SHOP = 7171;

    @Autowired
    MockMvc mvc;

    @Autowired
    Orders orders;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    JdbcClient jdbc;

    private long order(String tag, String payment, String paymentStatus) {
        return SampleOrders.apply(
                orders,
                jdbc,
                SHOP,
                SampleOrders.order(
                        tag + System.nanoTime(), OffsetDateTime.now(), "流れ 太郎", payment, paymentStatus, "t", 1000));
    }

    private String status(long id) {
        return orders.detail(id).orElseThrow().workflowStatus();
    }

    private String number(long id) {
        return orders.detail(id).orElseThrow().orderNumber();
    }

    @Test
    void aRoutesAlertLineComesWithItsMoveAndNotWithARefusedOneAndReachesAnOrderThatWasThereAlready() {
        long moving = order("alert-moving", "CreditCard", "Paid");
        long there = order("alert-there", "CreditCard", "Paid");
        long refusedOne = order("alert-refused", "BankTransfer", "Unpaid");
        Actor rule = Actor.rule("確認");
        orders.raiseAlert(moving, "先の要確認", "staff");
        workflow.move(there, "CONFIRMING", Actor.person("staff", false), false);
        long versionBefore = orders.detail(moving).orElseThrow().version();

        java.util.Map<Long, String> refused = workflow.routeAll(List.of(
                new OrderWorkflow.Route(moving, "NEW", "CONFIRMING", "至急", rule, "確認内容: 至急"),
                new OrderWorkflow.Route(there, "CONFIRMING", "CONFIRMING", "至急", rule, "確認内容: 至急"),
                new OrderWorkflow.Route(refusedOne, "NEW", "READY_TO_SHIP", "至急", rule, "確認内容: 至急")));

        assertThat(refused).containsOnlyKeys(refusedOne);
        OrderDetail moved = orders.detail(moving).orElseThrow();
        assertThat(moved.workflowStatus()).isEqualTo("CONFIRMING");
        assertThat(moved.alert()).isEqualTo("先の要確認\n確認内容: 至急");
        // two changes, as a move and then a note would have counted them, in one update
        assertThat(moved.version()).isEqualTo(versionBefore + 2);
        assertThat(jdbc.sql("select kind || ' ' || summary from order_history where order_id = ? order by id")
                        .param(moving)
                        .query(String.class)
                        .list())
                .endsWith("STATUS ステータス: 新規受付 → 確認待ち (至急)", "ALERT 確認内容: 至急");
        assertThat(orders.detail(there).orElseThrow().alert()).isEqualTo("確認内容: 至急");
        assertThat(orders.detail(refusedOne).orElseThrow().alert()).isNull();
    }

    @Test
    void rulesMovesOfManyOrdersAtOnceKeepEachOrdersGuards() {
        long ready = order("route-ready", "CreditCard", "Paid");
        long held = order("route-held", "CreditCard", "Paid");
        long unpaid = order("route-unpaid", "BankTransfer", "Unpaid");
        long movedMeanwhile = order("route-moved", "CreditCard", "Paid");
        workflow.move(movedMeanwhile, "CONFIRMING", Actor.person("staff", false), false);
        Actor rule = Actor.rule("まとめて");

        java.util.Map<Long, String> refused = workflow.routeAll(List.of(
                new OrderWorkflow.Route(ready, "NEW", "READY_TO_SHIP", "ルールA", rule),
                new OrderWorkflow.Route(held, "NEW", "ON_HOLD", "ブラックリスト", rule),
                new OrderWorkflow.Route(unpaid, "NEW", "READY_TO_SHIP", "ルールA", rule),
                new OrderWorkflow.Route(movedMeanwhile, "NEW", "READY_TO_SHIP", "ルールA", rule),
                new OrderWorkflow.Route(-1, "NEW", "READY_TO_SHIP", "ルールA", rule)));

        assertThat(refused)
                .containsOnlyKeys(unpaid, movedMeanwhile, -1L)
                .containsEntry(movedMeanwhile, "受注はもう「新規受付」ではありません")
                .containsEntry(-1L, "受注が見つかりません");
        assertThat(refused.get(unpaid)).contains("入金が確認できていない受注です");
        assertThat(status(ready)).isEqualTo("READY_TO_SHIP");
        assertThat(status(held)).isEqualTo("ON_HOLD");
        assertThat(status(unpaid)).isEqualTo("NEW");
        assertThat(status(movedMeanwhile)).isEqualTo("CONFIRMING");
        assertThat(jdbc.sql("select hold_reason || '/' || held_from from oms_order where id = ?")
                        .param(held)
                        .query(String.class)
                        .single())
                .isEqualTo("ブラックリスト/NEW");
        assertThat(jdbc.sql("select summary from order_history where order_id = ? and kind = 'STATUS'")
                        .param(ready)
                        .query(String.class)
                        .list())
                .containsExactly("ステータス: 新規受付 → 出荷待ち (ルールA)");
        assertThat(jdbc.sql("select count(*) from order_history where order_id = any (?) and kind = 'STATUS'")
                        .param(new Long[] {unpaid})
                        .query(Long.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> workflow.routeAll(List.of(
                        new OrderWorkflow.Route(unpaid, "NEW", "READY_TO_SHIP", "x", rule),
                        new OrderWorkflow.Route(unpaid, "NEW", "ON_HOLD", "x", rule))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBulkChangeAppliesWhatTheRulesAllowAndNamesEachRefusal() throws Exception {
        long paid = order("bulk-paid", "CreditCard", "Paid");
        long unpaid = order("bulk-unpaid", "BankTransfer", "Unpaid");
        long cancelled = order("bulk-cxl", "CreditCard", "Paid");
        workflow.move(cancelled, "CANCELLED", Actor.person("staff", false), false);

        mvc.perform(post("/orders/bulk-status")
                        .param("order", String.valueOf(paid), String.valueOf(unpaid), String.valueOf(cancelled))
                        .param("status", "READY_TO_SHIP")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("moved", 1))
                .andExpect(flash().attribute(
                                "refused",
                                List.of(
                                        "受注番号 " + number(unpaid) + ": 入金が確認できていない受注です。出荷待ちにするには「入金前に出荷する」を選んでください",
                                        "受注番号 " + number(cancelled) + ": キャンセルした受注です。管理者が出荷前のステータスへ戻すまで、ほかへは移せません")));

        assertThat(status(paid)).isEqualTo("READY_TO_SHIP");
        assertThat(status(unpaid)).isEqualTo("NEW");
        assertThat(status(cancelled)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ORDER_STATUS_CHANGED' and actor = 'staff'"
                                + " and target = ?")
                        .param("order:" + number(paid))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void onTheOrderPageStaffCannotRestoreACancelledOrderAndAnAdminCan() throws Exception {
        long id = order("page-cxl", "CreditCard", "Paid");
        workflow.move(id, "CANCELLED", Actor.person("staff", false), false);

        mvc.perform(post("/orders/" + id + "/status")
                        .param("status", "NEW")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "受注番号 " + number(id) + ": キャンセルした受注を戻せるのは管理者だけです"));
        assertThat(status(id)).isEqualTo("CANCELLED");

        mvc.perform(post("/orders/" + id + "/status")
                        .param("status", "NEW")
                        .with(user("boss").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("saved", true));
        assertThat(status(id)).isEqualTo("NEW");
        assertThat(orders.detail(id).orElseThrow().history())
                .anySatisfy(h -> assertThat(h.actor()).isEqualTo("boss"))
                .anySatisfy(h -> assertThat(h.summary()).isEqualTo("ステータス: キャンセル → 新規受付"));
    }

    @Test
    void aHoldRemembersWhereTheOrderWasAndReleaseReturnsItThere() throws Exception {
        long id = order("hold", "CreditCard", "Paid");
        workflow.move(id, "READY_TO_SHIP", Actor.person("staff", false), false);

        mvc.perform(post("/orders/bulk-status")
                        .param("order", String.valueOf(id))
                        .param("status", "ON_HOLD")
                        .param("reason", "住所の確認中")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("moved", 1));
        assertThatThrownBy(() -> workflow.move(id, "PRINTED", Actor.system("送り状出力"), false))
                .isInstanceOf(TransitionRefused.class)
                .hasMessageContaining("保留中の受注は印刷・出荷できません");
        assertThat(workflow.hold(List.of(id), "もう一度", Actor.person("staff", false))
                        .refusalMessages())
                .containsExactly("受注番号 " + number(id) + ": すでに保留中です");

        mvc.perform(post("/orders/" + id + "/status")
                        .param("status", "RELEASE")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("saved", true));

        OrderDetail released = orders.detail(id).orElseThrow();
        assertThat(released.workflowStatus()).isEqualTo("READY_TO_SHIP");
        assertThat(released.holdReason()).isNull();
        assertThat(released.history())
                .anySatisfy(h -> assertThat(h.summary()).isEqualTo("ステータス: 出荷待ち → 保留 (理由: 住所の確認中)"))
                .anySatisfy(h -> assertThat(h.summary()).isEqualTo("ステータス: 保留 → 出荷待ち (保留解除)"));
    }

    @Test
    void anOrderTheShopCancelsBeforePrintingMovesToCancelledWithTheAlert() {
        ShopOrder placed = SampleOrders.order("shop-cxl" + System.nanoTime(), OffsetDateTime.now());
        long id = SampleOrders.apply(orders, jdbc, SHOP, placed);
        workflow.hold(List.of(id), "確認中", Actor.person("staff", false));

        orders.applyFromShop(SHOP, List.of(new IncomingOrder(cancelled(placed), "{}", "cancelled")));

        OrderDetail order = orders.detail(id).orElseThrow();
        assertThat(order.workflowStatus()).isEqualTo("CANCELLED");
        assertThat(order.alert()).contains("ショップでキャンセルされました");
        assertThat(order.history())
                .anySatisfy(h -> assertThat(h.summary()).isEqualTo("ステータス: 保留 → キャンセル (ショップでキャンセル)"));
        assertThatThrownBy(() -> workflow.move(id, "NEW", Actor.person("staff", false), false))
                .isInstanceOf(TransitionRefused.class);

        // an admin's restore stands when the shop sends the cancelled order again
        workflow.move(id, "NEW", Actor.person("boss", true), false);
        orders.applyFromShop(SHOP, List.of(new IncomingOrder(cancelled(placed), "{\"again\":1}", "cancelled-again")));
        assertThat(status(id)).isEqualTo("NEW");
        assertThatThrownBy(() -> workflow.move(id, "READY_TO_SHIP", Actor.person("boss", true), false))
                .hasMessageContaining("ショップでキャンセルされた受注です");
    }

    @Test
    void anOrderArrivingCancelledEntersAsCancelled() {
        ShopOrder placed = SampleOrders.order("arrive-cxl" + System.nanoTime(), OffsetDateTime.now());
        long id = SampleOrders.apply(orders, jdbc, SHOP, cancelled(placed));

        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(orders.detail(id).orElseThrow().history())
                .anySatisfy(h -> assertThat(h.summary()).contains("ショップでキャンセル済みの受注として取り込み"));
    }

    @Test
    void anOlderCopyOfAnOrderNeverOverwritesTheNewerOneAlreadyImported() {
        String serial = "older" + System.nanoTime();
        OffsetDateTime changed = OffsetDateTime.now();
        long id = SampleOrders.apply(orders, jdbc, SHOP, cancelled(SampleOrders.order(serial, changed)));

        // the order as the shop had it a minute before, written late (a stalled node's run)
        ShopOrder older = SampleOrders.order(serial, changed.minusMinutes(1));
        Map<String, ShopChange> result =
                orders.applyFromShop(SHOP, List.of(new IncomingOrder(older, "{\"older\":1}", "older")));

        assertThat(result).containsEntry(serial, ShopChange.UNCHANGED);
        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    private static ShopOrder cancelled(ShopOrder o) {
        return SampleOrders.withStates(o, "Cancelled", o.shippingStatus());
    }
}
