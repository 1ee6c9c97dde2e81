package jp.juchu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's import benchmark, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ImportBenchmark}
 * (with {@code -Dbenchmark.orders=N} for another size; {@code -Dbenchmark.rules=N} switches automatic processing on
 * with N enabled rules made through the rule form first, 0 for the built-in waits alone). The shop server makes N orders over the last 30
 * days; the OMS, started with {@code -Xmx512m}, imports them over HTTP through its real settings page and
 * "fetch now", then reads the same unchanged window again ("再取得"). Each run is timed twice: the import run as the
 * OMS records it (start to finish of its pages), and until all the work it triggered is done — every event
 * publication since the run started completed in the registry (customers linked, and whatever else listens to
 * imported or changed orders). The figures are appended to {@code docs/benchmarks.md}.
 */
class ImportBenchmark {

    private static final Pattern RUN = Pattern.compile(
            "data-testid=\"import-run\"\\s+data-status=\"(\\w+)\" data-duration-ms=\"(\\d*)\" data-created=\"(\\d+)\""
                    + " data-unchanged=\"(\\d+)\" data-fetched=\"(\\d+)\"");

    /** The highest OMS heap use sampled during the current run. */
    private long peakHeap;

    @Test
    void firstImportAndUnchangedSecondRun() throws Exception {
        int orders = Integer.getInteger("benchmark.orders", 100_000);
        Path work = Path.of(System.getProperty("juchu.workDir"), "import-benchmark-" + System.currentTimeMillis());
        try (AppProcess shop = AppProcess.start(
                        "shop-server",
                        Path.of(System.getProperty("juchu.shopServerJar")),
                        work.resolve("shop"),
                        // the platform's per-key rate limit (120/min) would cap any client at 200 orders/s;
                        // lifted here so the figure is the import pipeline's own
                        Map.of(
                                "shop.demo.enabled",
                                "true",
                                "shop.orders.demo-orders",
                                String.valueOf(orders),
                                "shop.api.rate-limit-per-minute",
                                "1000000"));
                HarnessDatabase database = new HarnessDatabase(work.resolve("oms-db"));
                AppProcess oms = AppProcess.start(
                        "oms",
                        Path.of(System.getProperty("juchu.omsJar")),
                        work.resolve("oms"),
                        Map.of(
                                "spring.datasource.url", database.jdbcUrl(),
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "postgres",
                                // the OMS's own request budget follows the shop's lifted limit
                                "oms.malls.budget.requests-per-minute", "1000000",
                                "oms.malls.budget.burst", "10000"))) {
            DemoShopApi demo = DemoShopApi.await(work.resolve("shop/demo-shop.properties"), orders);

            OmsSession session =
                    OmsSession.login(oms.baseUrl(), "/login", Map.of("username", "admin", "password", "juchu-admin"));
            Integer rules = Integer.getInteger("benchmark.rules");
            if (rules != null) {
                BenchmarkRules.create(session, rules);
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("shopId", demo.property("shop-id"));
            form.put("openKey", demo.property("open-key"));
            form.put("managerKey", demo.property("manager-key"));
            form.put("daysToFetch", "30");
            form.put("_autoFetch", "on");
            form.put("fetchIntervalMinutes", "60");
            form.put("managementUrl", demo.property("management-url"));
            form.put("itemUrl", demo.property("item-url"));
            HttpResponse<String> saved = session.postForm(
                    "/settings/mall-details/shopserve/new", "/settings/mall-details/shopserve/new", form);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
            Matcher link = Pattern.compile("/imports/(\\d+)").matcher(session.get("/settings/mall-details"));
            assertThat(link.find()).isTrue();
            String connection = link.group(1);

            Result first = run(session, database, connection, "/run", 1);
            Result second = run(session, database, connection, "/refetch", 2);

            assertThat(first.created()).isEqualTo(orders);
            assertThat(second.unchanged()).isEqualTo(orders);
            Copy copy = copyTheSameRows(database);
            write(orders, rules, first, second, copy);
        }
    }

    /**
     * One run: {@code millis} as the OMS records the run, {@code doneMillis} from its start until the last event
     * publication it caused was completed.
     */
    record Result(long millis, long doneMillis, long created, long unchanged, long peakHeapBytes) {
        double perSecond(long orders) {
            return orders * 1000.0 / millis;
        }

        double donePerSecond(long orders) {
            return orders * 1000.0 / doneMillis;
        }
    }

    private Result run(OmsSession session, HarnessDatabase database, String connection, String action, int expectedRuns)
            throws Exception {
        session.postForm("/imports/" + connection, "/imports/" + connection + action, Map.of());
        peakHeap = 0;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            sampleHeap(session);
            String runs = session.get("/imports/" + connection + "/runs");
            Matcher row = RUN.matcher(runs);
            int count = 0;
            Result latest = null;
            while (row.find()) {
                count++;
                if (latest == null && !row.group(2).isEmpty()) {
                    latest = new Result(
                            Long.parseLong(row.group(2)),
                            0,
                            Long.parseLong(row.group(3)),
                            Long.parseLong(row.group(4)),
                            0);
                }
                if (count == 1 && !"SUCCEEDED".equals(row.group(1))) {
                    latest = null;
                    if ("FAILED".equals(row.group(1))) {
                        throw new AssertionError("import run failed: " + runs);
                    }
                }
            }
            if (count >= expectedRuns && latest != null) {
                long done = untilDrained(session, database, Long.parseLong(connection), deadline);
                return new Result(latest.millis(), done, latest.created(), latest.unchanged(), peakHeap);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("import did not finish in time");
    }

    /**
     * Waits until every event publication since the connection's latest run started is completed, and answers the
     * time from the run's start to the last completion (or to the run's end, if it was later), on the database's
     * clock.
     */
    private long untilDrained(OmsSession session, HarnessDatabase database, long connection, Instant deadline)
            throws Exception {
        while (Instant.now().isBefore(deadline)) {
            sampleHeap(session);
            try (java.sql.Connection db = database.connect();
                    java.sql.PreparedStatement sql = db.prepareStatement("""
                            select (select count(*) from event_publication p
                                     where p.publication_date >= r.started_at and p.completion_date is null),
                                   (select count(*) from event_publication p
                                     where p.publication_date >= r.started_at and p.status = 'FAILED'),
                                   extract(epoch from greatest(r.finished_at,
                                       (select max(p.completion_date) from event_publication p
                                         where p.publication_date >= r.started_at)) - r.started_at) * 1000
                            from import_run r where r.connection_id = ? order by r.id desc limit 1
                            """)) {
                sql.setLong(1, connection);
                try (java.sql.ResultSet rs = sql.executeQuery()) {
                    rs.next();
                    if (rs.getLong(2) > 0) {
                        throw new AssertionError("event publications of the import failed; see the OMS's log");
                    }
                    if (rs.getLong(1) == 0) {
                        return Math.round(rs.getDouble(3));
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the import's event publications were not completed in time");
    }

    /** What the first import wrote, and how long PostgreSQL's own COPY takes to write the same rows. */
    record Copy(long millis, Map<String, Long> rows, long bytes) {}

    /**
     * The database's own limit for the first import's writes: the rows the import wrote (orders, shipments, items,
     * history) are read out with {@code COPY ... TO STDOUT}, then written again into empty tables of the same
     * shape (with their indexes) with {@code COPY ... FROM STDIN}; only the writing is timed.
     */
    private static Copy copyTheSameRows(HarnessDatabase database) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        long nanos = 0;
        long bytes = 0;
        try (java.sql.Connection db = database.connect()) {
            org.postgresql.copy.CopyManager copy =
                    db.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            for (String table : List.of("oms_order", "shipment", "order_item", "order_history")) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                long count = copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", out);
                try (java.sql.Statement sql = db.createStatement()) {
                    sql.execute("create table copy_" + table + " (like " + table + " including all)");
                }
                long started = System.nanoTime();
                copy.copyIn(
                        "COPY copy_" + table + " FROM STDIN (FORMAT binary)",
                        new java.io.ByteArrayInputStream(out.toByteArray()));
                nanos += System.nanoTime() - started;
                rows.put(table, count);
                bytes += out.size();
            }
        }
        return new Copy(nanos / 1_000_000, rows, bytes);
    }

    private void sampleHeap(OmsSession session) {
        Matcher value = Pattern.compile("\"value\":([0-9.E]+)")
                .matcher(session.get("/actuator/metrics/jvm.memory.used?tag=area:heap"));
        if (value.find()) {
            peakHeap = Math.max(peakHeap, (long) Double.parseDouble(value.group(1)));
        }
    }

    private static void write(int orders, Integer rules, Result first, Result second, Copy copy) throws IOException {
        String section = """

                ## Order import over HTTP (issue 4) — %s

                Automatic processing (自動処理): %s. Load average at the end: %s.
                Machine: %d cores, %d MiB max heap for the OMS (`-Xmx512m`), the shop server on its embedded PostgreSQL 17, the OMS on
                a PostgreSQL 17 the harness runs (so that it can read it for the COPY comparison), all on one host.
                The shop server's per-key rate limit is lifted for this run: at the default 120 requests/min a client
                reads at most 12,000 orders a minute, and the importer then waits out each 429 as the shop asks.
                Command: `./mvnw -B install -DskipTests && ./mvnw -B -pl system-tests verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ImportBenchmark -Dbenchmark.orders=%d%s`

                Two clocks per run: **the import run** from its start to its end as the OMS records it (pages read, checked
                and written), and **until all its work was done**: from the run's start until the last event publication
                it caused was completed in the registry (customers linked, and any other listener of imported or changed
                orders), on the database's clock.

                | run | orders | the import run | orders/s | until all its work was done | orders/s | peak OMS heap used (sampled) |
                |---|---|---|---|---|---|---|
                | first import (all new) | %d | %.1f s | %.0f | %.1f s | %.0f | %d MiB |
                | second run, same window (all unchanged) | %d | %.1f s | %.0f | %.1f s | %.0f | %d MiB |

                The second run is %.1f× faster than the first by the import run, %.1f× until all the work was done.

                **Against the database's own limit:** the rows the first import wrote (%s; %,d bytes in PostgreSQL's
                binary COPY format) written again with `COPY ... FROM STDIN` into empty tables of the same shape and
                indexes took %.1f s, so the import run over HTTP — reading the shop's pages, checking every order,
                hashing, comparing, writing with history and events — takes %.1f× the time of the bare COPY of its
                result.
                """.formatted(
                        OffsetDateTime.now().toLocalDate(),
                        rules == null
                                ? "off (a fresh OMS: orders wait in 新規受付)"
                                : rules == 0
                                        ? "on, no rules (the built-in waits only)"
                                        : "on, " + rules + " enabled rules made through the rule form",
                        loadAverage(),
                        Runtime.getRuntime().availableProcessors(),
                        512,
                        orders,
                        rules == null ? "" : " -Dbenchmark.rules=" + rules,
                        first.created(),
                        first.millis() / 1000.0,
                        first.perSecond(orders),
                        first.doneMillis() / 1000.0,
                        first.donePerSecond(orders),
                        first.peakHeapBytes() / (1024 * 1024),
                        second.unchanged(),
                        second.millis() / 1000.0,
                        second.perSecond(orders),
                        second.doneMillis() / 1000.0,
                        second.donePerSecond(orders),
                        second.peakHeapBytes() / (1024 * 1024),
                        (double) first.millis() / second.millis(),
                        (double) first.doneMillis() / second.doneMillis(),
                        copy.rows().entrySet().stream()
                                .map(e -> "%,d %s".formatted(e.getValue(), e.getKey()))
                                .collect(java.util.stream.Collectors.joining(", ")),
                        copy.bytes(),
                        copy.millis() / 1000.0,
                        (double) first.millis() / Math.max(1, copy.millis()));
        DemoShopApi.report(section);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "%.2f"
                    .formatted(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
    }
}
