package jp.juchu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8's fault soak. The demo shop keeps placing orders and changing recent ones (paid, cancelled, address
 * corrected, shipped) while two OMS nodes on one PostgreSQL import them every few seconds through a proxy that breaks
 * the order API; between the proxy's faults the shop server is restarted, an OMS node is killed with SIGKILL in the
 * middle of an import and started again, PostgreSQL is restarted under the nodes, and the manager key is reissued at
 * the shop and entered again in the OMS. At the end the shop is quiet, the OMS catches up, and both sides are compared
 * order by order: every shop order once in the OMS with the same content, nothing lost, doubled or stale.
 *
 * <p>Short by default (part of {@code ./mvnw verify}); the long run:
 * {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultSoakSystemTest -Dsoak.minutes=22 -Dsoak.ordersPerMinute=2500 -Dsoak.faultEverySeconds=20 -Dsoak.report=docs/reliability.md}
 */
class FaultSoakSystemTest {

    private static final int MINUTES = Integer.getInteger("soak.minutes", 2);
    private static final int ORDERS_PER_MINUTE = Integer.getInteger("soak.ordersPerMinute", 300);
    private static final int FAULT_EVERY_SECONDS = Integer.getInteger("soak.faultEverySeconds", 8);
    private static final String REPORT = System.getProperty("soak.report", "");
    private static final String MASTER_KEY =
            Base64.getEncoder().encodeToString("fault-soak-master-key-32-bytes!!".getBytes(StandardCharsets.UTF_8));
    private static final Pattern MANAGER_KEY = Pattern.compile("data-testid=\"manager-key\"[^>]*>\\s*([^<\\s]+)\\s*<");
    private static final Pattern METRIC = Pattern.compile("\"value\":([0-9.E]+)");
    private static final List<String> CHANGE_KINDS = List.of("paid", "cancelled", "address", "shipped");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Integer> faults = new LinkedHashMap<>();
    private final Map<String, Double> traffic = new TreeMap<>();

    private Path work;
    private HarnessDatabase database;
    private FaultProxy proxy;
    private AppProcess shop;
    private OmsSession shopAdmin;
    private final AppProcess[] nodes = new AppProcess[2];
    private final OmsSession[] sessions = new OmsSession[2];
    private String shopId;
    private String openKey;
    private String managerKey;
    private long connection;

