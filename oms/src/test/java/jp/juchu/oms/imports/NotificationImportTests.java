package jp.juchu.oms.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import jp.juchu.oms.malls.ConnectionSettings;
import jp.juchu.oms.malls.ConnectionSetup;
import jp.juchu.oms.malls.MallNotifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A shop's change notification starts the connection's import at once: verified (signature, timestamp window, no
 * replay), coalesced (a run in flight is followed by exactly one more), and never the only way an order arrives.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ConnectionSetup setup;

    @Autowired
    ImportHistory history;

    @Autowired
    MallNotifications notifications;

    @Autowired
    JdbcClient jdbc;

    private long connect(FakeShop shop) throws InterruptedException {
        long id = setup.verifyAndSave(
                        null,
                        new ConnectionSettings(
                                shop.shopId(),
                                shop.openKey(),
                                shop.managerKey(),
                                7,
                                true,
                                30,
                                shop.managementUrl(),
                                shop.itemUrl()))
                .connection()
                .id();
        await(() -> notifications.subscription(id).isPresent());
        await(() -> history.runs(id).size() == 1 && !history.runs(id).get(0).running());
        return id;
    }

    private ResultActions send(long connectionId, Notifications.Signed signed) throws Exception {
        return mvc.perform(post("/api/notifications/" + connectionId)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Juchu-Timestamp", signed.timestamp())
                .header("X-Juchu-Signature", signed.signature())
                .content(signed.body()));
    }

    private long orders(long connectionId) {
        return jdbc.sql("select count(*) from oms_order where connection_id = ?")
                .param(connectionId)
                .query(Long.class)
                .single();
    }

    @Test
    void savingTheConnectionRegistersTheEndpointAndASignedNotificationImportsAtOnce() throws Exception {
        try (FakeShop shop = new FakeShop("notify1").offerNotifications()) {
            long id = connect(shop);
            assertThat(shop.notificationEndpoints).singleElement().asString().endsWith("/api/notifications/" + id);
            assertThat(jdbc.sql("select secret_enc from mall_notification where connection_id = ?")
                            .param(id)
                            .query(String.class)
                            .single())
                    .doesNotContain(shop.notificationSecret())
                    .doesNotContain("fake");

            shop.place("ntf-1", FakeShop.now(), 1);
            Notifications shopSigns = new Notifications(shop.shopId(), shop.notificationSecret());
            Instant sent = Instant.now();
            send(id, shopSigns.about("ntf-1")).andExpect(status().isAccepted());
            await(() -> orders(id) == 1);
            // imported well before the 30-minute schedule, and the run says why it started
            assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(10));
            await(() -> !history.runs(id).get(0).running());
            assertThat(history.runs(id).get(0).trigger()).isEqualTo("NOTIFIED");
            assertThat(notifications.subscription(id).orElseThrow().lastReceivedAt())
                    .isNotNull();

            // the connection's settings page says the shop sends notifications, and when the last one came
            String page = mvc.perform(get("/settings/mall-details/" + id)
                            .with(user("admin").roles("ADMIN")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(org.jsoup.Jsoup.parse(page)
                            .select("[data-testid=notifications]")
                            .text())
                    .contains("受信中", "最終受信");
        }
    }

    @Test
    void notificationsThatAreNotTheShopsAreRefusedAndStartNothing() throws Exception {
        try (FakeShop shop = new FakeShop("notify2").offerNotifications();
                FakeShop withoutNotifications = new FakeShop("notify2b")) {
            long id = connect(shop);
            Notifications shopSigns = new Notifications(shop.shopId(), shop.notificationSecret());
            long now = Instant.now().getEpochSecond();

            send(id, new Notifications(shop.shopId(), "whsec_guessed").about("x"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("https://juchu.example/problems/notification-bad-signature"));
            send(id, shopSigns.about("x", now - 330)).andExpect(status().isUnauthorized());
            send(id, shopSigns.about("x", now + 330)).andExpect(status().isUnauthorized());
            Notifications.Signed good = shopSigns.about("x", now);
            Notifications.Signed tampered = new Notifications.Signed(
                    new String(good.body(), java.nio.charset.StandardCharsets.UTF_8)
                            .replace("\"x\"", "\"y\"")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    good.timestamp(),
                    good.signature());
            send(id, tampered).andExpect(status().isUnauthorized());
            mvc.perform(post("/api/notifications/" + id)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(good.body()))
                    .andExpect(status().isUnauthorized());
            send(id, new Notifications("othershop", shop.notificationSecret()).about("x"))
                    .andExpect(status().isBadRequest());
            send(id + 100_000, good).andExpect(status().isNotFound());
            mvc.perform(post("/api/notifications/abc").content("{}")).andExpect(status().isNotFound());
            byte[] large = new byte[5000];
            java.util.Arrays.fill(large, (byte) ' ');
            mvc.perform(post("/api/notifications/" + id)
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("X-Juchu-Timestamp", String.valueOf(now))
                            .header("X-Juchu-Signature", Notifications.sign(shop.notificationSecret(), now, large))
                            .content(large))
                    .andExpect(status().isContentTooLarge());
            assertThat(history.runs(id)).hasSize(1);

            // accepted once — and the very same notification again is a replay
            send(id, good).andExpect(status().isAccepted());
            send(id, good).andExpect(status().isConflict());

            // a connection whose shop offers no notifications has no endpoint here
            long plain = setup.verifyAndSave(null, OrderImportTests.settings(withoutNotifications))
                    .connection()
                    .id();
            Thread.sleep(1000);
            assertThat(notifications.subscription(plain)).isEmpty();
            send(plain, new Notifications(withoutNotifications.shopId(), "anything").about("z"))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void notificationsDuringARunMakeExactlyOneMoreRun() throws Exception {
        try (FakeShop shop = new FakeShop("notify3").offerNotifications()) {
            long id = connect(shop);
            Notifications shopSigns = new Notifications(shop.shopId(), shop.notificationSecret());
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean holding = new AtomicBoolean(true);
            shop.beforePage(from -> {
                if (holding.get()) {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });

            shop.place("during-1", FakeShop.now(), 1);
            send(id, shopSigns.about("during-1")).andExpect(status().isAccepted());
            await(() -> history.runs(id).size() == 2 && history.runs(id).get(0).running());
            for (int i = 0; i < 5; i++) {
                shop.place("during-" + (i + 2), FakeShop.now(), 1);
                send(id, shopSigns.about("during-" + (i + 2))).andExpect(status().isAccepted());
            }
            holding.set(false);
            release.countDown();

            await(() -> orders(id) == 6
                    && history.runs(id).size() == 3
                    && history.runs(id).stream().noneMatch(ImportRun::running));
            Thread.sleep(3000); // time for a wrong third run to show
            List<ImportRun> runs = history.runs(id);
            assertThat(runs).hasSize(3);
            assertThat(runs).extracting(ImportRun::trigger).containsExactly("NOTIFIED", "NOTIFIED", "SCHEDULED");
            // and the connection is back on its 30-minute schedule
            assertThat(nextRun(id)).isAfter(java.time.OffsetDateTime.now().plusMinutes(25));
        }
    }

    @Test
    void anOrderWhoseNotificationWasLostIsImportedByThePoll() throws Exception {
        try (FakeShop shop = new FakeShop("notify4").offerNotifications()) {
            long id = connect(shop);
            shop.place("lost-1", FakeShop.now(), 1); // its notification never arrives
            await(() -> nextRun(id).isAfter(java.time.OffsetDateTime.now().plusMinutes(25)));

            // the connection's next scheduled run comes (brought forward here instead of waiting 30 minutes)
            jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = 'order-import' "
                            + "and task_instance = ? and picked = false")
                    .param(String.valueOf(id))
                    .update();
            await(() -> orders(id) == 1);
            await(() -> !history.runs(id).get(0).running());
            assertThat(history.runs(id).get(0).trigger()).isEqualTo("SCHEDULED");
        }
    }

    private java.time.OffsetDateTime nextRun(long connectionId) {
        return jdbc.sql("select execution_time from scheduled_tasks where task_name = 'order-import' "
                        + "and task_instance = ?")
                .param(String.valueOf(connectionId))
                .query(java.time.OffsetDateTime.class)
                .optional()
                .orElse(java.time.OffsetDateTime.MIN);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within 40 s");
    }
}
