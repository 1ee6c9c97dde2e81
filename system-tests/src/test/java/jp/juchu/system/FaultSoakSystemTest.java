package jp.juchu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's fault soak. The demo shop keeps placing orders and changing recent ones (paid, cancelled, address
 * corrected, shipped) while two OMS nodes on one PostgreSQL import them every few seconds through a proxy that breaks
 * the order API; between the proxy's faults the shop server is restarted, an OMS node is killed with SIGKILL in the
 * middle of an import and started again, PostgreSQL is restarted under the nodes, and the manager key is reissued at
 * the shop and entered again in the OMS. Each fault is counted only once it is seen to have happened: a proxy fault
 * when it was served, a kill when the killed node held the connection's lease with a run in progress that it never
 * finished, a reissued key when the OMS shows the key as invalid. At the end the shop is quiet, the OMS catches up,
 * and the OMS is compared order by order with the shop's API and with the shop's database; the shop's own count is
 * checked against the orders seeded plus those its traffic created, and the OMS's import history must show one
 * import per order.
 *
 * <p>Stock sync is on (issue 15): both demo shops sell (each new order takes its units from the shop's stock, as a
 * storefront sale does), both are linked to the OMS (the second shop through the same proxy), their items mapped to
 * one SKU each with the stock shared, the sync confirmed. At the end, with everything imported, allocated and pushed,
 * every listing's quantity at each shop must equal what the formula gives from the OMS's free stock (drift 0), each
 * SKU's allocated total must equal what the orders' lines hold (no unit allocated twice), and the ledger check must
 * find no difference; the second shop's orders are compared with the OMS like the first's.
 *
 * <p>Short by default (part of {@code ./mvnw verify}); the long run:
 * {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultSoakSystemTest -Dsoak.minutes=22 -Dsoak.ordersPerMinute=2500 -Dsoak.faultEverySeconds=20 -Dsoak.report=docs/reliability.md}
 */
class FaultSoakSystemTest {

    private static final int MINUTES = Integer.getInteger("soak.minutes", 2);
    private static final int ORDERS_PER_MINUTE = Integer.getInteger("soak.ordersPerMinute", 300);
    private static final int FAULT_EVERY_SECONDS = Integer.getInteger("soak.faultEverySeconds", 8);
    private static final String REPORT = System.getProperty("soak.report", "");
    /** Each demo shop's orders before the traffic starts ({@code shop.orders.demo-orders}). */
    private static final int SEEDED_ORDERS = 300;
    /** The demo's second shop, selling the same goods. */
    private static final String SHOP_B = "sptest18pk";
    /** Units of each SKU the OMS starts with: plenty for the storm, within what a shop's stock can hold. */
    private static final int STOCK_PER_SKU = 200_000;
    /**
     * How long a fault may take to show before the soak gives up on it. After a kill, db-scheduler holds the killed
     * node's execution until its heartbeats are missed (4 × 10 s), so imports, and with them a reissued key's
     * refusal, can wait a minute or more on a busy machine.
     */
    private static final Duration FAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final String MASTER_KEY =
            Base64.getEncoder().encodeToString("fault-soak-master-key-32-bytes!!".getBytes(StandardCharsets.UTF_8));
    private static final Pattern MANAGER_KEY = Pattern.compile("data-testid=\"manager-key\"[^>]*>\\s*([^<\\s]+)\\s*<");
    private static final Pattern METRIC = Pattern.compile("\"value\":([0-9.E]+)");

    static final String SHOP_RESTARTED = "shop server restarted";
    static final String NODE_KILLED = "OMS node killed (SIGKILL) holding the lease, its run in progress";
    static final String DATABASE_RESTARTED = "PostgreSQL restarted";
    static final String KEY_REISSUED = "manager key reissued, reported invalid by the OMS, entered again";

    private final Map<String, Integer> faults = new LinkedHashMap<>();
    private final Map<String, Double> traffic = new LinkedHashMap<>();
    private final Map<String, Double> trafficB = new LinkedHashMap<>();
    /** The runs that were in progress on a node when it was killed. */
    private final List<Long> killedRuns = new ArrayList<>();
    /** Kills that came just after the run had ended; tried again, not counted as a fault. */
    private int killsAfterTheRun;