    @Test
    void noOrderIsLostDoubledOrStaleWhateverFails() throws Exception {
        work = Path.of(System.getProperty("juchu.workDir"), "soak-" + System.currentTimeMillis());
        Instant started = Instant.now();
        database = new HarnessDatabase(work.resolve("oms-db"));
        try {
            startShop(ORDERS_PER_MINUTE);
            DemoShopApi demo = DemoShopApi.await(work.resolve("shop/demo-shop.properties"), 1);
            shopId = demo.property("shop-id");
            openKey = demo.property("open-key");
            managerKey = demo.property("manager-key");
            proxy = new FaultProxy(shop.baseUrl(), Duration.ofSeconds(5));
            startNode(0);
            startNode(1);
            connect();

            List<Runnable> rotation = List.of(
                    () -> proxyFault(FaultProxy.Fault.SERVER_ERROR_500, 3),
                    this::restartShop,
                    () -> proxyFault(FaultProxy.Fault.UNAVAILABLE_503, 3),
                    this::killNodeMidImport,
                    () -> proxyFault(FaultProxy.Fault.RATE_LIMITED_429, 2),
                    this::restartDatabase,
                    () -> proxyFault(FaultProxy.Fault.SLOWER_THAN_TIMEOUT, 1),
                    this::reissueManagerKey,
                    () -> proxyFault(FaultProxy.Fault.MALFORMED_ORDER, 2),
                    () -> proxyFault(FaultProxy.Fault.RESET_MID_PAGE, 2));
            Instant deadline = started.plus(Duration.ofMinutes(MINUTES));
            int next = 0;
            // every fault at least once, however short the run
            while (Instant.now().isBefore(deadline) || next < rotation.size()) {
                rotation.get(next % rotation.size()).run();
                next++;
                Instant until = Instant.now().plusSeconds(FAULT_EVERY_SECONDS);
                while (Instant.now().isBefore(until)) {
                    triggerImport(ThreadLocalRandom.current().nextInt(2));
                    Thread.sleep(2000);
                }
            }

            // the shop goes quiet (a last restart, without traffic); the OMS catches up
            stopShop();
            startShop(0);
            proxy.retarget(shop.baseUrl());
            proxy.clear();
            Duration catchUp = catchUp();
            Result result = compare();
            report(started, catchUp, result);

            assertThat(result.lost()).as("lost orders").isZero();
            assertThat(result.duplicated()).as("duplicated orders").isZero();
            assertThat(result.stale()).as("stale orders").isZero();
            assertThat(result.unknown()).as("OMS orders the shop does not have").isZero();
            assertThat(result.shopOrders()).isEqualTo(result.omsOrders());
        } finally {
            for (AppProcess node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
            if (shop != null) {
                shop.close();
            }
            if (proxy != null) {
                proxy.close();
            }
            database.close();
        }
    }

    // ---- the system under test

    private void startShop(int ordersPerMinute) {
        shop = AppProcess.start(
                "shop-server",
                Path.of(System.getProperty("juchu.shopServerJar")),
                work.resolve("shop"),
                Map.of(
                        "shop.demo.enabled", "true",
                        "shop.orders.traffic-per-minute", String.valueOf(ordersPerMinute),
                        // the soak's own 429s stand for the platform's limit; the OMS must not wait minutes
                        "shop.api.rate-limit-per-minute", "100000"));
        shopAdmin = OmsSession.login(
                shop.baseUrl(), "/admin/login", Map.of("shopId", "sptest18pj", "password", "demo-pass"));
    }

    private void stopShop() {
        sampleTraffic();
        shop.close();
    }

    private void startNode(int i) {
        nodes[i] = AppProcess.start(
                "oms-" + (char) ('a' + i),
                Path.of(System.getProperty("juchu.omsJar")),
                work.resolve("oms-" + (char) ('a' + i)),
                Map.of(
                        "spring.datasource.url", database.jdbcUrl(),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres",
                        "oms.malls.master-key", MASTER_KEY,
                        "oms.malls.read-timeout", "3s",
                        "oms.imports.lease", "20s",
                        "db-scheduler.polling-interval", "2s"));
        sessions[i] =
                OmsSession.login(nodes[i].baseUrl(), "/login", Map.of("username", "admin", "password", "juchu-admin"));
    }

    private void connect() {
        Map<String, String> form = connectionForm();
        var saved = sessions[0].postForm(
                "/settings/mall-details/shopserve/new", "/settings/mall-details/shopserve/new", form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        Matcher link = Pattern.compile("/imports/(\\d+)").matcher(sessions[0].get("/settings/mall-details"));
        assertThat(link.find()).isTrue();
        connection = Long.parseLong(link.group(1));
    }

    private Map<String, String> connectionForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("shopId", shopId);
        form.put("openKey", openKey);
        form.put("managerKey", managerKey);
        form.put("daysToFetch", "30");
        form.put("_autoFetch", "on");
        form.put("autoFetch", "true");
        form.put("fetchIntervalMinutes", "10");
        form.put("managementUrl", proxy.baseUrl() + "/api/management");
        form.put("itemUrl", proxy.baseUrl() + "/api/item");
        return form;
    }

    private void triggerImport(int i) {
        try {
            sessions[i].postForm("/imports/" + connection, "/imports/" + connection + "/run", Map.of());
        } catch (RuntimeException nodeBusyOrDown) {
            // a node being restarted; the other one or the next trigger imports
        }
    }

    // ---- the faults

    private void proxyFault(FaultProxy.Fault fault, int times) {
        proxy.inject(fault, times);
        triggerImport(0);
    }

    private void restartShop() {
        stopShop();
        startShop(ORDERS_PER_MINUTE);
        proxy.retarget(shop.baseUrl());
        count("shop server restarted");
    }

    private void killNodeMidImport() {
        int i = ThreadLocalRandom.current().nextInt(2);
        triggerImport(i);
        sleep(Duration.ofMillis(400));
        nodes[i].kill();
        count("OMS node killed (SIGKILL) mid-import");
        startNode(i);
    }

    private void restartDatabase() {
        database.restart();
        count("PostgreSQL restarted");
    }

    /** The merchant reissues the manager key at the shop; the OMS is refused until the new key is entered. */
    private void reissueManagerKey() {
        shopAdmin.postForm(
                "/admin/server/api/reissue?kind=MANAGER", "/admin/server/api/reissue", Map.of("kind", "MANAGER"));
        Matcher key = MANAGER_KEY.matcher(shopAdmin.get("/admin/server/api"));
        assertThat(key.find()).as("the reissued manager key is shown once").isTrue();
        managerKey = key.group(1);
        count("manager key reissued and entered again");
        // some imports run into the old key first
        for (int i = 0; i < 2; i++) {
            triggerImport(i);
        }
        sleep(Duration.ofSeconds(3));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                var saved = sessions[0].postForm(
                        "/settings/mall-details/" + connection,
                        "/settings/mall-details/" + connection,
                        connectionForm());
                if (saved.statusCode() == 302) {
                    return;
                }
            } catch (RuntimeException retry) {
                // a node restarting
            }
            // the key check goes through the proxy, which may be failing on purpose
            sleep(Duration.ofSeconds(2));
        }
        throw new AssertionError("the new manager key could not be entered in the OMS");
    }

    private void count(String kind) {
        faults.merge(kind, 1, Integer::sum);
    }

    // ---- catching up and comparing

    /** Imports until two runs in a row find nothing new or changed. */
    private Duration catchUp() throws Exception {
        Instant started = Instant.now();
        Instant deadline = started.plus(Duration.ofMinutes(10));
        int quiet = 0;
        while (quiet < 2) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the OMS did not catch up within 10 minutes");
            }
            long before = lastRunId();
            triggerImport(0);
            long run = awaitRunAfter(before);
            quiet = run > 0 && runWasQuiet(run) ? quiet + 1 : 0;
        }
        return Duration.between(started, Instant.now());
    }

    private long lastRunId() throws Exception {
        try (Connection db = database.connect();
                Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("select coalesce(max(id), 0) from import_run")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long awaitRunAfter(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try (Connection db = database.connect();
                    Statement sql = db.createStatement();
                    ResultSet rs = sql.executeQuery("select id from import_run where id > " + id
                            + " and status <> 'RUNNING' order by id limit 1")) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
            Thread.sleep(1000);
        }
        return 0;
    }

    private boolean runWasQuiet(long run) throws Exception {
        try (Connection db = database.connect();
                Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery(
                        "select status, created, updated, quarantined from import_run where id = " + run)) {
            rs.next();
            return "SUCCEEDED".equals(rs.getString(1)) && rs.getInt(2) == 0 && rs.getInt(3) == 0 && rs.getInt(4) == 0;
        }
    }

    record Result(
            int shopOrders,
            int omsOrders,
            int lost,
            int duplicated,
            int stale,
            int unknown,
            int quarantinedSeen,
            int quarantinedOpen) {}

    private Result compare() throws Exception {
        Map<String, String> atShop = shopFingerprints();
        Map<String, String> inOms = new HashMap<>();
        int duplicated = 0;
        int quarantinedSeen;
        int quarantinedOpen;
        try (Connection db = database.connect();
                Statement sql = db.createStatement()) {
            try (ResultSet rs = sql.executeQuery("""
                    select o.serial_code, o.shop_updated_at, o.shop_order_status, o.shop_payment_status,
                           o.shop_shipping_status, o.total, o.buyer_address1,
                           (select string_agg(s.delivery_id || ':' || coalesce(s.address1, '') || ':'
                                              || coalesce(s.shop_tracking_number, ''), '|' order by s.delivery_id)
                              from shipment s where s.order_id = o.id) as deliveries
                    from oms_order o where o.connection_id = %d
                    """.formatted(connection))) {
                while (rs.next()) {
                    String fingerprint = fingerprint(
                            rs.getString(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getString(7),
                            rs.getString(8));
                    if (inOms.put(rs.getString(1), fingerprint) != null) {
                        duplicated++;
                    }
                }
            }
            try (ResultSet rs = sql.executeQuery("select count(*), count(*) filter (where resolved_at is null)"
                    + " from quarantined_order where connection_id = " + connection)) {
                rs.next();
                quarantinedSeen = rs.getInt(1);
                quarantinedOpen = rs.getInt(2);
            }
        }
        int lost = 0;
        int stale = 0;
        for (Map.Entry<String, String> order : atShop.entrySet()) {
            String oms = inOms.get(order.getKey());
            if (oms == null) {
                lost++;
            } else if (!oms.equals(order.getValue())) {
                stale++;
            }
        }
        int unknown = (int) inOms.keySet().stream()
                .filter(serial -> !atShop.containsKey(serial))
                .count();
        return new Result(
                atShop.size(), inOms.size(), lost, duplicated, stale, unknown, quarantinedSeen, quarantinedOpen);
    }

    /** Every order of the demo shop, read over the management API with the current key, by cursor. */
    private Map<String, String> shopFingerprints() throws Exception {
        Map<String, String> orders = new HashMap<>();
        String cursor = null;
        String authorization = "Basic "
                + Base64.getEncoder().encodeToString((shopId + ":" + managerKey).getBytes(StandardCharsets.UTF_8));
        do {
            String body = "{\"since\":\"2000-01-01T00:00:00+09:00\",\"size\":100"
                    + (cursor == null ? ",\"from\":0" : ",\"search_after\":\"" + cursor + "\"") + "}";
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(shop.baseUrl() + "/api/management/v2/orders/_retrieve/all"))
                            .header("Authorization", authorization)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode answer = json.readTree(page.body());
            for (JsonNode order : answer.get("orders")) {
                List<String> deliveries = new ArrayList<>();
                for (JsonNode d : order.get("deliveries")) {
                    JsonNode tracking = d.path("shipping").path("tracking_number");
                    deliveries.add(d.get("delivery_id").asInt() + ":"
                            + d.path("address1").asString("") + ":"
                            + (tracking.isNull() || tracking.isMissingNode() ? "" : tracking.asString()));
                }
                String serial = order.get("serial_code").asString();
                orders.put(
                        serial,
                        fingerprint(
                                serial,
                                OffsetDateTime.parse(order.get("updated_at").asString())
                                        .toInstant(),
                                order.get("order_status").asString(),
                                order.get("payment_status").asString(),
                                order.get("shipping_status").asString(),
                                order.get("amounts").get("total").asLong(),
                                order.get("buyer").get("address1").asString(),
                                String.join("|", deliveries)));
            }
            JsonNode next = answer.get("next_search_after");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return orders;
    }

    private static String fingerprint(
            String serial,
            Instant updatedAt,
            String orderStatus,
            String paymentStatus,
            String shippingStatus,
            long total,
            String address,
            String deliveries) {
        String content = String.join(
                "\u001f",
                serial,
                updatedAt.truncatedTo(ChronoUnit.MILLIS).toString(),
                orderStatus,
                paymentStatus,
                shippingStatus,
                String.valueOf(total),
                address,
                deliveries);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the table

    private void sampleTraffic() {
        for (String kind : List.of("created", "paid", "cancelled", "address", "shipped")) {
            try {
                Matcher value = METRIC.matcher(shopAdmin.get("/actuator/metrics/shop.demo.traffic?tag=kind:" + kind));
                if (value.find()) {
                    traffic.merge(kind, Double.parseDouble(value.group(1)), Double::sum);
                }
            } catch (RuntimeException notYet) {
                // no such metric before its first count
            }
        }
    }

    private void report(Instant started, Duration catchUp, Result result) throws Exception {
        Map<FaultProxy.Fault, Integer> proxyFaults = proxy.injected();
        StringBuilder table = new StringBuilder();
        table.append("| measure | count |\n|---|---|\n");
        table.append("| orders created at the shop during the run | %,d |\n"
                .formatted(traffic.getOrDefault("created", 0.0).longValue()));
        long changes = CHANGE_KINDS.stream()
                .mapToLong(k -> traffic.getOrDefault(k, 0.0).longValue())
                .sum();
        table.append("| changes made (paid / cancelled / address / shipped) | %,d (%s) |\n"
                .formatted(
                        changes,
                        String.join(
                                " / ",
                                CHANGE_KINDS.stream()
                                        .map(k -> String.valueOf(
                                                traffic.getOrDefault(k, 0.0).longValue()))
                                        .toList())));
        table.append("| orders at the shop / in the OMS at the end | %,d / %,d |\n"
                .formatted(result.shopOrders(), result.omsOrders()));
        proxyFaults.forEach((fault, count) -> table.append("| fault: %s | %d |\n".formatted(describe(fault), count)));
        faults.forEach((fault, count) -> table.append("| fault: %s | %d |\n".formatted(fault, count)));
        table.append("| OMS nodes importing on one database | 2 |\n");
        table.append("| quarantined orders (seen / still open) | %d / %d |\n"
                .formatted(result.quarantinedSeen(), result.quarantinedOpen()));
        table.append("| **lost** | **%d** |\n".formatted(result.lost()));
        table.append("| **duplicated** | **%d** |\n".formatted(result.duplicated()));
        table.append("| **stale** | **%d** |\n".formatted(result.stale()));
        table.append("| OMS orders unknown to the shop | %d |\n".formatted(result.unknown()));
        String section = """

                ## Fault soak — %s, %d minutes, %,d orders a minute

                Machine: %d cores; shop server, two OMS nodes, their shared PostgreSQL 17, the fault proxy and the harness on
                one host. Run time %s (faults every %d s), then the OMS caught up in %d s with the shop quiet.
                Command: `./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultSoakSystemTest -Dsoak.minutes=%d -Dsoak.ordersPerMinute=%d -Dsoak.faultEverySeconds=%d -Dsoak.report=docs/reliability.md`

                %s""".formatted(
                        OffsetDateTime.now().toLocalDate(),
                        MINUTES,
                        ORDERS_PER_MINUTE,
                        Runtime.getRuntime().availableProcessors(),
                        Duration.between(started, Instant.now()).minus(catchUp).truncatedTo(ChronoUnit.SECONDS),
                        FAULT_EVERY_SECONDS,
                        catchUp.toSeconds(),
                        MINUTES,
                        ORDERS_PER_MINUTE,
                        FAULT_EVERY_SECONDS,
                        table);
        System.out.println(section);
        Files.writeString(work.resolve("soak-report.md"), section);
        if (!REPORT.isBlank()) {
            Path file = Path.of(System.getProperty("juchu.workDir"))
                    .resolve("../../..")
                    .resolve(REPORT)
                    .normalize();
            if (!Files.exists(file)) {
                Files.writeString(
                        file,
                        "# Reliability\n\nThe fault soak's tables (`FaultSoakSystemTest`), newest last. What it does:"
                                + " see the class's Javadoc and docs/reliability's first section.\n");
            }
            Files.writeString(file, section, StandardOpenOption.APPEND);
        }
    }

    private static String describe(FaultProxy.Fault fault) {
        return switch (fault) {
            case SERVER_ERROR_500 -> "order API answered 500";
            case UNAVAILABLE_503 -> "order API answered 503";
            case RATE_LIMITED_429 -> "order API answered 429 with Retry-After";
            case SLOWER_THAN_TIMEOUT -> "answer slower than the client's timeout";
            case MALFORMED_ORDER -> "page with a malformed order";
            case RESET_MID_PAGE -> "connection cut mid-page";
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
