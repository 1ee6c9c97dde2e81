package jp.juchu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 2's API benchmark, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OrderSearchBenchmark}
 * (with {@code -Dbenchmark.orders=N} for another size; default 1,000,000). The shop server makes N orders over
 * the last 30 days; then pages of 100 are asked for over HTTP the way clients ask for them, one request at a
 * time, and each kind's latency percentiles are appended to {@code docs/benchmarks.md}.
 */
class OrderSearchBenchmark {

    private static final Pattern CURSOR = Pattern.compile("\"next_search_after\":\"(\\d+)\"");
    private static final int WARM_UP = 30;
    private static final int REQUESTS = 300;
    private static final Duration SETTLE = Duration.ofSeconds(120);

    @Test
    void orderSearchPagesOfOneHundred() throws Exception {
        int orders = Integer.getInteger("benchmark.orders", 1_000_000);
        Path work = Demo.work("search-benchmark");
        long generationStarted = System.nanoTime();
        try (AppProcess shop = Demo.shopServer(
                work.resolve("shop"),
                Map.of(
                        "shop.demo.enabled",
                        "true",
                        "shop.orders.demo-orders",
                        String.valueOf(orders),
                        "shop.api.rate-limit-per-minute",
                        "100000000"),
                // the demo shop's orders are made before the server reports healthy
                Duration.ofMinutes(60))) {
            DemoShopApi api = DemoShopApi.await(work.resolve("shop/demo-shop.properties"), orders);
            long generationSeconds = (System.nanoTime() - generationStarted) / 1_000_000_000L;
            // a shop in service has had autovacuum's pass over its orders (statistics, visibility map);
            // after a bulk load that pass comes within about a minute
            Thread.sleep(SETTLE.toMillis());
            OffsetDateTime now = OffsetDateTime.now();

            Map<String, long[]> results = new LinkedHashMap<>();
            results.put(
                    "changes of the last 30 minutes, first page with `total_count` (a scheduled run)",
                    measure(i -> first(api, now.minusMinutes(30), "")));
            results.put(
                    "last 7 days, first page with `total_count` (a first import)",
                    measure(i -> first(api, now.minusDays(7), "")));
            results.put("last 7 days, pages after the cursor (a first import reading on)", walk(api, now.minusDays(7)));
            results.put(
                    "last 30 days, unpaid orders only, first page with `total_count`",
                    measure(i -> first(api, now.minusDays(30), ",\"payment_status\":[\"Unpaid\"]")));
            results.put(
                    "last 30 days, offset page `from` = 5,000",
                    measure(i -> post(api, "{\"since\":\"" + now.minusDays(30) + "\",\"from\":5000,\"size\":100}")));
            report(orders, generationSeconds, results);
        }
    }

    @FunctionalInterface
    interface Call {
        long nanos(int i) throws Exception;
    }

    private static long[] measure(Call call) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            call.nanos(i);
        }
        long[] nanos = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            nanos[i] = call.nanos(i);
        }
        return nanos;
    }

    private static long first(DemoShopApi api, OffsetDateTime since, String filter) throws Exception {
        return post(api, "{\"since\":\"" + since + "\",\"from\":0,\"size\":100" + filter + "}");
    }

    private static long post(DemoShopApi api, String body) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> page = api.post("/v2/orders/_retrieve/all", body);
        long took = System.nanoTime() - started;
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return took;
    }

    /** Reads page after page after the cursor, as an import of a large window does. */
    private static long[] walk(DemoShopApi api, OffsetDateTime since) throws Exception {
        List<Long> nanos = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < WARM_UP + REQUESTS; i++) {
            String body = cursor == null
                    ? "{\"since\":\"" + since + "\",\"from\":0,\"size\":100}"
                    : "{\"since\":\"" + since + "\",\"search_after\":\"" + cursor + "\",\"size\":100}";
            long started = System.nanoTime();
            HttpResponse<String> page = api.post("/v2/orders/_retrieve/all", body);
            long took = System.nanoTime() - started;
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            if (i >= WARM_UP) {
                nanos.add(took);
            }
            // at the window's end (a small benchmark shop) the walk starts over
            Matcher next = CURSOR.matcher(page.body());
            cursor = next.find() ? next.group(1) : null;
        }
        return nanos.stream().mapToLong(Long::longValue).toArray();
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static void report(int orders, long generationSeconds, Map<String, long[]> results) throws Exception {
        StringBuilder rows = new StringBuilder();
        results.forEach((kind, nanos) -> {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            rows.append("| %s | %d | %.1f ms | %.1f ms | %.1f ms |\n"
                    .formatted(
                            kind,
                            sorted.length,
                            percentile(sorted, 50),
                            percentile(sorted, 95),
                            percentile(sorted, 99)));
        });
        DemoShopApi.report("""

                ## Shop API order search at %,d orders (issue 2) — %s

                Machine: %d cores; the shop server on its embedded PostgreSQL 17, one client on the same host asking
                one request at a time over HTTP (basic auth with the manager key on every request), `all` blocks,
                pages of 100; %d warm-up requests per kind, then %d measured. The %,d orders (over the last 30 days)
                took %d s to generate (with the start of the shop server); then %d s for autovacuum's first pass. Rate limit
                lifted for the run.
                Command: `./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OrderSearchBenchmark -Dbenchmark.orders=%d`

                | request | n | p50 | p95 | p99 |
                |---|---|---|---|---|
                %s""".formatted(
                        orders,
                        OffsetDateTime.now().toLocalDate(),
                        Runtime.getRuntime().availableProcessors(),
                        WARM_UP,
                        REQUESTS,
                        orders,
                        generationSeconds,
                        SETTLE.toSeconds(),
                        orders,
                        rows));
    }
}
