package jp.juchu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's stock freshness between shops, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StockFreshnessBenchmark -Dfailsafe.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.minutes=N} per mode, {@code -Dbenchmark.orderEverySeconds=N}). Both apps start as
 * {@code start.sh} starts them: the demo's two shops selling the same products, both linked to the OMS, their items
 * mapped to one SKU each, the stock shared and the sync confirmed. Buyers order one unit at shop A's storefront, one
 * order every few seconds, the items in turn; a watcher reads shop B's stock of those items over shop B's management
 * API every second. For each order: from the storefront's place request returning until shop B's quantity of that
 * item is lower by every unit sold at shop A so far — the OMS imported the order, allocated it, marked the listing in
 * the outbox and pushed shop B its share. Two modes, one after the other on the same apps: the OMS polling shop A
 * every minute (shop A's notification endpoints removed), then with change notifications (the connection set to
 * "on notification", which registers the endpoint again). Appended to {@code docs/benchmarks.md}.
 */
class StockFreshnessBenchmark {

    private static final String SHOP_A = "sptest18pj";
    private static final String SHOP_B = "sptest18pk";
    /** Items without variations that the demo shops have in stock, ordered in turn. */
    private static final List<String> ITEMS =
            List.of("tea-hojicha-200", "tea-genmai-200", "sweets-yokan", "ware-kyusu", "gift-set-a");

    private static final Pattern QUANTITY = Pattern.compile("\"quantity\"\\s*:\\s*(\\d+)");

    @Test
    void anOrderAtShopAChangesShopBsStockWithinAMinute() throws Exception {
        int minutes = Integer.getInteger("benchmark.minutes", 4);
        int orderEverySeconds = Integer.getInteger("benchmark.orderEverySeconds", 12);
        String loadAtStart = ImportBenchmark.loadAverage();
        Path work = Path.of(System.getProperty("juchu.workDir"), "stock-freshness-" + System.currentTimeMillis());
        Duration start = Duration.ofMinutes(Long.getLong("juchu.startMinutes", 8));
        try (AppProcess shopServer = AppProcess.start(
                        "shop-server",
                        Path.of(System.getProperty("juchu.shopServerJar")),
                        work.resolve("shop"),
                        // the watcher's reads (one a second) must not eat the OMS's share of the platform's limit:
                        // the shop's limit is lifted, the OMS keeps its own budget of 120 requests a minute
                        Map.of("shop.demo.enabled", "true", "shop.api.rate-limit-per-minute", "100000"),
                        start);
                HarnessDatabase database = new HarnessDatabase(work.resolve("oms-db"));
                AppProcess oms = AppProcess.start(
                        "oms",
                        Path.of(System.getProperty("juchu.omsJar")),
                        work.resolve("oms"),
                        Map.of(
                                "spring.datasource.url", database.jdbcUrl(),
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "postgres",
                                "oms.demo.enabled", "true",
                                "oms.demo.handoff-file",
                                        work.resolve("shop/demo-shop.properties")
                                                .toString()),
                        start)) {
            DemoShopApi demo = DemoShopApi.await(work.resolve("shop/demo-shop.properties"), 300);
            DemoShopApi shopA = demo.shop(SHOP_A);
            DemoShopApi shopB = DemoShopApi.awaitShop(work.resolve("shop/demo-shop.properties"), SHOP_B);
            OmsSession session =
                    OmsSession.login(oms.baseUrl(), "/login", Map.of("username", "admin", "password", "juchu-admin"));
            long connectionA;
            try (Connection db = database.connect()) {
                connectionA = connectionOf(db, SHOP_A);
                awaitSettled(db, Duration.ofMinutes(10));
            }
            String storefront = shopServer.baseUrl() + "/shops/" + SHOP_A;

            // polling every minute, no notifications
            saveConnection(session, connectionA, shopA, "1");
            removeEndpoints(shopA);
            Phase polling;
            try (Connection db = database.connect()) {
                awaitSettled(db, Duration.ofMinutes(3));
                polling = measure(db, connectionA, shopB, storefront, minutes, orderEverySeconds);
            }

            // change notifications (with the connection's safety poll)
            saveConnection(session, connectionA, shopA, "notification");
            awaitEndpoint(shopA);
            Phase notified;
            try (Connection db = database.connect()) {
                awaitSettled(db, Duration.ofMinutes(3));
                notified = measure(db, connectionA, shopB, storefront, minutes, orderEverySeconds);
            }
            write(minutes, orderEverySeconds, loadAtStart, polling, notified);
            assertThat(polling.millis()).isNotEmpty();
            assertThat(notified.millis()).isNotEmpty();
        }
    }

