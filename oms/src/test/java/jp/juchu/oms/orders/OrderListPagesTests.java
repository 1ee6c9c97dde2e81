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
    JdbcClient jdbc;

    private long order(String serial, String buyer, String payment, String paymentStatus) {
        ShopOrder order = new ShopOrder(
                serial,
                serial,
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                "New",
                paymentStatus,
                "NotShipped",
                new ShopOrder.Buyer(
                        buyer, "テスト", serial + "@example.jp", "03-1234-5678", "150-0001", "東京都", "渋谷区", null, null),
                payment,
                List.of(new ShopOrder.Delivery(
                        1,
                        buyer,
                        null,
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区",
                        null,
                        null,
                        null,
                        false,
                        null,
                        0,
                        List.of(new ShopOrder.Item("tea-1", "", "煎茶", 1080, 1, 8)),
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(1080, 0, 0, 0, 0, 0, 1080, List.of()),
                null);
        orders.applyFromShop(4444, List.of(new IncomingOrder(order, "{}", serial)));
        return jdbc.sql("select id from oms_order where serial_code = ?")
                .param(serial)
                .query(Long.class)
                .single();
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

        Document found = page("/orders?q=" + tag);
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
                                "refused", List.of(tag + "-unpaid: 入金が確認できていない受注です。出荷待ちにするには「入金前に出荷する」を選んでください")));

        assertThat(orders.detail(paid).orElseThrow().workflowStatusName()).isEqualTo("出荷待ち");
        assertThat(orders.detail(unpaid).orElseThrow().workflowStatusName()).isEqualTo("新規受付");
    }
}
