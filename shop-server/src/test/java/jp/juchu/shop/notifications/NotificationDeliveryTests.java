package jp.juchu.shop.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import jp.juchu.shop.orders.DemoOrders;
import jp.juchu.shop.orders.Orders;
import jp.juchu.shop.orders.PaymentStatus;
import jp.juchu.shop.orders.StateChange;
import jp.juchu.shop.shops.Shops;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Order events become signed messages from the outbox, retried, and an endpoint that keeps failing is paused. */
@SpringBootTest(
        properties = {
            "shop.notifications.backoff-base=100ms",
            "shop.notifications.backoff-max=300ms",
            "shop.notifications.pause-after-failures=3",
            "shop.notifications.max-attempts=20",
            "shop.notifications.poll-interval=200ms"
        })
@AutoConfigureMockMvc
class NotificationDeliveryTests {

    @Autowired
    Shops shops;

    @Autowired
    NotificationEndpoints endpoints;

    @Autowired
    DemoOrders demo;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvc mvc;

    final JsonMapper json = JsonMapper.builder().build();
    String shopId;

    @BeforeEach
    void openShop() {
        shopId = "ntf" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "通知テスト店", "pass-" + shopId);
    }

    private void placeOne() {
        OffsetDateTime now = OffsetDateTime.now();
        demo.generate(
                shopId,
                1,
                now.minusMinutes(1),
                now.minusMinutes(1),
                ThreadLocalRandom.current().nextLong());
    }

    @Test
    void aPlacedOrderIsDeliveredSignedWithTheEndpointsSecretAndLogged() throws Exception {
        try (Receiver receiver = new Receiver()) {
            RegisteredEndpoint registered =
                    endpoints.register(shopId, receiver.url(), EnumSet.allOf(NotificationEvent.class), "test");
            placeOne();
            String serial = orders.recentSerialCodes(shopId, 1).get(0);

            await(() -> receiver.received.size() == 1);
            Receiver.Received message = receiver.received.get(0);
            JsonNode body = json.readTree(message.body());
            assertThat(body.get("event").asString()).isEqualTo("order.placed");
            assertThat(body.get("shop_id").asString()).isEqualTo(shopId);
            assertThat(body.get("serial_code").asString()).isEqualTo(serial);
            assertThat(OffsetDateTime.parse(body.get("updated_at").asString()))
                    .isEqualTo(orders.find(shopId, serial).orElseThrow().updatedAt());
            long timestamp = Long.parseLong(message.header("X-Juchu-Timestamp"));
            assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(30L));
            assertThat(message.header("X-Juchu-Signature"))
                    .isEqualTo(Signature.sign(registered.secret(), timestamp, message.body()))
                    .isNotEqualTo(Signature.sign(registered.secret() + "x", timestamp, message.body()));
            assertThat(message.header("X-Juchu-Delivery"))
                    .isEqualTo(body.get("id").asString());

            await(() -> !endpoints
                    .deliveries(shopId, registered.endpoint().id(), 10)
                    .isEmpty());
            DeliveryAttempt logged =
                    endpoints.deliveries(shopId, registered.endpoint().id(), 10).get(0);
            assertThat(logged.succeeded()).isTrue();
            assertThat(logged.statusCode()).isEqualTo(204);
            assertThat(logged.serialCode()).isEqualTo(serial);
        }
    }

    @Test
    void aStateChangeIsSentOnlyToEndpointsThatWantChanges() throws Exception {
        try (Receiver placedOnly = new Receiver();
                Receiver changes = new Receiver()) {
            endpoints.register(shopId, placedOnly.url(), Set.of(NotificationEvent.ORDER_PLACED), "test");
            endpoints.register(shopId, changes.url(), Set.of(NotificationEvent.ORDER_CHANGED), "test");
            placeOne();
            String serial = orders.recentSerialCodes(shopId, 1).get(0);
            orders.changeState(shopId, serial, new StateChange(null, PaymentStatus.Paid, null, null, null, null, null));
            orders.correctAddress(shopId, serial, 1, "新しい番地 1-2-3");

            await(() -> placedOnly.received.size() == 1 && changes.received.size() == 2);
            Thread.sleep(500);
            assertThat(placedOnly.received).hasSize(1);
            assertThat(changes.received)
                    .extracting(r -> json.readTree(r.body()).get("event").asString())
                    .containsExactly("order.changed", "order.changed");
        }
    }

    @Test
    void nothingIsSentForAnOrderChangeThatRolledBack() throws Exception {
        try (Receiver receiver = new Receiver()) {
            RegisteredEndpoint registered =
                    endpoints.register(shopId, receiver.url(), EnumSet.allOf(NotificationEvent.class), "test");
            try {
                transactions.executeWithoutResult(tx -> {
                    placeOne();
                    throw new IllegalStateException("rolled back");
                });
            } catch (IllegalStateException expected) {
                // the order and its message go together
            }
            Thread.sleep(800);
            assertThat(receiver.received).isEmpty();
            assertThat(jdbc.sql("select count(*) from notification_outbox where endpoint_id = ?")
                            .param(registered.endpoint().id())
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void aFailingEndpointIsRetriedThenPausedAndTheShopToldAndResumingSendsWhatWaited() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.status.set(503);
            long id = endpoints
                    .register(shopId, receiver.url(), EnumSet.allOf(NotificationEvent.class), "test")
                    .endpoint()
                    .id();
            placeOne();

            // the same message tried again after the backoff, until three failures in a row pause the endpoint
            await(() -> endpoints.find(shopId, id).orElseThrow().paused());
            assertThat(receiver.received.size()).isGreaterThanOrEqualTo(3);
            String firstId =
                    json.readTree(receiver.received.get(0).body()).get("id").asString();
            assertThat(receiver.received)
                    .allSatisfy(
                            r -> assertThat(json.readTree(r.body()).get("id").asString())
                                    .isEqualTo(firstId));
            assertThat(endpoints.find(shopId, id).orElseThrow().pausedReason()).contains("HTTP 503");
            int whilePaused = receiver.received.size();
            placeOne(); // a paused endpoint gets no new messages
            Thread.sleep(800);
            assertThat(receiver.received).hasSize(whilePaused);

            Document notice = page("/admin/orders");
            assertThat(notice.select("[data-testid=paused-notifications-notice]")
                            .text())
                    .contains("停止しています");
            Document log = page("/admin/server/api/notifications/" + id);
            assertThat(log.select("[data-testid=status-paused]")).isNotEmpty();
            assertThat(log.select("[data-testid=deliveries] tbody tr").text()).contains("失敗: HTTP 503");

            receiver.status.set(200);
            mvc.perform(post("/admin/server/api/notifications/" + id + "/resume")
                            .with(merchant())
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            await(() -> receiver.received.stream()
                    .skip(whilePaused)
                    .anyMatch(r -> json.readTree(r.body()).get("id").asString().equals(firstId)));
            assertThat(endpoints.find(shopId, id).orElseThrow().paused()).isFalse();
            assertThat(page("/admin/orders").select("[data-testid=paused-notifications-notice]"))
                    .isEmpty();
        }
    }

    @Test
    void theAdminRegistersAnEndpointAndSeesItsSecretOnce() throws Exception {
        MvcResult posted = mvc.perform(post("/admin/server/api/notifications")
                        .with(merchant())
                        .with(csrf())
                        .param("url", "http://localhost:18080/api/notifications/1")
                        .param("events", "ORDER_PLACED", "ORDER_CHANGED"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        Document shown = Jsoup.parse(mvc.perform(get(posted.getResponse().getRedirectedUrl())
                        .with(merchant())
                        .flashAttrs(posted.getFlashMap()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String secret = shown.select("[data-testid=new-secret]").text();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        Document again = page("/admin/server/api/notifications");
        assertThat(again.select("[data-testid=new-secret]")).isEmpty();
        assertThat(again.html()).doesNotContain(secret);
        assertThat(again.select("[data-testid=endpoints]").text())
                .contains("http://localhost:18080/api/notifications/1");
        assertThat(jdbc.sql("select secret_enc from notification_endpoint where shop_id = ?")
                        .param(shopId)
                        .query(String.class)
                        .single())
                .doesNotContain(secret.substring(6));

        Document refused = Jsoup.parse(mvc.perform(post("/admin/server/api/notifications")
                        .with(merchant())
                        .with(csrf())
                        .param("url", "http://oms.example.jp/hook")
                        .param("events", "ORDER_PLACED"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("[data-testid=refused]").text()).contains("URL", "https://");
        assertThat(refused.select("#url").val()).isEqualTo("http://oms.example.jp/hook");
        Document noEvents = Jsoup.parse(mvc.perform(post("/admin/server/api/notifications")
                        .with(merchant())
                        .with(csrf())
                        .param("url", "http://localhost:18081/hook"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(noEvents.select("[data-testid=refused]").text()).contains("イベントを1つ以上");
        assertThat(endpoints.list(shopId)).hasSize(1);
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor merchant() {
        return user(shopId).roles("MERCHANT");
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(merchant()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within 30 s");
    }
}