    /** One mode's orders: the times until shop B showed each, those never seen, and the import runs by trigger. */
    record Phase(List<Long> millis, int unseen, Map<String, Long> runs) {
        long percentile(double p) {
            long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
        }
    }

    private record Order(String item, int expected, long placedNanos) {}

    private static Phase measure(
            Connection db, long connectionA, DemoShopApi shopB, String storefront, int minutes, int orderEverySeconds)
            throws Exception {
        Instant from = Instant.now();
        Map<String, Integer> quantity = new HashMap<>();
        for (String item : ITEMS) {
            quantity.put(item, stock(shopB, item));
        }
        List<Order> placed = new ArrayList<>();
        Map<Order, Long> seen = new ConcurrentHashMap<>();
        Thread watcher = new Thread(() -> watch(shopB, placed, seen), "stock-watcher");
        watcher.setDaemon(true);
        watcher.start();
        try {
            Instant until = from.plus(Duration.ofMinutes(minutes));
            int i = 0;
            while (Instant.now().isBefore(until)) {
                String item = ITEMS.get(i++ % ITEMS.size());
                int expected = quantity.merge(item, -1, Integer::sum);
                long before = System.nanoTime();
                CheckoutBenchmark.Placed order = CheckoutBenchmark.placeOrder(storefront, item);
                synchronized (placed) {
                    placed.add(new Order(item, expected, order.placedNanos()));
                }
                long spent = (System.nanoTime() - before) / 1_000_000;
                Thread.sleep(Math.max(0, orderEverySeconds * 1000L - spent));
            }
            // the last orders get two minutes and a half to show at shop B
            Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
            while (seen.size() < placed.size() && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
        } finally {
            watcher.interrupt();
            watcher.join(5000);
        }
        List<Long> millis = new ArrayList<>();
        synchronized (placed) {
            for (Order order : placed) {
                Long at = seen.get(order);
                if (at != null) {
                    millis.add((at - order.placedNanos()) / 1_000_000);
                }
            }
        }
        Map<String, Long> runs = new LinkedHashMap<>();
        try (PreparedStatement sql = db.prepareStatement(
                "select trigger, count(*) from import_run where connection_id = ? and started_at >= ?"
                        + " group by trigger order by trigger")) {
            sql.setLong(1, connectionA);
            sql.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    runs.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return new Phase(millis, placed.size() - millis.size(), runs);
    }

    /**
     * Reads shop B's stock of the items every second; an order is seen when its item's quantity at shop B is at or
     * below what it should be once every unit sold at shop A up to that order is taken off.
     */
    private static void watch(DemoShopApi shopB, List<Order> placed, Map<Order, Long> seen) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Map<String, Integer> now = new HashMap<>();
                for (String item : ITEMS) {
                    now.put(item, stock(shopB, item));
                }
                long at = System.nanoTime();
                List<Order> waiting;
                synchronized (placed) {
                    waiting = new ArrayList<>(placed);
                }
                for (Order order : waiting) {
                    if (!seen.containsKey(order) && now.get(order.item()) <= order.expected()) {
                        seen.put(order, at);
                    }
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a read that failed is read again the next second
            }
        }
    }

    private static int stock(DemoShopApi shop, String item) throws Exception {
        HttpResponse<String> stock = shop.send("GET", "/v2/items/" + item + "/stock", "");
        Matcher quantity = QUANTITY.matcher(stock.body());
        if (stock.statusCode() != 200 || !quantity.find()) {
            throw new IllegalStateException("stock of " + item + ": " + stock.statusCode() + " " + stock.body());
        }
        return Integer.parseInt(quantity.group(1));
    }

