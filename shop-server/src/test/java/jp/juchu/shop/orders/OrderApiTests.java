package jp.juchu.shop.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The management API's orders over HTTP Basic with the shop's real keys. */
@SpringBootTest
@AutoConfigureMockMvc
class OrderApiTests {

    private static final AtomicInteger SHOPS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    DemoOrders demo;

    @Autowired
    Orders orders;

    @Autowired
    OrderRecording recording;

    String shopId;
    IssuedKeys keys;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void openShop() {
        shopId = "ordersapi" + SHOPS.incrementAndGet();
        shops.open(shopId, "受注APIテスト店", "password-1");
        keys = apiKeys.issue(shopId);
    }

    private String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((shopId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private ResultActions retrieve(String blocks, String body, String key) throws Exception {
        return mvc.perform(post("/api/management/v2/orders/_retrieve/" + blocks)
                .header("Authorization", basic(key))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private JsonNode page(String since, int from, int size) throws Exception {
        String body = retrieve(
                        "all",
                        "{\"since\":\"" + since + "\",\"from\":" + from + ",\"size\":" + size + "}",
                        keys.managerKey())
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    @Test
    void aSinceWithoutAnOffsetIsJapanTime() throws Exception {
        java.time.LocalDateTime tokyoNow = java.time.LocalDateTime.now(jp.juchu.shop.system.TimeConfiguration.TOKYO);
        OffsetDateTime placed = OffsetDateTime.now();
        demo.generate(shopId, 1, placed.minusMinutes(30), placed.minusMinutes(30), 1L);

        // 40 minutes ago in Japan time finds the order; read as UTC it would lie hours ahead and find nothing
        assertThat(page(tokyoNow.minusMinutes(40).toString(), 0, 10)
                        .get("total_count")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void retrieveReturnsOrdersPlacedOrChangedSinceWithEveryBlock() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        demo.generate(shopId, 30, now.minusDays(20), now.minusHours(1), 1L);

        JsonNode all = page(now.minusDays(30).toString(), 0, 100);
        assertThat(all.get("total_count").asLong()).isEqualTo(30);
        assertThat(all.get("searched_at").asString()).isNotBlank();
        JsonNode order = all.get("orders").get(0);
        assertThat(order.get("serial_code").asString()).isNotBlank();
        assertThat(order.get("buyer").get("name").asString()).isNotBlank();
        assertThat(order.get("deliveries")
                        .get(0)
                        .get("items")
                        .get(0)
                        .get("tax_rate")
                        .asInt())
                .isIn(8, 10);
        assertThat(order.get("deliveries").get(0).get("gift_wrapping").asString())
                .isIn("Yes", "No");
        JsonNode amounts = order.get("amounts");
        assertThat(amounts.get("total").asLong())
                .isEqualTo(amounts.get("items_total").asLong()
                        + amounts.get("shipping_fee").asLong()
                        + amounts.get("cod_fee").asLong()
                        + amounts.get("gift_wrapping_fee").asLong()
                        - amounts.get("coupon_discount").asLong()
                        - amounts.get("points_used").asLong());

        JsonNode recent = page(now.minusDays(5).toString(), 0, 100);
        assertThat(recent.get("total_count").asLong()).isBetween(1L, 29L);
    }

    @Test
    void basicBlockLeavesTheOtherBlocksOut() throws Exception {
        demo.generate(
                shopId,
                2,
                OffsetDateTime.now().minusHours(3),
                OffsetDateTime.now().minusHours(1),
                2L);
        retrieve("basic", "{\"since\":\"" + OffsetDateTime.now().minusDays(1) + "\"}", keys.managerKey())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orders", hasSize(2)))
                .andExpect(jsonPath("$.orders[0].order_status").exists())
                .andExpect(jsonPath("$.orders[0].buyer").doesNotExist())
                .andExpect(jsonPath("$.orders[0].deliveries").doesNotExist());
    }

    @Test
    void pagingNeverSkipsAnOrderWhileOrdersChangeBetweenPages() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        demo.generate(shopId, 35, now.minusDays(2), now.minusHours(1), 3L);
        String since = now.minusDays(3).toString();
        Set<String> seen = new HashSet<>();
        List<String> firstPage = new ArrayList<>();
        int from = 0;
        while (true) {
            JsonNode page = page(since, from, 10);
            for (JsonNode o : page.get("orders")) {
                seen.add(o.get("serial_code").asString());
                if (from == 0) {
                    firstPage.add(o.get("serial_code").asString());
                }
            }
            if (from == 0) {
                // between pages, the shop pays an order already read and cancels one not read yet
                orders.changeState(
                        shopId,
                        firstPage.get(2),
                        new StateChange(null, PaymentStatus.Paid, null, null, null, null, null));
                demo.generate(shopId, 1, now, now, 4L);
            }
            if (page.get("orders").size() < 10) {
                break;
            }
            from += 10;
        }
        assertThat(seen).hasSize(36);
    }

    @Test
    void pagingAfterACursorReadsEveryOrderExactlyOnceWhileOrdersChange() throws Exception {
        OffsetDateTime now = OffsetDateTime.now();
        demo.generate(shopId, 35, now.minusDays(2), now.minusHours(1), 5L);
        String since = now.minusDays(3).toString();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        boolean changed = false;
        while (true) {
            String body = "{\"since\":\"" + since + "\",\"size\":10"
                    + (cursor == null ? "" : ",\"search_after\":\"" + cursor + "\"") + "}";
            JsonNode page = json.readTree(retrieve("all", body, keys.managerKey())
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.has("total_count")).isEqualTo(cursor == null);
            for (JsonNode o : page.get("orders")) {
                seen.add(o.get("serial_code").asString());
            }
            if (!changed) {
                orders.changeState(
                        shopId, seen.get(1), new StateChange(null, PaymentStatus.Paid, null, null, null, null, null));
                demo.generate(shopId, 1, now, now, 6L);
                changed = true;
            }
            if (!page.has("next_search_after")) {
                break;
            }
            cursor = page.get("next_search_after").asString();
        }
        assertThat(seen).hasSize(36).doesNotHaveDuplicates();
    }

    @Test
    void shippedWithoutATrackingNumberIsRefusedNamingTheField() throws Exception {
        String serial = recording.record(List.of(sample())).get(0).serialCode();
        mvc.perform(put("/api/management/v2/orders/" + serial + "/status")
                        .header("Authorization", basic(keys.managerKey()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shipping\":{\"shipping_status\":\"Shipped\",\"carrier\":\"Yamato\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("shipping.tracking_number"));
    }

    @Test
    void stateUpdateIsVisibleToTheNextRetrieve() throws Exception {
        String serial = recording.record(List.of(sample())).get(0).serialCode();
        OffsetDateTime before = OffsetDateTime.now();
        mvc.perform(
                        put("/api/management/v2/orders/" + serial + "/status")
                                .header("Authorization", basic(keys.managerKey()))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"payment_status\":\"Paid\",\"shipping\":{\"shipping_status\":\"Shipped\","
                                                + "\"carrier\":\"Yamato\",\"tracking_number\":\"123456789012\",\"shipped_date\":\"2026-11-29\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shipping_status").value("Shipped"))
                .andExpect(jsonPath("$.deliveries[0].shipping.tracking_number").value("123456789012"));

        JsonNode changed = page(before.minusSeconds(1).toString(), 0, 100);
        assertThat(changed.get("orders").get(0).get("serial_code").asString()).isEqualTo(serial);
        assertThat(changed.get("orders").get(0).get("payment_status").asString())
                .isEqualTo("Paid");
    }

    @Test
    void oneOrderBySerialCodeAndUnknownOnesAre404() throws Exception {
        String serial = recording.record(List.of(sample())).get(0).serialCode();
        mvc.perform(get("/api/management/v2/orders/" + serial + "/all")
                        .header("Authorization", basic(keys.managerKey())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.serial_code").value(serial));
        mvc.perform(get("/api/management/v2/orders/999999999/all").header("Authorization", basic(keys.managerKey())))
                .andExpect(status().isNotFound());
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String since = OffsetDateTime.now().toString();
        retrieve("all", "{\"since\":\"" + since + "\",\"size\":101}", keys.managerKey())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        retrieve("all", "{\"since\":\"yesterday\"}", keys.managerKey())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("since"));
        retrieve("all", "{\"since\":\"" + since + "\",\"order_status\":[\"Lost\"]}", keys.managerKey())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("order_status[0]"));
        retrieve("all", "{}", keys.managerKey())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("since"));
        retrieve("everything", "{\"since\":\"" + since + "\"}", keys.managerKey())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("blocks"));
    }

    @Test
    void theOpenKeyNeverOpensTheOrders() throws Exception {
        retrieve("all", "{\"since\":\"" + OffsetDateTime.now() + "\"}", keys.openKey())
                .andExpect(status().isUnauthorized());
    }

    private NewOrder sample() {
        return new NewOrder(
                shopId,
                OffsetDateTime.now().minusMinutes(5),
                new Order.Buyer(
                        "山田 太郎",
                        "ヤマダ タロウ",
                        "taro@example.jp",
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-2-3",
                        null,
                        null),
                new Order.Payment(PaymentMethod.BankTransfer, null, null),
                List.of(new Order.Delivery(
                        1,
                        "山田 太郎",
                        "ヤマダ タロウ",
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-2-3",
                        null,
                        null,
                        TimeSlot.Morning,
                        false,
                        null,
                        800,
                        List.of(new Order.Item("tea-sencha-100", "100g", "静岡 深蒸し煎茶", 1080, 2, 8)),
                        null,
                        null,
                        null)),
                0,
                0,
                0,
                0,
                null,
                OrderStatus.New,
                PaymentStatus.Unpaid);
    }
}
