package jp.juchu.oms.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.oms.audit.AuditEntry;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SampleOrders;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import jp.juchu.oms.shipping.Carrier;
import jp.juchu.oms.shipping.SlipExports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** 受注データ削除 and データリセット through the pages: preview, confirmation, and what goes with the orders. */
@SpringBootTest
@AutoConfigureMockMvc
class OrderDataMaintenanceTests {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    MockMvc mvc;

    @Autowired
    Orders orders;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    SlipExports slipExports;

    @Autowired
    ContractorInfo contractor;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    /** A shop of this test's own, so that orders other tests leave behind never count. */
    long shop;

    long otherShop;

    @BeforeEach
    void shops() {
        shop = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
        otherShop = shop + 1_000_000;
        contractor.save(new Contractor(
                "ジュチュウ日本茶店", "受注 太郎", "420-0852", "静岡県", "静岡市葵区紺屋町17-1", "054-000-1234", "shop@example.jp"));
    }

    @Test
    void deletingByShopAndDateTakesOnlyThoseOrdersAndTheirShippingRows() throws Exception {
        long first = order(shop, "a1", "2001-03-10T09:00");
        long lastMinute = order(shop, "a2", "2001-03-11T23:30");
        long nextDay = order(shop, "a3", "2001-03-12T00:10");
        long otherShopsOrder = order(otherShop, "b1", "2001-03-10T12:00");
        workflow.moveAll(List.of(first, nextDay), "READY_TO_SHIP", Actor.system("test"), false);
        long batch = slipExports
                .record(Carrier.YAMATO, List.of(first, nextDay), false, Actor.person("test", false))
                .id();
        writeBack(first);
        writeBack(nextDay);

        mvc.perform(get("/maintenance/delete")
                        .param("connection", String.valueOf(shop))
                        .param("from", "2001-03-10")
                        .param("to", "2001-03-11")
                        .with(user("boss").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(model().attribute("count", 2L));

        mvc.perform(delete("2", "3"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("error", "maintenance.delete.wrongConfirmation"));
        assertThat(orders.countOrdered(shop, java.time.LocalDate.of(2001, 3, 10), java.time.LocalDate.of(2001, 3, 11)))
                .isEqualTo(2);

        // full-width digits, as a Japanese IME types them
        mvc.perform(delete("2", "２"))
                .andExpect(redirectedUrl("/maintenance/delete"))
                .andExpect(flash().attribute("deleted", 2L));

        assertThat(orders.detail(first)).isEmpty();
        assertThat(orders.detail(lastMinute)).isEmpty();
        assertThat(orders.detail(nextDay)).isPresent();
        assertThat(orders.detail(otherShopsOrder)).isPresent();
        assertThat(slipExports.batch(batch)).isNotNull();
        assertThat(rows("slip_export_order", first)).isZero();
        assertThat(rows("slip_export_order", nextDay)).isOne();
        assertThat(rows("write_back", first)).isZero();
        assertThat(rows("write_back", nextDay)).isOne();
        AuditEntry entry = audit.recent("ORDERS_DELETED", 0, 1).get(0);
        assertThat(entry.actor()).isEqualTo("boss");
        assertThat(entry.detail()).contains("connection=" + shop, "2001-03-10..2001-03-11", "deleted=2");
    }

    @Test
    void theWordSakujoConfirmsAndACountThatChangedMeanwhileDeletesNothing() throws Exception {
        long only = order(shop, "c1", "2002-05-05T10:00");

        mvc.perform(delete("2002-05-05", "2002-05-05", "2", "2"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("error", "maintenance.delete.countChanged"))
                .andExpect(model().attribute("count", 1L));
        assertThat(orders.detail(only)).isPresent();

        mvc.perform(delete("2002-05-05", "2002-05-05", "1", "削除")).andExpect(flash().attribute("deleted", 1L));
        assertThat(orders.detail(only)).isEmpty();
    }

    @Test
    @Transactional // rolled back, so the orders of the tests that run alongside stay
    void resetDeletesEveryOrderAndKeepsConnectionsAndUsers() throws Exception {
        long order = order(shop, "r1", "2003-01-01T10:00");
        workflow.moveAll(List.of(order), "READY_TO_SHIP", Actor.system("test"), false);
        slipExports.record(Carrier.YAMATO, List.of(order), false, Actor.person("test", false));
        jdbc.sql(
                        "insert into mall_connection (mall, shop_id, open_key_enc, manager_key_enc, open_key_hint,"
                                + " manager_key_hint, management_url, item_url) values ('SHOP_SERVE', ?, 'x', 'x', 'x', 'x', 'u', 'u')")
                .param("reset-" + shop)
                .update();
        long connections = count("mall_connection");
        long users = count("app_user");

        mvc.perform(post("/maintenance/reset")
                        .param("confirmation", "りせっと")
                        .with(user("boss").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(model().attribute("error", "maintenance.reset.wrongConfirmation"));
        assertThat(orders.detail(order)).isPresent();

        mvc.perform(post("/maintenance/reset")
                        .param("confirmation", " リセット ")
                        .with(user("boss").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/maintenance/reset"));

        assertThat(count("oms_order")).isZero();
        assertThat(count("shipment")).isZero();
        assertThat(count("slip_export")).isZero();
        assertThat(count("mall_connection")).isEqualTo(connections).isPositive();
        assertThat(count("app_user")).isEqualTo(users).isPositive();
        assertThat(audit.recent("ORDER_DATA_RESET", 0, 1).get(0).actor()).isEqualTo("boss");
    }

    @Test
    void staffCanNeitherDeleteNorReset() throws Exception {
        long order = order(shop, "s1", "2004-02-02T10:00");
        mvc.perform(post("/maintenance/delete")
                        .param("connection", String.valueOf(shop))
                        .param("from", "2004-02-02")
                        .param("to", "2004-02-02")
                        .param("count", "1")
                        .param("confirmation", "削除")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/maintenance/reset")
                        .param("confirmation", "リセット")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(orders.detail(order)).isPresent();
    }

    private org.springframework.test.web.servlet.RequestBuilder delete(String shown, String typed) {
        return delete("2001-03-10", "2001-03-11", shown, typed);
    }

    private org.springframework.test.web.servlet.RequestBuilder delete(
            String from, String to, String shown, String typed) {
        return post("/maintenance/delete")
                .param("connection", String.valueOf(shop))
                .param("from", from)
                .param("to", to)
                .param("count", shown)
                .param("confirmation", typed)
                .with(user("boss").roles("ADMIN"))
                .with(csrf());
    }

    private long order(long connectionId, String serial, String orderedAtInTokyo) {
        OffsetDateTime orderedAt =
                LocalDateTime.parse(orderedAtInTokyo).atZone(TOKYO).toOffsetDateTime();
        return SampleOrders.apply(
                orders, jdbc, connectionId, SampleOrders.order(serial + "-" + connectionId, orderedAt));
    }

    /** A write-back that is off (the connection's write-back is off), so that no task tries to send it. */
    private void writeBack(long orderId) {
        jdbc.sql("insert into write_back (order_id, delivery_id, connection_id, serial_code, carrier, tracking_number,"
                        + " shipped_date, state) values (?, 1, ?, 'x', 'YAMATO', ?, current_date, 'OFF')")
                .params(orderId, shop, "T" + orderId)
                .update();
    }

    private long rows(String table, long orderId) {
        return jdbc.sql("select count(*) from " + table + " where order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