    private Path work;
    private HarnessDatabase database;
    private int shopDatabasePort;
    private FaultProxy proxy;
    private AppProcess shop;
    private OmsSession shopAdmin;
    private final AppProcess[] nodes = new AppProcess[2];
    private final OmsSession[] sessions = new OmsSession[2];
    private String shopId;
    private String openKey;
    private String managerKey;
    private long connection;
    private String shopIdB;
    private String openKeyB;
    private String managerKeyB;
    private long connectionB;

    @Test
    void noOrderIsLostDoubledOrStaleWhateverFails() throws Exception {
        work = Demo.work("soak");
        Instant started = Instant.now();
        String loadAtStart = ImportBenchmark.loadAverage();
        database = new HarnessDatabase(work.resolve("oms-db"));
        shopDatabasePort = freePort();
        try {
            startShop(ORDERS_PER_MINUTE);
            DemoShopApi demo = DemoShopApi.await(work.resolve("shop/demo-shop.properties"), 1);
            shopId = demo.property("shop-id");
            openKey = demo.property("open-key");
            managerKey = demo.property("manager-key");
            DemoShopApi demoB = DemoShopApi.awaitShop(work.resolve("shop/demo-shop.properties"), SHOP_B);
            shopIdB = demoB.property("shop-id");
            openKeyB = demoB.property("open-key");
            managerKeyB = demoB.property("manager-key");
            proxy = new FaultProxy(shop.baseUrl(), Duration.ofSeconds(5));
            startNode(0);
            startNode(1);
            connect();
            shareTheStock();

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
            int giveUpAt = -1;
            // every fault seen at least once, however short the run: two more rounds at most
            while (Instant.now().isBefore(deadline) || !everyFaultSeen()) {
                if (!Instant.now().isBefore(deadline)) {
                    giveUpAt = giveUpAt < 0 ? next + 2 * rotation.size() : giveUpAt;
                    if (next >= giveUpAt) {
                        throw new AssertionError(
                                "not every kind of fault could be caused and seen in two more rounds: " + faults());
                    }
                }
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

            SoakComparison comparison = new SoakComparison();
            Map<String, String> shopApi = comparison.shopApi(shop.baseUrl(), shopId, managerKey);
            Map<String, String> shopDatabase;
            try (Connection db = shopDatabase()) {
                shopDatabase = comparison.shopDatabase(db, shopId);
            }
            SoakComparison.OmsSide oms;
            SoakLag lag;
            SoakLag lagB;
            try (Connection db = database.connect()) {
                oms = comparison.oms(db, connection);
                lag = SoakLag.measure(db, connection, started);
                lagB = SoakLag.measure(db, connectionB, started);
            }
            // the second shop, compared the same way
            Map<String, String> shopApiB = comparison.shopApi(shop.baseUrl(), shopIdB, managerKeyB);
            Map<String, String> shopDatabaseB;
            try (Connection db = shopDatabase()) {
                shopDatabaseB = comparison.shopDatabase(db, shopIdB);
            }
            SoakComparison.OmsSide omsB;
            try (Connection db = database.connect()) {
                omsB = comparison.oms(db, connectionB);
            }
            SoakStock stock = SoakStock.atTheEnd(
                    database,
                    sessions[0],
                    shop.baseUrl(),
                    Map.of(connection, new String[] {shopId, managerKey}, connectionB, new String[] {
                        shopIdB, managerKeyB
                    }));
            SoakReport report = new SoakReport(
                    SEEDED_ORDERS,
                    traffic,
                    shopDatabase.size(),
                    shopApi.size(),
                    SoakComparison.compare(shopDatabase, shopApi),
                    oms,
                    SoakComparison.compare(shopApi, oms.orders()),
                    SoakComparison.compare(shopDatabase, oms.orders()),
                    faults(),
                    killsAfterTheRun);
            report.lag(lag);
            report.loadAtStart(loadAtStart);
            SoakComparison.Difference bAgainstApi = SoakComparison.compare(shopApiB, omsB.orders());
            SoakComparison.Difference bAgainstDatabase = SoakComparison.compare(shopDatabaseB, omsB.orders());
            long createdB = trafficB.getOrDefault("created", 0.0).longValue();
            report.row(
                    "second shop (" + shopIdB + "): orders seeded / created during the run / sold out (not placed)",
                    "%,d / %,d / %,d"
                            .formatted(
                                    SEEDED_ORDERS,
                                    createdB,
                                    trafficB.getOrDefault("soldout", 0.0).longValue()));
            report.row(
                    "second shop: orders in its database / over its API / in the OMS",
                    "%,d / %,d / %,d".formatted(shopDatabaseB.size(), shopApiB.size(), omsB.rows()));
            report.row(
                    "second shop: **lost / duplicated / stale** (against its API / its database)",
                    "**%d / %d / %d** / **%d / %d / %d**"
                            .formatted(
                                    bAgainstApi.lost(),
                                    omsB.serialsTwice() + omsB.importedTwice(),
                                    bAgainstApi.stale(),
                                    bAgainstDatabase.lost(),
                                    omsB.serialsTwice() + omsB.importedTwice(),
                                    bAgainstDatabase.stale()));
            report.row("second shop: lag, order placed → in the OMS: p50 / p95 / max", lagB.describe());
            report.row(
                    "first shop: orders sold out (not placed)",
                    "%,d".formatted(traffic.getOrDefault("soldout", 0.0).longValue()));
            stock.rows().forEach(report::row);
            report.write(
                    work,
                    REPORT,
                    MINUTES,
                    ORDERS_PER_MINUTE,
                    FAULT_EVERY_SECONDS,
                    Duration.between(started, Instant.now()).minus(catchUp),
                    catchUp);

            assertThat(shopDatabase.size())
                    .as("orders in the shop's database = seeded + created by its traffic")
                    .isEqualTo(SEEDED_ORDERS + report.created());
            assertThat(SoakComparison.compare(shopDatabase, shopApi).none())
                    .as("the shop's API gives every order of its database as it is there")
                    .isTrue();
            for (Map<String, String> shopSide : List.of(shopApi, shopDatabase)) {
                SoakComparison.Difference difference = SoakComparison.compare(shopSide, oms.orders());
                assertThat(difference.lost()).as("lost orders").isZero();
                assertThat(difference.stale()).as("stale orders").isZero();
                assertThat(difference.unknown())
                        .as("OMS orders the shop does not have")
                        .isZero();
            }
            assertThat(oms.serialsTwice()).as("serial codes twice in the OMS").isZero();
            assertThat(oms.importedTwice())
                    .as("orders imported more than once (by their history)")
                    .isZero();
            assertThat(oms.neverImported())
                    .as("orders with no import in their history")
                    .isZero();
            assertThat(oms.createdByRuns())
                    .as("orders the import runs counted as created = orders in the OMS")
                    .isEqualTo(oms.rows());
            assertThat(oms.rows()).isEqualTo(shopDatabase.size());
            assertThat(shopDatabaseB.size())
                    .as("orders in the second shop's database = seeded + created by its traffic")
                    .isEqualTo(SEEDED_ORDERS + createdB);
            for (SoakComparison.Difference difference : List.of(bAgainstApi, bAgainstDatabase)) {
                assertThat(difference.lost())
                        .as("lost orders of the second shop")
                        .isZero();
                assertThat(difference.stale())
                        .as("stale orders of the second shop")
                        .isZero();
                assertThat(difference.unknown())
                        .as("OMS orders the second shop does not have")
                        .isZero();
            }
            assertThat(omsB.serialsTwice() + omsB.importedTwice())
                    .as("second shop's orders twice in the OMS")
                    .isZero();
            assertThat(omsB.rows()).isEqualTo(shopDatabaseB.size());
            assertThat(stock.drifted())
                    .as("listings whose quantity at the shop is not the formula's")
                    .isEmpty();
            assertThat(stock.listings()).as("listings compared").isPositive();
            assertThat(stock.allocationMismatches())
                    .as("SKUs whose allocated total is not what the orders' lines hold")
                    .isEmpty();
            assertThat(stock.ledgerDifferences())
                    .as("SKUs the ledger check finds different")
                    .isZero();
            assertThat(runsLeftBy(killedRuns))
                    .as("each run a killed node had in progress was never finished by it, and ended as interrupted")
                    .containsOnly("FAILED");
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
        shop = Demo.shopServer(
                work.resolve("shop"),
                Map.of(
                        "shop.demo.enabled", "true",
                        "shop.orders.demo-orders", String.valueOf(SEEDED_ORDERS),
                        "shop.orders.traffic-per-minute", String.valueOf(ordersPerMinute),
                        // both demo shops sell, each order taking its units from the shop's stock
                        "shop.orders.traffic-in-every-demo-shop", "true",
                        "shop.orders.traffic-takes-stock", "true",
                        // a fixed port, so that the harness can read the shop's own database
                        "juchu.embedded-db.port", String.valueOf(shopDatabasePort),
                        // the soak's own 429s stand for the platform's limit; the OMS must not wait minutes
                        "shop.api.rate-limit-per-minute", "100000"));
        shopAdmin = OmsSession.login(
                shop.baseUrl(), "/admin/login", Map.of("shopId", "sptest18pj", "password", "demo-pass"));
    }

    private Connection shopDatabase() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + shopDatabasePort + "/postgres", "postgres", "postgres");
    }