    private static long connectionOf(Connection db, String shopId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try (PreparedStatement sql = db.prepareStatement("select id from mall_connection where shop_id = ?")) {
                sql.setString(1, shopId);
                try (ResultSet rs = sql.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the demo shop " + shopId + " was not linked");
    }

    /**
     * Waits until both demo shops' first imports succeeded, nothing waits to be allocated or pushed, and no event
     * publication is open: from then on the shops' stock moves only with the benchmark's orders.
     */
    private static void awaitSettled(Connection db, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        int quiet = 0;
        while (Instant.now().isBefore(deadline)) {
            try (Statement sql = db.createStatement();
                    ResultSet rs = sql.executeQuery("""
                            select (select count(distinct connection_id) from import_run where status = 'SUCCEEDED'),
                                   (select count(*) from stock_sync_outbox),
                                   (select count(*) from event_publication where completion_date is null
                                      and coalesce(status, '') <> 'FAILED'),
                                   (select count(*) from order_allocation where state = 'PENDING')
                            """)) {
                rs.next();
                boolean settled = rs.getLong(1) >= 2 && rs.getLong(2) == 0 && rs.getLong(3) == 0 && rs.getLong(4) == 0;
                quiet = settled ? quiet + 1 : 0;
                if (quiet >= 3) {
                    return;
                }
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("the OMS and the shops did not settle within " + timeout);
    }

    private static void saveConnection(OmsSession session, long connection, DemoShopApi shop, String interval) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("shopId", shop.property("shop-id"));
        form.put("openKey", shop.property("open-key"));
        form.put("managerKey", shop.property("manager-key"));
        form.put("daysToFetch", "7");
        form.put("_autoFetch", "on");
        form.put("autoFetch", "true");
        form.put("fetchIntervalMinutes", interval);
        form.put("managementUrl", shop.property("management-url"));
        form.put("itemUrl", shop.property("item-url"));
        HttpResponse<String> saved =
                session.postForm("/settings/mall-details/" + connection, "/settings/mall-details/" + connection, form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    }

    private static final Pattern ENDPOINT_ID = Pattern.compile("\"id\"\\s*:\\s*\"?(\\d+)");

    /**
     * Removes every notification endpoint of the shop, until none has been there for a few seconds (saving the
     * connection registers its endpoint after the save commits).
     */
    private static void removeEndpoints(DemoShopApi shop) throws Exception {
        int empty = 0;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (empty < 5) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the shop's notification endpoints could not be removed");
            }
            String list = shop.send("GET", "/v2/notifications/endpoints", "").body();
            Matcher id = ENDPOINT_ID.matcher(list);
            boolean any = false;
            while (id.find()) {
                any = true;
                shop.send("DELETE", "/v2/notifications/endpoints/" + id.group(1), "");
            }
            empty = any ? 0 : empty + 1;
            Thread.sleep(1000);
        }
    }

    private static void awaitEndpoint(DemoShopApi shop) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (ENDPOINT_ID
                    .matcher(shop.send("GET", "/v2/notifications/endpoints", "").body())
                    .find()) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the OMS did not register its notification endpoint again");
    }

    private static void write(int minutes, int orderEverySeconds, String loadAtStart, Phase polling, Phase notified)
            throws Exception {
        String section = """

                ## Stock freshness: an order at shop A → shop B's stock (issue 15) — %s

                Machine: %d cores, load average %s at the start and %s at the end (`/proc/loadavg`, 1 / 5 / 15
                minutes); both apps as `start.sh` starts them (the demo's two shops `%s` and `%s` selling the same
                products, both linked to the OMS, their items mapped to one SKU each, the stock shared, the sync
                confirmed), the OMS on a PostgreSQL 17 the harness runs, all on one host. The OMS keeps its default
                request budget (120 a minute per connection) and stock-sync settings (db-scheduler looking for due work every second, the drain every 2 s, 30 pushes a
                minute per shop); the shop's own limit is lifted for the watcher's reads only. One unit ordered at shop
                A's storefront every %d s, the items %s in turn, for %d minutes per mode; shop B's stock of those items
                read over its management API every second. Timed from the place request returning until shop B's
                quantity of the item is lower by every unit sold at shop A so far: the OMS imported the order, allocated
                it, marked the listings in the outbox and pushed shop B its share. The first mode polls shop A every
                minute with its notification endpoints removed; the second sets the connection to "on notification"
                (the endpoint registered again, a safety poll beside it).
                Command: `./mvnw -B -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StockFreshnessBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbenchmark.minutes=%d -Dbenchmark.orderEverySeconds=%d`

                | mode | orders | seen at shop B | p50 | p95 | max | import runs of shop A (by trigger) | goal p95 |
                |---|---|---|---|---|---|---|---|
                | poll every minute | %d | %d | %.1f s | %.1f s | %.1f s | %s | under 60 s |
                | change notifications | %d | %d | %.1f s | %.1f s | %.1f s | %s | — |
                """.formatted(
                        OffsetDateTime.now().toLocalDate(),
                        Runtime.getRuntime().availableProcessors(),
                        loadAtStart,
                        ImportBenchmark.loadAverage(),
                        SHOP_A,
                        SHOP_B,
                        orderEverySeconds,
                        String.join(", ", ITEMS),
                        minutes,
                        minutes,
                        orderEverySeconds,
                        polling.millis().size() + polling.unseen(),
                        polling.millis().size(),
                        polling.percentile(0.5) / 1000.0,
                        polling.percentile(0.95) / 1000.0,
                        polling.percentile(1.0) / 1000.0,
                        polling.runs(),
                        notified.millis().size() + notified.unseen(),
                        notified.millis().size(),
                        notified.percentile(0.5) / 1000.0,
                        notified.percentile(0.95) / 1000.0,
                        notified.percentile(1.0) / 1000.0,
                        notified.runs());
        DemoShopApi.report(section);
    }
}
