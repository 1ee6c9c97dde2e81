package jp.juchu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's checkout benchmark, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CheckoutBenchmark}
 * ({@code -Dbenchmark.buyers=N}, {@code -Dbenchmark.checkouts=M} per buyer). Buyers, each with its own
 * cookies, go through the storefront over HTTP as a browser does — product page, add to cart, checkout
 * form, confirmation, place — all buying the same product, whose stock is taken at every order.
 */
class CheckoutBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ORDER_NUMBER = Pattern.compile("data-testid=\"order-number\"[^>]*>([^<]+)<");
    static final String ITEM = "bench-tea";

    @Test
    void concurrentBuyersCheckingOut() throws Exception {
        int buyers = Integer.getInteger("benchmark.buyers", 8);
        int perBuyer = Integer.getInteger("benchmark.checkouts", 40);
        Path work = Demo.work("checkout-benchmark");
        try (AppProcess shop = Demo.shopServer(
                work.resolve("shop"), Map.of("shop.demo.enabled", "true", "shop.orders.demo-orders", "300"))) {
            DemoShopApi api = DemoShopApi.await(work.resolve("shop/demo-shop.properties"), 300);
            // the product every buyer buys, registered and stocked through the management API
            assertThat(api.send(
                                    "PUT",
                                    "/v2/items",
                                    "{\"item_code\":\"" + ITEM + "\",\"item_name\":\"ベンチマーク煎茶\","
                                            + "\"item_price\":1080,\"consumption_tax_setting\":\"Reduced\"}")
                            .statusCode())
                    .isEqualTo(201);
            api.send("PUT", "/v2/items/" + ITEM + "/basic", "{\"is_open\":\"Yes\"}");
            int stock = buyers * perBuyer + 1; // and one for the warm-up
            api.send("PUT", "/v2/items/" + ITEM + "/stock", "{\"quantity\":" + stock + "}");
            String base = shop.baseUrl() + "/shops/" + api.property("shop-id");

            checkout(base); // warm-up
            ExecutorService pool = Executors.newFixedThreadPool(buyers);
            List<Callable<long[]>> work1 = new ArrayList<>();
            for (int b = 0; b < buyers; b++) {
                work1.add(() -> {
                    long[] nanos = new long[perBuyer];
                    for (int i = 0; i < perBuyer; i++) {
                        nanos[i] = checkout(base);
                    }
                    return nanos;
                });
            }
            long started = System.nanoTime();
            List<Long> all = new ArrayList<>();
            for (Future<long[]> done : pool.invokeAll(work1)) {
                Arrays.stream(done.get()).forEach(all::add);
            }
            long elapsed = System.nanoTime() - started;
            pool.shutdown();

            String left = api.send("GET", "/v2/items/" + ITEM + "/stock", "").body();
            // every unit sold once: what was stocked is gone
            assertThat(left).contains("\"quantity\":0");
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            DemoShopApi.report("""

                    ## Storefront checkouts (issue 3) — %s

                    Machine: %d cores; the shop server (`-Xmx512m`) on its embedded PostgreSQL 17, the buyers on the
                    same host. Each checkout is the whole path over HTTP as a browser takes it: product page, add to
                    cart, checkout form, confirmation, place (stock taken, order recorded, confirmation mail written)
                    — 6 requests. Every buyer buys the same product, so every order contends for its stock row.
                    Command: `./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CheckoutBenchmark -Dbenchmark.buyers=%d -Dbenchmark.checkouts=%d`

                    | concurrent buyers | checkouts | time | checkouts/s | one checkout p50 | p95 |
                    |---|---|---|---|---|---|
                    | %d | %d | %.1f s | %.1f | %.0f ms | %.0f ms |
                    """.formatted(
                            OffsetDateTime.now().toLocalDate(),
                            Runtime.getRuntime().availableProcessors(),
                            buyers,
                            perBuyer,
                            buyers,
                            sorted.length,
                            elapsed / 1e9,
                            sorted.length / (elapsed / 1e9),
                            sorted[sorted.length / 2] / 1e6,
                            sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6));
        }
    }

    /** One buyer's whole checkout with fresh cookies; returns how long it took. */
    private static long checkout(String base) throws Exception {
        long started = System.nanoTime();
        return placeOrder(base).placedNanos() - started;
    }

    /** An order placed at the storefront: its number, and {@link System#nanoTime()} when the place request returned. */
    record Placed(String orderNumber, long placedNanos) {}

    /**
     * One buyer's whole checkout of {@link #ITEM} with fresh cookies; then the thanks page, for the order number
     * (not part of the checkout's time).
     */
    static Placed placeOrder(String base) throws Exception {
        return placeOrder(base, ITEM);
    }

    /** One buyer's whole checkout of one unit of an item without variations, with fresh cookies. */
    static Placed placeOrder(String base, String item) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String product = get(http, base + "/items/" + item);
        expectRedirect(
                post(http, base + "/cart/add", Map.of("itemCode", item, "quantity", "1", "_csrf", csrf(product))));
        String form = get(http, base + "/checkout");
        Map<String, String> buyer = new LinkedHashMap<>();
        buyer.put("buyer.name", "山田 太郎");
        buyer.put("buyer.kana", "ヤマダ タロウ");
        buyer.put("buyer.email", "taro@example.jp");
        buyer.put("buyer.phone", "03-1234-5678");
        buyer.put("buyer.postalCode", "150-0001");
        buyer.put("buyer.prefecture", "東京都");
        buyer.put("buyer.address1", "渋谷区神宮前1-2-3");
        buyer.put("destinations[0].sameAsBuyer", "true");
        buyer.put("paymentMethod", "BankTransfer");
        buyer.put("_csrf", csrf(form));
        expectRedirect(post(http, base + "/checkout", buyer));
        String confirm = get(http, base + "/checkout/confirm");
        HttpResponse<String> placed = post(http, base + "/checkout/place", Map.of("_csrf", csrf(confirm)));
        long placedNanos = System.nanoTime();
        assertThat(placed.headers().firstValue("Location").orElse("")).endsWith("/checkout/thanks");
        Matcher number = ORDER_NUMBER.matcher(get(http, base + "/checkout/thanks"));
        assertThat(number.find()).as("the order number on the thanks page").isTrue();
        return new Placed(number.group(1).strip(), placedNanos);
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(url).isEqualTo(200);
        return page.body();
    }

    private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expectRedirect(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }
}
