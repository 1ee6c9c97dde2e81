package jp.juchu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's freshness benchmark with change notifications, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NotificationFreshnessBenchmark}
 * ({@code -Dbenchmark.orders=N}). The OMS is linked to the demo shop through its settings page with the automatic
 * fetch every 30 minutes, so only the shop's notifications can bring an order in sooner; saving the connection
 * registered the OMS's endpoint at the shop. Then orders are placed one after another at the storefront as a buyer
 * does, and each is timed from the moment the place request returned until it shows in the OMS's order list (the
 * list searched by its order number, polled every 100 ms).
 */
class NotificationFreshnessBenchmark {

    private static final Pattern RUN_DONE = Pattern.compile("data-testid=\"import-run\"\\s+data-status=\"SUCCEEDED\"");

    @Test
    void orderPlacedAtTheStorefrontIsInTheOmsOrderListWithinSeconds() throws Exception {
        int count = Integer.getInteger("benchmark.orders", 40);
        Path work = Demo.work("freshness-benchmark");
        try (AppProcess shop = Demo.shopServer(
                        work.resolve("shop"),
                        Map.of("shop.demo.enabled", "true", "shop.orders.demo-orders", "300"),
                        Duration.ofMinutes(10));
                AppProcess oms = Demo.oms(work.resolve("oms"), Map.of(), Duration.ofMinutes(10))) {
            DemoShopApi api = DemoShopApi.await(work.resolve("shop/demo-shop.properties"), 300);
            assertThat(api.send(
                                    "PUT",
                                    "/v2/items",
                                    "{\"item_code\":\"" + CheckoutBenchmark.ITEM + "\",\"item_name\":\"ベンチマーク煎茶\","
                                            + "\"item_price\":1080,\"consumption_tax_setting\":\"Reduced\"}")
                            .statusCode())
                    .isEqualTo(201);
            api.send("PUT", "/v2/items/" + CheckoutBenchmark.ITEM + "/basic", "{\"is_open\":\"Yes\"}");
            api.send("PUT", "/v2/items/" + CheckoutBenchmark.ITEM + "/stock", "{\"quantity\":" + (count + 5) + "}");
            String storefront = shop.baseUrl() + "/shops/" + api.property("shop-id");

            OmsSession session =
                    OmsSession.login(oms.baseUrl(), "/login", Map.of("username", "admin", "password", "juchu-admin"));
            Map<String, String> form = new LinkedHashMap<>();
            form.put("shopId", api.property("shop-id"));
            form.put("openKey", api.property("open-key"));
            form.put("managerKey", api.property("manager-key"));
            form.put("daysToFetch", "7");
            form.put("autoFetch", "true");
            form.put("_autoFetch", "on");
            form.put("fetchIntervalMinutes", "30");
            form.put("managementUrl", api.property("management-url"));
            form.put("itemUrl", api.property("item-url"));
            HttpResponse<String> saved = session.postForm(
                    "/settings/mall-details/shopserve/new", "/settings/mall-details/shopserve/new", form);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
            Matcher link = Pattern.compile("/imports/(\\d+)").matcher(session.get("/settings/mall-details"));
            assertThat(link.find()).isTrue();
            String connection = link.group(1);
            awaitFirstImport(session, connection);

            CheckoutBenchmark.placeOrder(storefront); // warm-up, not counted
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                CheckoutBenchmark.Placed placed = CheckoutBenchmark.placeOrder(storefront);
                awaitInOrderList(session, placed.orderNumber());
                millis.add((System.nanoTime() - placed.placedNanos()) / 1_000_000);
            }
            long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            DemoShopApi.report("""

                    ## Freshness with change notifications (issue 20) — %s

                    Machine: %d cores (load average %.1f when the run ended); both apps and their embedded
                    PostgreSQL 17 on one host. The OMS's connection fetches automatically every 30 minutes, so every
                    order below came in on the shop's notification:
                    the storefront's order commits with its outbox message, the shop server sends it signed at once,
                    the OMS verifies it and moves the connection's import run to now. Timed from the storefront's
                    place request returning until the order number is found in the OMS order list (polled every
                    100 ms), orders placed one after another.
                    Command: `./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NotificationFreshnessBenchmark -Dbenchmark.orders=%d`

                    | orders | placed → in the OMS order list p50 | p95 | max | goal p95 |
                    |---|---|---|---|---|
                    | %d | %.2f s | %.2f s | %.2f s | under 5 s |
                    """.formatted(
                            OffsetDateTime.now().toLocalDate(),
                            Runtime.getRuntime().availableProcessors(),
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                    .getSystemLoadAverage(),
                            count,
                            count,
                            sorted[sorted.length / 2] / 1000.0,
                            sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1000.0,
                            sorted[sorted.length - 1] / 1000.0));
        }
    }

    private static void awaitFirstImport(OmsSession session, String connection) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (RUN_DONE.matcher(session.get("/imports/" + connection + "/runs"))
                    .find()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the first import did not finish");
    }

    private static void awaitInOrderList(OmsSession session, String orderNumber) throws InterruptedException {
        String path = "/orders?keyword=" + URLEncoder.encode(orderNumber, StandardCharsets.UTF_8);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            String list = session.get(path);
            if (list.contains("data-testid=\"order-row\"") && list.contains(orderNumber)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("order " + orderNumber + " did not reach the OMS order list within 2 minutes");
    }
}
