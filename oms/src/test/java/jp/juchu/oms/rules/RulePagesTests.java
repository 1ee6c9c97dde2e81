package jp.juchu.oms.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SampleOrders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The 自動処理 screens as a merchant uses them, and as a careless or hostile one tries them. */
@SpringBootTest
@AutoConfigureMockMvc
class RulePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RuleBook rules;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void noRules() {
        jdbc.sql("delete from auto_rule").update();
    }

    Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(
                mvc.perform(request.with(user("tanaka").roles("STAFF")).with(csrf()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
    }

    MockHttpServletRequestBuilder nestedRule(String name) {
        return post("/rules")
                .param("name", name)
                .param("enabled", "true")
                .param("mode", "AUTO")
                .param("trigger", "ON_IMPORT")
                .param("fromStatus", "NEW")
                .param("phase", "ROUTE")
                // ALL [ 支払方法 = 銀行振込, ANY [ 都道府県 = 沖縄県, 合計 ≥ 10,000 ] ]
                .param("condDepth", "0", "1", "1", "2", "2")
                .param("condKind", "ALL", "TEST", "ANY", "TEST", "TEST")
                .param("condField", "", "PAYMENT_METHOD", "", "PREFECTURE", "TOTAL")
                .param("condOperator", "", "EQUALS", "", "EQUALS", "AT_LEAST")
                .param("condValues", "", "BankTransfer", "", "沖縄県", "10,000")
                .param("actionKind", "CONFIRM")
                .param("actionValue", "離島・高額の振込: {受注番号}");
    }

    @Test
    void aRuleWithNestedGroupsIsSavedFromTheFormAndShownAgainAsItWasWritten() throws Exception {
        mvc.perform(nestedRule("振込の確認").with(user("tanaka").roles("STAFF")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        Rule saved = rules.all().get(0);
        assertThat(saved.condition().parts()).hasSize(2);
        assertThat(saved.condition().parts().get(1).group()).isEqualTo("ANY");
        assertThat(saved.condition().parts().get(1).parts().get(1).values()).containsExactly("10,000");
        Document edit = page(get("/rules/" + saved.id()));
        assertThat(edit.select("select[name=condKind] option[selected]").eachAttr("value"))
                .containsExactly("ALL", "TEST", "ANY", "TEST", "TEST");
        assertThat(edit.select("textarea[name=condValues]").eachText()).contains("沖縄県", "10,000");
        Document list = page(get("/rules"));
        assertThat(list.select("[data-testid=rule-name]").eachText()).containsExactly("振込の確認");
    }

    @Test
    void aBadFormIsShownAgainWithEveryProblemAndNothingSaved() throws Exception {
        Document page = page(post("/rules")
                .param("name", "x".repeat(300))
                .param("mode", "SOMETIMES")
                .param("trigger", "ON_IMPORT")
                .param("fromStatus", "NEW")
                .param("phase", "ROUTE")
                .param("shops", "abc")
                .param("condDepth", "0", "1")
                .param("condKind", "ALL", "TEST")
                .param("condField", "", "NO_SUCH_FIELD")
                .param("condOperator", "", "EQUALS")
                .param("condValues", "", "1")
                .param("actionKind", "DROP_TABLE")
                .param("actionValue", "x"));

        assertThat(page.select("[data-testid=rule-problems]").text())
                .contains("ショップの指定")
                .contains("実行方法「SOMETIMES」はありません")
                .contains("条件の項目「NO_SUCH_FIELD」はありません")
                .contains("実行処理「DROP_TABLE」はありません");
        assertThat(page.select("input[name=name]").val()).hasSize(300);
        assertThat(rules.all()).isEmpty();
    }

    @Test
    void hostileShippingAndAmountActionsAreRefusedEachWithItsReason() throws Exception {
        Document page = page(post("/rules")
                .param("name", "配送の指定")
                .param("mode", "AUTO")
                .param("trigger", "ON_IMPORT")
                .param("fromStatus", "NEW")
                .param("phase", "ENRICH")
                .param("condDepth", "0", "1", "1")
                .param("condKind", "ALL", "TEST", "TEST")
                .param("condField", "", "REMOTE_ISLAND", "CUSTOMER_TAG")
                .param("condOperator", "", "IS_TRUE", "AT_LEAST")
                .param("condValues", "", "", "VIP")
                .param(
                        "actionKind",
                        "SET_CARRIER",
                        "MAP_SHIPPING_NAME",
                        "SHIFT_DATE",
                        "ADD_FEE",
                        "ADD_GIFT",
                        "APPEND_SLIP_REMARK",
                        "SPLIT_BY_ZONE")
                .param("actionValue", "クロネコ 冷蔵", "宅配便", "+9999", "送料 1000000", "NO-SUCH-GIFT", "{伝票番号} 天地無用", "x"));

        assertThat(page.select("[data-testid=rule-problems]").text())
                .contains("配送業者「クロネコ」はありません")
                .contains("ショップの配送方法=配送業者")
                .contains("ずらす日数は -30〜+30")
                .contains("1円〜100,000円")
                .contains("プレゼント商品「NO-SUCH-GIFT」は商品マスタにありません")
                .contains("{伝票番号} はありません")
                .contains("「温度帯ごとにお届け先を分ける」に値は要りません");
        assertThat(rules.all()).isEmpty();
    }

    @Test
    void tooManyRowsAreRefusedNotProcessed() throws Exception {
        String[] kinds = new String[500];
        java.util.Arrays.fill(kinds, "TEST");
        Document page = page(post("/rules")
                .param("name", "多すぎ")
                .param("mode", "AUTO")
                .param("trigger", "ON_IMPORT")
                .param("fromStatus", "NEW")
                .param("phase", "ROUTE")
                .param("condKind", kinds)
                .param("actionKind", "MOVE_STATUS")
                .param("actionValue", "CONFIRMING"));

        assertThat(page.select("[data-testid=rule-problems]").text()).contains("60 行まで");
        assertThat(rules.all()).isEmpty();
    }

    @Test
    void hostileConditionRowsAreRefusedWithTheirReasonNotEchoedWhole() throws Exception {
        String unknownField = page(hostileRule("Y".repeat(10_000), "1"))
                .select("[data-testid=rule-problems]")
                .text();
        assertThat(unknownField).contains("条件の項目「" + "Y".repeat(100) + "」はありません");
        assertThat(unknownField).doesNotContain("Y".repeat(101));

        String manyValues = String.join("\n", java.util.Collections.nCopies(5_000, "ぎんこう"));
        assertThat(page(hostileRule("PAYMENT_METHOD", manyValues))
                        .select("[data-testid=rule-problems]")
                        .text())
                .contains("「支払方法 のいずれか」の値は 100 個までです");
        assertThat(rules.all()).isEmpty();
    }

    /** A rule whose second test is this field and these values, under a row of an absurd depth. */
    private static MockHttpServletRequestBuilder hostileRule(String field, String values) {
        return post("/rules")
                .param("name", "いじわる")
                .param("mode", "AUTO")
                .param("trigger", "ON_IMPORT")
                .param("fromStatus", "NEW")
                .param("phase", "ROUTE")
                .param("condDepth", "0", "99999999999999999999", "1")
                .param("condKind", "ALL", "TEST", "TEST")
                .param("condField", "", "TOTAL", field)
                .param("condOperator", "", "AT_LEAST", "ONE_OF")
                .param("condValues", "", "1", values)
                .param("actionKind", "MOVE_STATUS")
                .param("actionValue", "CONFIRMING");
    }

    @Test
    void theSimulationPageListsEachOrderWithTheRuleThatWouldMoveIt() throws Exception {
        mvc.perform(nestedRule("振込の確認").with(user("tanaka").roles("STAFF")).with(csrf()));
        long order = SampleOrders.apply(
                orders,
                jdbc,
                8102,
                SampleOrders.order(
                        "sim" + System.nanoTime(), OffsetDateTime.now(), "比嘉 太郎", "BankTransfer", "Paid", "x", 12000));
        jdbc.sql("update oms_order set workflow_status = 'NEW' where id = ?")
                .param(order)
                .update();
        String today =
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();

        Document page = page(get("/rules/simulation")
                .param("from", today)
                .param("to", today)
                .param("status", "NEW")
                .param("limit", "1000"));

        assertThat(page.select("[data-testid=simulation-row]").text()).contains("振込の確認");
        Document bad = page(
                get("/rules/simulation").param("from", "昨日").param("to", today).param("limit", "99999"));
        assertThat(bad.select("[data-testid=simulation-problems]").text())
                .contains("開始日は yyyy/MM/dd")
                .contains("件数は1〜1000件");
    }

    @Test
    void theSimulationRefusesAbsurdDatesAndCountsWithTheirReason() throws Exception {
        String problems = page(get("/rules/simulation")
                        .param("from", "+999999999-01-01")
                        .param("to", "1900/01/01")
                        .param("limit", "99999999999"))
                .text();

        assertThat(problems)
                .contains("開始日は 2000/01/01 から")
                .contains("終了日は 2000/01/01 から")
                .contains("件数は数で入れてください");
    }

    @Test
    void viewersSeeTheRulesButCannotChangeThem() throws Exception {
        mvc.perform(get("/rules").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk());
        mvc.perform(nestedRule("見るだけ").with(user("viewer").roles("VIEWER")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(rules.all()).isEmpty();
    }

    @Test
    void theOrderPagePanelShowsTheTraceOfAChosenRule() throws Exception {
        mvc.perform(nestedRule("振込の確認").with(user("tanaka").roles("STAFF")).with(csrf()));
        long order = SampleOrders.apply(
                orders, jdbc, 8103, SampleOrders.order("trc" + System.nanoTime(), OffsetDateTime.now()));
        long rule = rules.all().get(0).id();

        Document panel = page(get("/rules/orders/" + order).param("trace", String.valueOf(rule)));

        assertThat(panel.select("[data-testid=trace] tr")).hasSizeGreaterThan(3);
        assertThat(panel.select("[data-testid=trace]").text()).contains("満たさない").contains("CreditCard");
        List<String> missing = List.of("/rules/orders/" + order + "?trace=abc", "/rules/999999999");
        for (String path : missing) {
            int status = mvc.perform(get(path).with(user("tanaka").roles("STAFF")))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(path).isIn(200, 302, 400);
        }
    }
}
