package jp.juchu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's freshness with the poll every minute, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PollFreshnessBenchmark}
 * ({@code -Dbenchmark.minutes=N}, {@code -Dbenchmark.ordersPerMinute=N}). The demo shop keeps selling (its live
 * traffic: new orders and changes to recent ones) under the platform's own limit of 120 requests a minute; one OMS
 * node, with its default request budget, imports it with automatic fetch every minute. For every order placed while
 * measuring: from its placing at the shop ({@code order_date}) to its arrival in the OMS ({@code imported_at}, from
 * when it is in the order list), p50 / p95 / max. Appended to {@code docs/benchmarks.md}.
 */
class PollFreshnessBenchmark {

    @Test
    void orderPlacedAtTheShopIsInTheOmsWithinAMinuteAndAFew() throws Exception {
        int minutes = Integer.getInteger("benchmark.minutes", 6);
        int ordersPerMinute = Integer.getInteger("benchmark.ordersPerMinute", 60);
        String loadAtStart = ImportBenchmark.loadAverage();
        Path work = Demo.work("freshness-benchmark");
        try (AppProcess shop = Demo.shopServer(
                        work.resolve("shop"),
                        Map.of(
                                "shop.demo.enabled", "true",
                                "shop.orders.demo-orders", "300",
                                "shop.orders.traffic-per-minute", String.valueOf(ordersPerMinute)));
                HarnessDatabase database = new HarnessDatabase(work.resolve("oms-db"));
                AppProcess oms = Demo.oms(
                        work.resolve("oms"),
                        Map.of(
                                "spring.datasource.url", database.jdbcUrl(),
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "postgres",
                                // the poll alone: the demo shop server offers change notifications, and saving the
                                // connection would register the OMS's endpoint (a run on every order, not a poll)
                                "oms.notifications.register", "false"))) {
            DemoShopApi demo = DemoShopApi.await(work.resolve("shop/demo-shop.properties"), 300);
            OmsSession session =
                    OmsSession.login(oms.baseUrl(), "/login", Map.of("username", "admin", "password", "juchu-admin"));
            Map<String, String> form = new LinkedHashMap<>();
            form.put("shopId", demo.property("shop-id"));
            form.put("openKey", demo.property("open-key"));
            form.put("managerKey", demo.property("manager-key"));
            form.put("daysToFetch", "1");
            form.put("_autoFetch", "on");
            form.put("autoFetch", "true");
            form.put("fetchIntervalMinutes", "1");
            form.put("managementUrl", demo.property("management-url"));
            form.put("itemUrl", demo.property("item-url"));
            HttpResponse<String> saved = session.postForm(
                    "/settings/mall-details/shopserve/new", "/settings/mall-details/shopserve/new", form);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
            Matcher link = Pattern.compile("/imports/(\\d+)").matcher(session.get("/settings/mall-details"));
            assertThat(link.find()).isTrue();
            long connection = Long.parseLong(link.group(1));

            // the first run (the day's orders) is not what is measured
            try (Connection db = database.connect()) {
                awaitRuns(db, connection, 1);
            }
            Instant from = Instant.now();
            Thread.sleep(Duration.ofMinutes(minutes).toMillis());
            Instant until = Instant.now();
            // the orders placed up to the end are imported by the polls after it
            Thread.sleep(Duration.ofSeconds(150).toMillis());
            try (Connection db = database.connect()) {
                SoakLag lag = lag(db, connection, from, until);
                long runs = count(
                        db,
                        "select count(*) from import_run where connection_id = ? and started_at >= ?",
                        connection,
                        from);
                long calls =
                        count(db, "select used_import from api_request_budget where connection_id = ?", connection);
                write(minutes, ordersPerMinute, loadAtStart, lag, runs, calls);
                assertThat(lag.orders()).isPositive();
            }
        }
    }

    private static void awaitRuns(Connection db, long connection, int runs) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            if (count(
                            db,
                            "select count(*) from import_run where connection_id = ? and status = 'SUCCEEDED'",
                            connection)
                    >= runs) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no import run succeeded within 10 minutes");
    }

    private static SoakLag lag(Connection db, long connection, Instant from, Instant until) throws Exception {
        try (PreparedStatement sql = db.prepareStatement("""
                select count(*),
                       coalesce(percentile_cont(0.5) within group (order by extract(epoch from imported_at - ordered_at)), 0),
                       coalesce(percentile_cont(0.95) within group (order by extract(epoch from imported_at - ordered_at)), 0),
                       coalesce(max(extract(epoch from imported_at - ordered_at)), 0)
                from oms_order where connection_id = ? and ordered_at >= ? and ordered_at < ?
                """)) {
            sql.setLong(1, connection);
            sql.setTimestamp(2, Timestamp.from(from));
            sql.setTimestamp(3, Timestamp.from(until));
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return new SoakLag(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
            }
        }
    }

    private static long count(Connection db, String query, Object... params) throws Exception {
        try (PreparedStatement sql = db.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                sql.setObject(i + 1, params[i] instanceof Instant at ? Timestamp.from(at) : params[i]);
            }
            try (ResultSet rs = sql.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void write(int minutes, int ordersPerMinute, String loadAtStart, SoakLag lag, long runs, long calls)
            throws Exception {
        String section = """

                ## Freshness with the poll every minute (issue 20) — %s

                Machine: %d cores, load average %s at the start and %s at the end (`/proc/loadavg`, 1 / 5 / 15 minutes);
                the shop server (its demo shop selling %d orders a minute, each with a change to a recent order) and one OMS node on their PostgreSQL 17 databases, on one host. The platform's limit of 120 requests a
                minute per key stands, and the OMS's request budget with it; automatic fetch every minute. Measured over
                %d minutes of orders, each from its placing at the shop (`order_date`) to its arrival in the OMS
                (`imported_at`, from when the order list shows it).
                Command: `./mvnw -B -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PollFreshnessBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbenchmark.minutes=%d -Dbenchmark.ordersPerMinute=%d`

                | orders measured | p50 | p95 | max | import runs while measuring | the import's calls to the shop's API (all runs) |
                |---|---|---|---|---|---|
                | %,d | %.1f s | %.1f s | %.1f s | %d | %d |
                """.formatted(
                        OffsetDateTime.now().toLocalDate(),
                        Runtime.getRuntime().availableProcessors(),
                        loadAtStart,
                        ImportBenchmark.loadAverage(),
                        ordersPerMinute,
                        minutes,
                        minutes,
                        ordersPerMinute,
                        lag.orders(),
                        lag.p50Seconds(),
                        lag.p95Seconds(),
                        lag.maxSeconds(),
                        runs,
                        calls);
        DemoShopApi.report(section);
    }
}
