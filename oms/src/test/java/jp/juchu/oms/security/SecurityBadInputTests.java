package jp.juchu.oms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.juchu.oms.orders.ManualOrder;
import jp.juchu.oms.orders.ManualOrders;
import jp.juchu.oms.orders.ShopOrder;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14, OMS pages: each class of bad input gets a 4xx (or the form back) with a Japanese sentence that names
 * the field, never a 500 or a framework's text, and nothing changes — no order, no order number used.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityBadInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ManualOrders manualOrders;

    @Autowired
    TransactionTemplate transactions;

    private static Map<String, String> entry() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "不正 入力子");
        form.put("phone", "06-1234-5678");
        form.put("postalCode", "530-0001");
        form.put("prefecture", "大阪府");
        form.put("address1", "大阪市北区梅田1-1");
        form.put("lines[0].itemCode", "bad-input-item");
        form.put("lines[0].name", "検証マグ");
        form.put("lines[0].unitPrice", "2200");
        form.put("lines[0].quantity", "1");
        form.put("lines[0].taxRate", "10");
        form.put("lines[0].destination", "1");
        form.put("destinations[0].name", "");
        form.put("destinations[1].name", "");
        form.put("destinations[2].name", "");
        form.put("paymentMethod", "BankTransfer");
        form.put("action", "register");
        return form;
    }

    private MockHttpServletResponse register(String... changes) throws Exception {
        Map<String, String> form = entry();
        for (int i = 0; i < changes.length; i += 2) {
            form.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/orders/new");
        form.forEach(request::param);
        return mvc.perform(request.with(user("tanaka").roles("STAFF")).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private long orders() {
        return jdbc.sql("select count(*) from oms_order").query(Long.class).single();
    }

    private long lastNumber() {
        return jdbc.sql("select last from manual_order_counter")
                .query(Long.class)
                .single();
    }

    /**
     * What the error page says: the request gate answers with {@code sendError}, which MockMvc does not render (the
     * page itself is proven over HTTP in {@link SecurityOverHttpTests}); the advice's pages are rendered here.
     */
    private static String said(MockHttpServletResponse response) throws Exception {
        return response.getErrorMessage() != null ? response.getErrorMessage() : response.getContentAsString();
    }

    private static void assertNoFrameworkText(String body) {
        assertThat(body)
                .doesNotContain("Failed to convert")
                .doesNotContain("Exception")
                .doesNotContain("java.lang")
                .doesNotContain("org.springframework");
    }

    @Test
    void aNulCharacterInAFormIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        long orders = orders();
        long number = lastNumber();

        MockHttpServletResponse page = register("name", "山田\u0000太郎");

        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(said(page)).contains("「氏名」に使えない文字（NULなどの制御文字）が含まれています");
        assertNoFrameworkText(said(page));
        assertThat(orders()).isEqualTo(orders);
        assertThat(lastNumber()).isEqualTo(number);
    }

    @Test
    void controlCharactersInSearchParametersAndBulkActionsAre400sNamingTheField() throws Exception {
        MockHttpServletResponse list = mvc.perform(get("/orders")
                        .param("keyword", "a\u0000b")
                        .with(user("staff").roles("STAFF")))
                .andReturn()
                .getResponse();
        assertThat(list.getStatus()).isEqualTo(400);
        assertThat(said(list)).contains("「キーワード」に使えない文字");

        MockHttpServletResponse bulk = mvc.perform(post("/orders/bulk-status")
                        .param("status", "ON\u0001HOLD")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(bulk.getStatus()).isEqualTo(400);
        assertThat(said(bulk)).contains("「ステータス」に使えない文字");
    }

    @Test
    void aHugeOrNegativeListIndexIsA400WithASmallPage() throws Exception {
        long orders = orders();
        for (String field : new String[] {"lines[100000].name", "lines[-1].name", "destinations[5].name"}) {
            MockHttpServletResponse page = register(field, "x");

            assertThat(page.getStatus()).as(field).isEqualTo(400);
            assertThat(said(page)).as(field).contains("の番号が画面にない範囲です");
            assertThat(page.getContentAsByteArray().length).as(field).isLessThan(20_000);
            assertNoFrameworkText(said(page));
        }
        assertThat(orders()).isEqualTo(orders);
    }

    @Test
    void aValueLongerThanItsColumnIsAFieldProblemAndUsesNoOrderNumber() throws Exception {
        long orders = orders();
        long number = lastNumber();

        MockHttpServletResponse page = register("name", "長".repeat(201), "lines[0].name", "品".repeat(401));

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(page.getContentAsString())
                        .select("[data-testid=manual-problems] li")
                        .eachText())
                .contains("[購入者 氏名]: 200文字以内で入力してください (201文字)")
                .contains("1行目 [商品名]: 400文字以内で入力してください (401文字)");
        assertThat(orders()).isEqualTo(orders);
        assertThat(lastNumber()).isEqualTo(number);
    }

    @Test
    void absurdAmountsDatesAndAddressesAreNamedProblems() throws Exception {
        long orders = orders();

        MockHttpServletResponse page = register(
                "lines[0].unitPrice", "1000000000000",
                "lines[0].quantity", "100000",
                "shippingFee", "1000000000000",
                "email", "taro@",
                "destinations[0].deliveryDate", "0001-01-01",
                "destinations[0].timeSlot", "<script>alert(1)</script>");

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(page.getContentAsString())
                        .select("[data-testid=manual-problems] li")
                        .eachText())
                .contains("1行目 [単価]: 0〜99,999,999円で入力してください")
                .contains("1行目 [数量]: 1〜9,999で入力してください")
                .contains("[送料・手数料・値引]: 0〜99,999,999円で入力してください")
                .contains("[購入者 メールアドレス]: 形式が正しくありません (例 taro@example.jp)")
                .contains("[お届け先1 お届け希望日]: 2000/01/01から1年後までの日付で入力してください")
                .contains("[お届け先1 時間帯]: 20文字以内で入力してください (25文字)");
        assertThat(orders()).isEqualTo(orders);
    }

    @Test
    void anUnreadableParameterIsA400InJapanese() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/orders")
                        .param("from", "99999-01-01")
                        .with(user("staff").roles("STAFF")))
                .andReturn()
                .getResponse();

        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("の値を読み取れません");
        assertNoFrameworkText(page.getContentAsString());
    }

    @Test
    void aRegistrationThatFailsGivesItsNumberBack() {
        long number = lastNumber();
        ManualOrder entry = new ManualOrder(
                new ShopOrder.Buyer("番号 戻子", null, null, "06-1234-5678", "530-0001", "大阪府", "大阪市北区梅田1-1", null, null),
                java.util.List.of(new ManualOrder.Destination(null, null, null, null, null, null, null, null)),
                java.util.List.of(new ManualOrder.Line("rollback-item", "戻しマグ", 1000L, 1, 10, 1)),
                "BankTransfer",
                false,
                0,
                0,
                0,
                null);

        transactions.executeWithoutResult(status -> {
            manualOrders.register(entry, "tanaka");
            status.setRollbackOnly(); // as any failure after the number was drawn
        });

        assertThat(lastNumber()).isEqualTo(number);
    }
}