    /**
     * Stops the shop server with its traffic counted exactly: the harness first takes a share lock on the shop's
     * order table (waiting for the transactions that write it to end), so that every order committed is counted in
     * the traffic metric when it is read and the traffic's next batch waits; that batch is rolled back when the
     * shop's database stops with the shop, which also ends the harness's session.
     */
    private void stopShop() {
        Connection frozen = null;
        try {
            frozen = shopDatabase();
            frozen.setAutoCommit(false);
            try (Statement sql = frozen.createStatement()) {
                sql.execute("set lock_timeout = '30s'");
                sql.execute("lock table shop_order in share mode");
            }
        } catch (SQLException e) {
            throw new AssertionError("could not hold the shop's orders still to count them", e);
        }
        // the last batch committed before the lock is counted right after its commit
        sleep(Duration.ofMillis(500));
        sampleTraffic();
        shop.close();
        try {
            frozen.close();
        } catch (SQLException endedWithTheShop) {
            // the shop's database stopped with the shop and ended this session
        }
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
                        // the OMS's request budget follows the shop's lifted limit (the proxy's 429s stand for it)
                        "oms.malls.budget.requests-per-minute", "100000",
                        "oms.malls.budget.burst", "1000",
                        "db-scheduler.polling-interval", "2s",
                        // a shop down for a restart pauses its pushes with backoff; capped low, so that the soak's
                        // end (everything pushed) comes soon after the shop is back
                        "oms.stocksync.backoff-max", "30s"));
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

    /**
     * The second shop linked too (through the same proxy), the demo catalogue registered as SKUs mapped in both shops
     * with {@link #STOCK_PER_SKU} units each, and the sync confirmed for both shops.
     */
    private void shareTheStock() {
        var saved = sessions[0].postForm(
                "/settings/mall-details/shopserve/new",
                "/settings/mall-details/shopserve/new",
                connectionForm(shopIdB, openKeyB, managerKeyB));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        try (Connection db = database.connect();
                PreparedStatement sql = db.prepareStatement("select id from mall_connection where shop_id = ?")) {
            sql.setString(1, shopIdB);
            try (ResultSet rs = sql.executeQuery()) {
                assertThat(rs.next()).as("the second shop is linked").isTrue();
                connectionB = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        DemoProducts.register(
                sessions[0], List.of(String.valueOf(connection), String.valueOf(connectionB)), STOCK_PER_SKU);
        for (long id : List.of(connection, connectionB)) {
            var confirmed = sessions[0].postForm("/stock-sync/" + id, "/stock-sync/" + id + "/confirm", Map.of());
            assertThat(confirmed.statusCode()).isEqualTo(302);
        }
    }

    private Map<String, String> connectionForm() {
        return connectionForm(shopId, openKey, managerKey);
    }

    private Map<String, String> connectionForm(String shopId, String openKey, String managerKey) {
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

    /** Presses "今すぐ取得" on a node; db-scheduler runs the import on whichever node picks it first. */
    private void triggerImport(int i) {
        triggerImport(i, connection);
        triggerImport(i, connectionB);
    }

    private void triggerImport(int i, long connectionId) {
        try {
            sessions[i].postForm("/imports/" + connectionId, "/imports/" + connectionId + "/run", Map.of());
        } catch (RuntimeException nodeBusyOrDown) {
            // a node being restarted; the other one or the next trigger imports
        }
    }

    // ---- the faults

    /** Counted by the proxy when it serves the fault, not when it is asked to. */
    private void proxyFault(FaultProxy.Fault fault, int times) {
        proxy.inject(fault, times);
        triggerImport(0);
    }

    private void restartShop() {
        stopShop();
        startShop(ORDERS_PER_MINUTE);
        proxy.retarget(shop.baseUrl());
        count(SHOP_RESTARTED);
    }

    /**
     * Waits until a node holds the connection's lease with a run in progress, kills that node, and counts the kill
     * once the run is seen unfinished after it (a run that ended just before the kill does not count; the soak tries
     * again).
     */
    private void killNodeMidImport() {
        Instant deadline = Instant.now().plus(FAULT_TIMEOUT);
        try (Connection db = database.connect()) {
            while (Instant.now().isBefore(deadline)) {
                long before = lastRunId(db);
                triggerImport(ThreadLocalRandom.current().nextInt(2));
                Instant watch = Instant.now().plusSeconds(10);
                while (Instant.now().isBefore(watch)) {
                    long[] running = runInProgress(db, before);
                    int node = running == null ? -1 : nodeWithPid(running[0]);
                    if (node >= 0) {
                        nodes[node].kill();
                        boolean unfinished = runsLeftBy(List.of(running[1])).equals(List.of("RUNNING"));
                        startNode(node);
                        if (unfinished) {
                            killedRuns.add(running[1]);
                            count(NODE_KILLED);
                            return;
                        }
                        killsAfterTheRun++;
                        break;
                    }
                    Thread.sleep(50);
                }
            }
        } catch (SQLException e) {
            // PostgreSQL is restarted only between faults
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no node was seen holding the lease with a run in progress within " + FAULT_TIMEOUT);
    }

    /** The pid of the node holding the connection's lease and the id of its run in progress, or null. */
    private long[] runInProgress(Connection db, long afterRun) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement("""
                select s.leased_by, r.id from import_state s
                join import_run r on r.connection_id = s.connection_id
                where s.connection_id = ? and s.lease_until > now() and r.status = 'RUNNING' and r.id > ?
                order by r.id desc limit 1
                """)) {
            sql.setLong(1, connection);
            sql.setLong(2, afterRun);
            try (ResultSet rs = sql.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                // a node names itself pid@host/…
                String pid = rs.getString(1).substring(0, rs.getString(1).indexOf('@'));
                return new long[] {Long.parseLong(pid), rs.getLong(2)};
            }
        }
    }

    private int nodeWithPid(long pid) {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i].pid() == pid) {
                return i;
            }
        }
        return -1;
    }

    private List<String> runsLeftBy(List<Long> runs) {
        try (Connection db = database.connect();
                PreparedStatement sql =
                        db.prepareStatement("select status from import_run where id = any(?) order by id")) {
            Array ids = db.createArrayOf("bigint", runs.toArray());
            sql.setArray(1, ids);
            List<String> statuses = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
            }
            return statuses;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void restartDatabase() {
        database.restart();
        count(DATABASE_RESTARTED);
    }

    /**
     * The merchant reissues the manager key at the shop; imports run into the old key until the OMS shows it as
     * invalid (the red banner on its home page), and then the new key is entered on the OMS's settings page.
     */
    private void reissueManagerKey() {
        shopAdmin.postForm(
                "/admin/server/api/reissue?kind=MANAGER", "/admin/server/api/reissue", Map.of("kind", "MANAGER"));
        Matcher key = MANAGER_KEY.matcher(shopAdmin.get("/admin/server/api"));
        assertThat(key.find()).as("the reissued manager key is shown once").isTrue();
        managerKey = key.group(1);
        Instant deadline = Instant.now().plus(FAULT_TIMEOUT);
        while (!keyShownInvalid()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the OMS did not report the reissued key as invalid within " + FAULT_TIMEOUT);
            }
            triggerImport(ThreadLocalRandom.current().nextInt(2));
            sleep(Duration.ofSeconds(2));
        }
        deadline = Instant.now().plus(FAULT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                var saved = sessions[0].postForm(
                        "/settings/mall-details/" + connection,
                        "/settings/mall-details/" + connection,
                        connectionForm());
                if (saved.statusCode() == 302) {
                    count(KEY_REISSUED);
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

    private boolean keyShownInvalid() {
        for (OmsSession session : sessions) {
            try {
                return session.get("/").contains("data-testid=\"key-invalid-banner\"");
            } catch (RuntimeException nodeDown) {
                // ask the other node
            }
        }
        return false;
    }

    private void count(String kind) {
        faults.merge(kind, 1, Integer::sum);
        System.out.println(Instant.now() + " fault seen: " + kind);
    }

    /** Every fault the soak caused and saw, the proxy's and the harness's, with how often. */
    private Map<String, Integer> faults() {
        Map<String, Integer> all = new LinkedHashMap<>();
        proxy.injected().forEach((fault, count) -> all.put(SoakReport.describe(fault), count));
        for (String kind : List.of(SHOP_RESTARTED, NODE_KILLED, DATABASE_RESTARTED, KEY_REISSUED)) {
            all.put(kind, faults.getOrDefault(kind, 0));
        }
        return all;
    }

    private boolean everyFaultSeen() {
        return faults().values().stream().allMatch(count -> count > 0);
    }

    // ---- catching up

    /** Imports each shop until two runs in a row find nothing new or changed. */
    private Duration catchUp() throws Exception {
        Instant started = Instant.now();
        catchUp(connection, started);
        catchUp(connectionB, started);
        return Duration.between(started, Instant.now());
    }

    private void catchUp(long connectionId, Instant started) throws Exception {
        Instant deadline = started.plus(Duration.ofMinutes(10));
        int quiet = 0;
        while (quiet < 2) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the OMS did not catch up within 10 minutes");
            }
            long before;
            try (Connection db = database.connect()) {
                before = lastRunId(db, connectionId);
            }
            triggerImport(0, connectionId);
            long run = awaitRunAfter(before, connectionId);
            quiet = run > 0 && runWasQuiet(run) ? quiet + 1 : 0;
        }
    }

    private static long lastRunId(Connection db, long connectionId) throws SQLException {
        try (Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery(
                        "select coalesce(max(id), 0) from import_run where connection_id = " + connectionId)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long lastRunId(Connection db) throws SQLException {
        try (Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("select coalesce(max(id), 0) from import_run")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long awaitRunAfter(long id, long connectionId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try (Connection db = database.connect();
                    Statement sql = db.createStatement();
                    ResultSet rs =
                            sql.executeQuery("select id from import_run where id > " + id + " and connection_id = "
                                    + connectionId + " and status <> 'RUNNING' order by id limit 1")) {
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

    /** The shop's traffic counts, summed over its restarts (the metric starts at 0 in each process). */
    private void sampleTraffic() {
        for (String kind : List.of("created", "paid", "cancelled", "address", "shipped", "soldout")) {
            for (Map.Entry<String, Map<String, Double>> shopTraffic :
                    Map.of("sptest18pj", traffic, SHOP_B, trafficB).entrySet()) {
                try {
                    Matcher value = METRIC.matcher(shopAdmin.get("/actuator/metrics/shop.demo.traffic?tag=kind:" + kind
                            + "&tag=shop:" + shopTraffic.getKey()));
                    if (value.find()) {
                        shopTraffic.getValue().merge(kind, Double.parseDouble(value.group(1)), Double::sum);
                    }
                } catch (RuntimeException notYet) {
                    // no such metric before its first count
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
