package jp.juchu.oms.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.juchu.oms.OmsApplication;
import jp.juchu.oms.malls.ConnectionSettings;
import jp.juchu.oms.malls.ConnectionSetup;
import jp.juchu.oms.malls.MallNotifications;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two OMS nodes on one database: notifications arriving at either node make one run in flight and exactly one more. */
class TwoNodesNotificationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void notificationsToBothNodesDuringARunMakeExactlyOneMoreRun() throws Exception {
        try (FakeShop shop = new FakeShop("twonotify").offerNotifications();
                ConfigurableApplicationContext first = node();
                ConfigurableApplicationContext second = node()) {
            long id = first.getBean(ConnectionSetup.class)
                    .verifyAndSave(
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
            ImportHistory history = first.getBean(ImportHistory.class);
            MallNotifications subscriptions = first.getBean(MallNotifications.class);
            NotificationImportTests.await(() -> subscriptions.subscription(id).isPresent());
            NotificationImportTests.await(() ->
                    history.runs(id).size() == 1 && !history.runs(id).get(0).running());

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
            shop.place("both-0", FakeShop.now(), 1);
            assertThat(send(second, id, shopSigns.about("both-0"))).isEqualTo(202);
            NotificationImportTests.await(() ->
                    history.runs(id).size() == 2 && history.runs(id).get(0).running());
            for (int i = 1; i <= 6; i++) {
                shop.place("both-" + i, FakeShop.now(), 1);
                assertThat(send(i % 2 == 0 ? first : second, id, shopSigns.about("both-" + i)))
                        .isEqualTo(202);
            }
            // the same notification at the other node is a replay there too
            Notifications.Signed once = shopSigns.about("both-6");
            assertThat(send(first, id, once)).isEqualTo(202);
            assertThat(send(second, id, once)).isEqualTo(409);
            holding.set(false);
            release.countDown();

            JdbcClient jdbc = first.getBean(JdbcClient.class);
            NotificationImportTests.await(() -> jdbc.sql("select count(*) from oms_order where connection_id = ?")
                                    .param(id)
                                    .query(Long.class)
                                    .single()
                            == 7
                    && history.runs(id).size() == 3
                    && history.runs(id).stream().noneMatch(ImportRun::running));
            Thread.sleep(3000);
            List<ImportRun> runs = history.runs(id);
            assertThat(runs).extracting(ImportRun::trigger).containsExactly("NOTIFIED", "NOTIFIED", "SCHEDULED");
        }
    }

    private int send(ConfigurableApplicationContext node, long connectionId, Notifications.Signed signed)
            throws Exception {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/notifications/" + connectionId))
                .header("Content-Type", "application/json")
                .header("X-Juchu-Timestamp", signed.timestamp())
                .header("X-Juchu-Signature", signed.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(OmsApplication.class).run("--server.port=0", "--spring.jmx.enabled=false");
    }
}
