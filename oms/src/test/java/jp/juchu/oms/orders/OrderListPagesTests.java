package jp.juchu.oms.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class OrderListPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Orders orders;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    JdbcClient jdbc;

    private long order(String serial, String buyer, String payment, String paymentStatus) {
        return order(serial, buyer, payment, paymentStatus, "tea-1", 1080);
    }

    private long order(String serial, String buyer, String payment, String paymentStatus, String item, long total) {
        return SampleOrders.apply(
                orders,
                jdbc,
                4444,
                SampleOrders.order(serial, OffsetDateTime.now(), buyer, payment, paymentStatus, item, total));
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user("staff").roles("STAFF")))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void tabsCountEachStatusAndTheKeywordFindsTheBuyer() throws Exception {
        String tag = "kw" + System.nanoTime();
        order(tag + "-1", "検索 花子" + tag, "CreditCard", "Paid");

        Document found = page("/orders?keyword=" + tag);
        assertThat(found.select("[data-testid=order-row]")).hasSize(1);
        long newOrders = orders.statusCounts().get("NEW");
        assertThat(page("/orders").select("[data-testid=tab-NEW]").text()).isEqualTo("新規受付 (" + newOrders + ")");
    }

    @Test
    void bulkStatusChangeMovesTheChosenOrdersAndNamesThoseTheGuardRefuses() throws Exception {
        String tag = "bulk" + System.nanoTime();
        long paid = order(tag + "-paid", "一括 一郎", "CreditCard", "Paid");
        long unpaid = order(tag + "-unpaid", "一括 二郎", "BankTransfer", "Unpaid");

        mvc.perform(post("/orders/bulk-status")
                        .param("order", String.valueOf(paid), String.valueOf(unpaid))
                        .param("status", "READY_TO_SHIP")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("moved", 1))
                .andExpect(flash().attribute(
                                "refused",
                                List.of("受注番号 " + tag + "-unpaid: 入金が確認できていない受注です。出荷待ちにするには「入金前に出荷する」を選んでください")));

        assertThat(orders.detail(paid).orElseThrow().workflowStatusName()).isEqualTo("出荷待ち");
        assertThat(orders.detail(unpaid).orElseThrow().workflowStatusName()).isEqualTo("新規受付");
    }

    @Test
    void filtersByProductCodeAndTotalRangeAndSortsByTotal() throws Exception {
        String tag = "flt" + System.nanoTime();
        order(tag + "-a", "絞込 一", "CreditCard", "Paid", tag + "-item", 5000);
        order(tag + "-b", "絞込 二", "CreditCard", "Paid", tag + "-item", 12000);
        order(tag + "-c", "絞込 三", "CreditCard", "Paid", "other-item", 8000);

        assertThat(numbers(page("/orders?item=" + tag + "-item&sort=total"))).containsExactly(tag + "-b", tag + "-a");
        assertThat(numbers(page("/orders?item=" + tag + "-item&sort=total_asc")))
                .containsExactly(tag + "-a", tag + "-b");
        assertThat(numbers(page("/orders?keyword=" + tag + "&min=6000&max=9000")))
                .containsExactly(tag + "-c");
        assertThat(numbers(page("/orders?keyword=" + tag + "&paid=Unpaid"))).isEmpty();
        assertThat(numbers(page("/orders?keyword=" + tag + "&shop=4444&shipped=NotShipped")))
                .hasSize(3);
    }

    @Test
    void holdNeedsAReasonAndTheListShowsIt() throws Exception {
        String tag = "hold" + System.nanoTime();
        long id = order(tag, "保留 太郎", "CreditCard", "Paid");

        mvc.perform(post("/orders/bulk-status")
                        .param("order", String.valueOf(id))
                        .param("status", "ON_HOLD")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "保留の理由を1〜200文字で入力してください"));
        mvc.perform(post("/orders/bulk-status")
                        .param("order", String.valueOf(id))
                        .param("status", "ON_HOLD")
                        .param("reason", "在庫確認中")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("moved", 1));

        Document held = page("/orders?status=ON_HOLD&keyword=" + tag);
        assertThat(held.select("[data-testid=hold-reason]").text()).isEqualTo("(在庫確認中)");
        workflow.release(List.of(id), Actor.person("staff", false));
        assertThat(orders.detail(id).orElseThrow().holdReason()).isNull();
        assertThat(orders.detail(id).orElseThrow().workflowStatus()).isEqualTo("NEW");
    }

    @Test
    void onlyAnAdminRestoresACancelledOrder() throws Exception {
        long id = order("cxl" + System.nanoTime(), "取消 花子", "CreditCard", "Paid");
        workflow.move(id, "CANCELLED", Actor.person("staff", false), false);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> workflow.move(id, "NEW", Actor.person("staff", false), false))
                .isInstanceOf(TransitionRefused.class)
                .hasMessageContaining("キャンセルした受注を戻せるのは管理者だけです");
        workflow.move(id, "NEW", Actor.person("admin", true), false);
        assertThat(orders.detail(id).orElseThrow().workflowStatus()).isEqualTo("NEW");
    }

    @Test
    void aSavedSearchComesBackForItsOwnerOnly() throws Exception {
        String tag = "saved" + System.nanoTime();
        order(tag, "保存 一郎", "CashOnDelivery", "Unpaid");

        mvc.perform(post("/orders/saved-searches")
                        .param("name", "代引き " + tag)
                        .param("query", "?keyword=" + tag + "&payment=CashOnDelivery")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "検索条件「代引き " + tag + "」を保存しました"));

        String link =
                page("/orders").select("[data-testid='saved-代引き " + tag + "']").attr("href");
        assertThat(numbers(page(link))).containsExactly(tag);
        Document other =
                Jsoup.parse(mvc.perform(get("/orders").with(user("someone").roles("STAFF")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(other.select("[data-testid='saved-代引き " + tag + "']")).isEmpty();
    }

    @Test
    void tabCountsFollowEveryMoveFromTheTally() throws Exception {
        long id = order("tally" + System.nanoTime(), "集計 太郎", "CreditCard", "Paid");
        long before = jdbc.sql("select count(*) from oms_order where workflow_status = 'CONFIRMING'")
                .query(Long.class)
                .single();

        workflow.move(id, "CONFIRMING", Actor.person("staff", false), false);
        OrderQueries.foldStatusTally(jdbc);

        assertThat(orders.statusCounts().get("CONFIRMING")).isEqualTo(before + 1);
        assertThat(tabCounts()).isEqualTo(ordersByStatus());
    }

    @Test
    void oneUpdateMovingOrdersBothWaysAndLeavingOthersWhereTheyWereKeepsTheTabCountsRight() throws Exception {
        long a = order("swap-a" + System.nanoTime(), "集計 一郎", "CreditCard", "Paid");
        long b = order("swap-b" + System.nanoTime(), "集計 二郎", "CreditCard", "Paid");
        long c = order("swap-c" + System.nanoTime(), "集計 三郎", "CreditCard", "Paid");
        workflow.move(a, "CONFIRMING", Actor.person("staff", false), false);
        String other = jdbc.sql("select workflow_status from oms_order where id = ?")
                .param(b)
                .query(String.class)
                .single();

        // a and b swap their statuses in one statement, c is rewritten where it was
        jdbc.sql("update oms_order set workflow_status = case id when ? then ? when ? then 'CONFIRMING'"
                        + " else workflow_status end where id in (?, ?, ?)")
                .params(a, other, b, a, b, c)
                .update();
        OrderQueries.foldStatusTally(jdbc);

        assertThat(tabCounts()).isEqualTo(ordersByStatus());
    }

    /** The tabs' counts from the tally, the statuses without orders left out. */
    private java.util.Map<String, Long> tabCounts() {
        java.util.Map<String, Long> nonZero = new java.util.HashMap<>(orders.statusCounts());
        nonZero.values().removeIf(n -> n == 0);
        return nonZero;
    }

    private java.util.Map<String, Long> ordersByStatus() {
        return jdbc.sql("select workflow_status, count(*) from oms_order group by 1")
                .query(rs -> {
                    java.util.Map<String, Long> counts = new java.util.HashMap<>();
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                    return counts;
                });
    }

    private static List<String> numbers(Document page) {
        return page.select("[data-testid=order-number]").eachText();
    }
}
