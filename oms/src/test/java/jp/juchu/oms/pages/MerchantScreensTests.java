package jp.juchu.oms.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SampleOrders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The screens as a merchant reads them: Japan time, yen, Japanese names for codes, the day's work on the home page. */
@SpringBootTest
@AutoConfigureMockMvc
class MerchantScreensTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    private Document page(String path, String role) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user("tanaka").roles(role)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private long order() {
        return SampleOrders.apply(
                orders, jdbc, 8888, SampleOrders.order("scr" + System.nanoTime(), OffsetDateTime.now()));
    }

    @Test
    void theHomePageShowsCountsPerStatusAndTheOrdersNeedingAttention() throws Exception {
        long id = order();
        orders.raiseAlert(id, "住所を確認してください", "system");
        String number = orders.detail(id).orElseThrow().orderNumber();

        Document home = page("/", "STAFF");

        assertThat(home.select("[data-testid=home-status-counts]").text())
                .contains("新規受付")
                .contains("件");
        assertThat(home.select("[data-testid=home-alerts]").text())
                .contains(number)
                .contains("住所を確認してください");
    }

    @Test
    void theAuditLogShowsJapanTimeAndWhatWasDoneInJapanese() throws Exception {
        audit.record("admin", "USER_ADDED", "user:screens", "画面テスト");
        String today = OffsetDateTime.now()
                .atZoneSameInstant(ZoneId.of("Asia/Tokyo"))
                .format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));

        Document log = page("/settings/audit", "ADMIN");

        String entries = log.select("[data-testid=audit-entries]").text();
        assertThat(entries).contains("ユーザーを追加").doesNotContain("USER_ADDED").contains(today);
    }

    @Test
    void theOrderPageNamesPaymentAndTimeSlotInJapaneseAndMoneyInYen() throws Exception {
        long id = order();
        jdbc.sql("update oms_order set payment_method = 'CashOnDelivery' where id = ?")
                .param(id)
                .update();
        jdbc.sql("update shipment set time_slot = 'From14To16' where order_id = ?")
                .param(id)
                .update();

        Document order = page("/orders/" + id, "STAFF");

        assertThat(order.select("[data-testid=payment-method]").text()).isEqualTo("代金引換");
        assertThat(order.select("[data-testid=time-slot-1]").text()).isEqualTo("14時〜16時");
        assertThat(order.select("[data-testid=order-total]").text()).isEqualTo("1,880円");
        assertThat(order.text()).doesNotContain("CashOnDelivery").doesNotContain("From14To16");
    }

    @Test
    void aViewerSeesNoButtonItMayNotPress() throws Exception {
        long id = order();

        Document order = page("/orders/" + id, "VIEWER");
        assertThat(order.select("[data-testid=status-form]")).isEmpty();
        assertThat(order.select("[data-testid=edit-order]")).isEmpty();
        Document list = page("/orders", "VIEWER");
        assertThat(list.select("[data-testid=save-search]")).isEmpty();
        Document shipping = page("/shipping", "VIEWER");
        assertThat(shipping.select("[data-testid=export]")).isEmpty();
        assertThat(shipping.select("[data-testid=tracking-form]")).isEmpty();

        assertThat(page("/orders/" + id, "STAFF").select("[data-testid=status-form]"))
                .isNotEmpty();
    }
}
