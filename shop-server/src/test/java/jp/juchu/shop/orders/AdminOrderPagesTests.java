package jp.juchu.shop.orders;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AdminOrderPagesTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    DemoOrders demo;

    @Autowired
    Orders orders;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "adminorders" + SHOPS.incrementAndGet();
        shops.open(shopId, "受注画面テスト店", "password-1");
        demo.generate(
                shopId,
                40,
                OffsetDateTime.now().minusDays(10),
                OffsetDateTime.now().minusHours(1),
                9L);
    }

    @Test
    void orderListFiltersByTheThreeStates() throws Exception {
        long unpaid = orders.unprocessed(shopId).unpaid();
        mvc.perform(get("/admin/orders")
                        .param("payment", "Unpaid")
                        .with(user(shopId).roles("MERCHANT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(unpaid + "件")));
    }

    @Test
    void shippingWithoutTrackingNumberIsRefusedOnTheDetailPage() throws Exception {
        String serial = orders.list(shopId, new AdminOrderFilter(OrderStatus.New, null, null, null), 0, 1)
                .orders()
                .get(0)
                .serialCode();
        mvc.perform(get("/admin/orders/" + serial).with(user(shopId).roles("MERCHANT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("内消費税")));
        mvc.perform(post("/admin/orders/" + serial + "/status")
                        .param("shippingStatus", "Shipped")
                        .with(user(shopId).roles("MERCHANT"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", containsString("伝票番号")));
    }

    @Test
    void anotherShopsOrderIsNotFound() throws Exception {
        String serial = orders.list(shopId, new AdminOrderFilter(null, null, null, null), 0, 1)
                .orders()
                .get(0)
                .serialCode();
        mvc.perform(get("/admin/orders/" + serial).with(user("someothershop").roles("MERCHANT")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOrderPageShowsEveryAddressLineAndTheStatusFormStartsFromTheCurrentShipment() throws Exception {
        String serialCode = orders.list(shopId, new AdminOrderFilter(null, null, null, null), 0, 1)
                .orders()
                .get(0)
                .serialCode();
        jdbc.sql("update shop_order_delivery set address2 = '梅田ビル5F 503号室' where order_seq ="
                        + " (select seq from shop_order where serial_code = ?)")
                .param(serialCode)
                .update();
        Order.Delivery first =
                orders.find(shopId, serialCode).orElseThrow().deliveries().get(0);
        orders.changeState(
                shopId,
                serialCode,
                new StateChange(
                        null,
                        null,
                        ShippingStatus.Shipped,
                        Carrier.Sagawa,
                        "4444-5555-6666",
                        java.time.LocalDate.of(2026, 12, 1),
                        first.deliveryId()));

        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(
                mvc.perform(get("/admin/orders/" + serialCode).with(user(shopId).roles("MERCHANT")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());

        org.assertj.core.api.Assertions.assertThat(
                        doc.select("[data-testid=delivery-address]").text())
                .contains("梅田ビル5F 503号室");
        org.assertj.core.api.Assertions.assertThat(doc.select("[data-testid=status-carrier] option[selected]")
                        .val())
                .isEqualTo("Sagawa");
        org.assertj.core.api.Assertions.assertThat(
                        doc.select("[data-testid=status-tracking]").val())
                .isEqualTo("4444-5555-6666");
    }
}
