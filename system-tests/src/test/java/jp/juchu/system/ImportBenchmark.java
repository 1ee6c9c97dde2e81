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
 * The import benchmark of issues 4, 15 and 20, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ImportBenchmark -Dfailsafe.failIfNoSpecifiedTests=false}
 * (with {@code -Dbenchmark.orders=N} for another size, {@code -Dbenchmark.stockPerSku=N} for the stock, {@code
 * -Dbenchmark.rules=N} for N further enabled rules made through the rule form first, {@code
 * -Dbenchmark.autoProcessing=false} for 自動処理 off, {@code -Dbenchmark.exampleRules=false} for the demo's example
 * rules disabled — with neither further rules, 自動処理 on and only its built-in waits routing). The shop
 * server makes N orders over the last 30 days; the OMS, started with {@code -Xmx512m}, the demo's automatic rules on,
 * the shop's catalogue registered as SKUs with stock and mapped through listings ({@link DemoProducts}, allocation on
 * import), imports them over HTTP through its real settings page and "fetch now", then reads the same unchanged
 * window again ("再取得"). Each run is timed twice: the import run as the OMS records it (start to finish of its
 * pages), and until all the work it triggered is done — every event publication since the run started completed in
 * the registry (customers linked, allocation, the rules and what their moves trigger, sales facts, and whatever else
 * listens). What allocation made of the orders is counted. The figures are appended to {@code docs/benchmarks.md}.
 */
class ImportBenchmark {

    /** The highest OMS heap use sampled during the current run. */
    private long peakHeap;

    @Test
    void firstImportAndUnchangedSecondRun() throws Exception {
        int orders = Integer.getInteger("benchmark.orders", 100_000);
        String loadAtStart = loadAverage();
        Path work = Demo.work("import-benchmark");
        try (AppProcess shop = Demo.shopServer(
                        work.resolve("shop"),
                        // the platform's per-key rate limit (120/min) would cap any client at 200 orders/s;
                        // lifted here so the figure is the import pipeline's own
                        Map.of(
                                "shop.demo.enabled",
                                "true",
                                "shop.orders.demo-orders",
                                String.valueOf(orders),
                                "shop.api.rate-limit-per-minute",
                                "1000000",
                                // one shop: the second demo shop's orders would only lengthen the generation
                                "shop.demo.second-shop-id",
                                ""));
                HarnessDatabase database = new HarnessDatabase(work.resolve("oms-db"));
                AppProcess oms = Demo.oms(
                        work.resolve("oms"),
                        Map.of(
                                "spring.datasource.url", database.jdbcUrl(),
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "postgres",
                                // the OMS's own request budget follows the shop's lifted limit
                                "oms.malls.budget.requests-per-minute", "1000000",
                                "oms.malls.budget.burst", "10000",
                                // the demo's automatic rules on (every new order routed), without the demo's
                                // own shops: this OMS links the benchmark's shop through its settings page
                                "oms.demo.enabled", "true",
                                // -Dbenchmark.exampleRules=false: the demo's example rules stay disabled
                                "oms.demo.rules", String.valueOf(exampleRules()),
                                "oms.demo.handoff-file",
                                        work.resolve("no-demo-shops.properties").toString()))) {
            DemoShopApi demo = DemoShopApi.await(work.resolve("shop/demo-shop.properties"), orders);
            // A shop in service has had autovacuum's pass over the orders it holds. This one generated them at its
            // start, and that pass came round in the middle of the first import (1.4-1.8 CPU s of the shop's
            // PostgreSQL, competing with the import for the cores): it is done now, before anything is measured.
            Postmaster.under(work.resolve("shop"))
                    .orElseThrow(() -> new AssertionError("no postmaster.pid of the shop server's PostgreSQL"))
                    .vacuum();

            OmsSession session =
                    OmsSession.login(oms.baseUrl(), "/login", Map.of("username", "admin", "password", "juchu-admin"));
            Integer rules = Integer.getInteger("benchmark.rules");
            if (rules != null) {
                BenchmarkRules.create(session, rules);
            } else if (!exampleRules()) {
                // without rules: 自動処理 on, only its built-in waits route the new orders
                BenchmarkRules.switchOn(session);
            }
            // -Dbenchmark.autoProcessing=false: the baseline without rules (自動処理 off, new orders wait in 新規受付)
            if (!autoProcessing()) {
                BenchmarkRules.switchOff(session);
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
            // allocation on import (the default timing), every item of the shop mapped to a SKU with stock
            int stockPerSku = Integer.getInteger("benchmark.stockPerSku", 20_000);
            List<String> skus = DemoProducts.register(session, connection, stockPerSku);

            MachineSpeed speedBefore = MachineSpeed.measure(database);
            resetStatements(database);
            WalActivity walBefore = WalActivity.read(database);
            ProcessCpu cpu = new ProcessCpu()
                    .jvm("OMS JVM", oms.pid())
                    .server("OMS PostgreSQL", work.resolve("oms-db"))
                    .jvm("the shop server's JVM", shop.pid())
                    .server("its PostgreSQL", work.resolve("shop"))
                    .jvm("this harness", ProcessHandle.current().pid());
            ProcessCpu.Reading cpuBefore = cpu.read();
            long firstFrom = System.currentTimeMillis();
            Result first = run(session, database, connection, "/run", 1);
            ProcessCpu.Reading cpuUsed = cpu.read().since(cpuBefore);
            // the window on the wall clock, to line up with a CPU sampler run beside the harness
            System.out.printf("first import window: %d..%d (epoch ms)%n", firstFrom, System.currentTimeMillis());
            WalActivity wal = WalActivity.read(database).since(walBefore);
            writeStatements(database, orders, work.resolve("pg_stat_statements.txt"));
            Result second = run(session, database, connection, "/refetch", 2);

            assertThat(first.created()).isEqualTo(orders);
            assertThat(second.unchanged()).isEqualTo(orders);
            Allocated allocated = allocated(database);
            assertThat(allocated.pending())
                    .as("orders still waiting to be allocated at all")
                    .isZero();
            Copy copy = copyTheSameRows(database);
            MachineSpeed speedAfter = MachineSpeed.measure(database);
            write(
                    orders,
                    rules,
                    first,
                    second,
                    copy,
                    allocated,
                    skus.size(),
                    stockPerSku,
                    loadAtStart,
                    speedBefore,
                    speedAfter,
                    wal,
                    cpuUsed);
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

    /**
     * Starts a run through the imports page and waits for it, reading the run's record from the OMS's database once a
     * second (rather than rendering the runs page, so that the harness takes as little of the machine as it can).
     */
    private Result run(OmsSession session, HarnessDatabase database, String connection, String action, int expectedRuns)
            throws Exception {
        session.postForm("/imports/" + connection, "/imports/" + connection + action, Map.of());
        peakHeap = 0;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        int polls = 0;
        while (Instant.now().isBefore(deadline)) {
            if (polls++ % 2 == 0) {
                sampleHeap(session);
            }
            try (java.sql.Connection db = database.connect();
                    java.sql.PreparedStatement sql = db.prepareStatement("""
                            select count(*) over (), status,
                                   round(extract(epoch from finished_at - started_at) * 1000), created, unchanged
                            from import_run where connection_id = ? order by id desc limit 1
                            """)) {
                sql.setLong(1, Long.parseLong(connection));
                try (java.sql.ResultSet rs = sql.executeQuery()) {
                    if (rs.next() && rs.getLong(1) >= 1) {
                        String status = rs.getString(2);
                        if ("FAILED".equals(status)) {
                            throw new AssertionError("import run failed; see the OMS's log");
                        }
                        if ("SUCCEEDED".equals(status) && runs(db, connection) >= expectedRuns) {
                            Result latest = new Result(rs.getLong(3), 0, rs.getLong(4), rs.getLong(5), 0);
                            long done = untilDrained(session, database, Long.parseLong(connection), deadline);
                            return new Result(latest.millis(), done, latest.created(), latest.unchanged(), peakHeap);
                        }
                    }
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("import did not finish in time");
    }

    private static long runs(java.sql.Connection db, String connection) throws java.sql.SQLException {
        try (java.sql.PreparedStatement sql =
                db.prepareStatement("select count(*) from import_run where connection_id = ?")) {
            sql.setLong(1, Long.parseLong(connection));
            try (java.sql.ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
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
            Thread.sleep(500);
        }
        throw new AssertionError("the import's event publications were not completed in time");
    }

    /** With {@code -Djuchu.pgStatements=true}: forgets the statements counted so far (the setup's). */
    private static void resetStatements(HarnessDatabase database) throws Exception {
        if (!Boolean.getBoolean("juchu.pgStatements")) {
            return;
        }
        try (java.sql.Connection db = database.connect();
                java.sql.Statement sql = db.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
            sql.execute("select pg_stat_statements_reset()");
        }
    }

    /** {@code -Dbenchmark.exampleRules=false}: the demo's example rules disabled (only the benchmark's own, if any). */
    private static boolean exampleRules() {
        return !"false".equals(System.getProperty("benchmark.exampleRules"));
    }

    /** {@code -Dbenchmark.autoProcessing=false}: 自動処理 off, no rule and no built-in wait runs. */
    private static boolean autoProcessing() {
        return !"false".equals(System.getProperty("benchmark.autoProcessing"));
    }

    /**
     * With {@code -Djuchu.pgStatements=true}: the statements the first import and its work ran, most called first,
     * with calls per order, rows and buffers, top level or run by a trigger, written to {@code file}; the total of the
     * top-level ones printed.
     */
    private static void writeStatements(HarnessDatabase database, int orders, Path file) throws Exception {
        if (!Boolean.getBoolean("juchu.pgStatements")) {
            return;
        }
        StringBuilder out = new StringBuilder();
        long total = 0;
        try (java.sql.Connection db = database.connect();
                java.sql.Statement sql = db.createStatement();
                java.sql.ResultSet rs = sql.executeQuery("""
                        select calls, round(total_exec_time) ms, rows, shared_blks_hit + shared_blks_read,
                               toplevel, left(regexp_replace(query, '\\s+', ' ', 'g'), 300)
                        from pg_stat_statements order by calls desc
                        """)) {
            while (rs.next()) {
                if (rs.getBoolean(5)) {
                    total += rs.getLong(1); // the statements the apps sent (not those their triggers ran)
                }
                // buffers (hit or read) measure the work a statement did whatever the machine's load; a trigger's
                // statements (not top level) count inside the statement that fired them too
                out.append(String.format(
                        "%10d %8.3f/order %8d ms %10d rows %11d buffers %-6s %s%n",
                        rs.getLong(1),
                        rs.getLong(1) / (double) orders,
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getBoolean(5) ? "top" : "nested",
                        rs.getString(6)));
            }
        }
        String head = String.format("statements: %d, %.2f per order%n", total, total / (double) orders);
        java.nio.file.Files.writeString(file, head + out);
        System.out.print(head);
    }

    /**
     * What allocation made of the imported orders: allocated in full, waiting for stock (引当待ち, short), not yet
     * looked at (must be none once the work is done), none (cancelled or shipped at the shop), and the orders by
     * workflow status after the rules.
     */
    record Allocated(long allocated, long shortOfStock, long pending, long none, Map<String, Long> byStatus) {}

    private static Allocated allocated(HarnessDatabase database) throws Exception {
        try (java.sql.Connection db = database.connect();
                java.sql.Statement sql = db.createStatement()) {
            long allocated;
            long shortOfStock;
            long pending;
            long none;
            try (java.sql.ResultSet rs = sql.executeQuery("""
                    select count(*) filter (where a.state = 'ALLOCATED'), count(*) filter (where a.state = 'SHORT'),
                           count(*) filter (where a.state = 'PENDING'), count(*) filter (where a.order_id is null)
                    from oms_order o left join order_allocation a on a.order_id = o.id
                    """)) {
                rs.next();
                allocated = rs.getLong(1);
                shortOfStock = rs.getLong(2);
                pending = rs.getLong(3);
                none = rs.getLong(4);
            }
            Map<String, Long> byStatus = new java.util.TreeMap<>();
            try (java.sql.ResultSet rs =
                    sql.executeQuery("select workflow_status, count(*) from oms_order group by workflow_status")) {
                while (rs.next()) {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new Allocated(allocated, shortOfStock, pending, none, byStatus);
        }
    }

    /**
     * What the first import wrote, and how long PostgreSQL's own COPY takes to write the same rows: the median of its
     * rounds (each round's time in milliseconds), rows, bytes.
     */
    record Copy(long millis, List<Long> rounds, Map<String, Long> rows, long bytes) {}

    /** Rounds of the COPY comparison: one alone swung by a third from run to run on this machine. */
    private static final int COPY_ROUNDS = 3;

    /**
     * The rows the first import wrote, copied out in PostgreSQL's binary format and copied in again, in
     * {@value #COPY_ROUNDS} rounds, each into new empty tables of the same shape, indexes and storage parameters (dropped
     * after it).
     */
    private static Copy copyTheSameRows(HarnessDatabase database) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, byte[]> data = new LinkedHashMap<>();
        List<Long> rounds = new java.util.ArrayList<>();
        try (java.sql.Connection db = database.connect()) {
            org.postgresql.copy.CopyManager copy =
                    db.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            for (String table : List.of("oms_order", "order_keyword", "shipment", "order_item", "order_history")) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                rows.put(table, copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", out));
                data.put(table, out.toByteArray());
            }
            for (int round = 0; round < COPY_ROUNDS; round++) {
                long nanos = 0;
                for (Map.Entry<String, byte[]> table : data.entrySet()) {
                    try (java.sql.Statement sql = db.createStatement()) {
                        sql.execute(
                                "create table copy_" + table.getKey() + " (like " + table.getKey() + " including all)");
                        // LIKE leaves the table's storage parameters behind (oms_order's toast_tuple_target)
                        try (java.sql.ResultSet options = sql.executeQuery("select array_to_string(reloptions, ', ')"
                                + " from pg_class where oid = '" + table.getKey() + "'::regclass")) {
                            options.next();
                            if (options.getString(1) != null) {
                                sql.execute(
                                        "alter table copy_" + table.getKey() + " set (" + options.getString(1) + ")");
                            }
                        }
                    }
                    long started = System.nanoTime();
                    copy.copyIn(
                            "COPY copy_" + table.getKey() + " FROM STDIN (FORMAT binary)",
                            new java.io.ByteArrayInputStream(table.getValue()));
                    nanos += System.nanoTime() - started;
                }
                rounds.add(nanos / 1_000_000);
                try (java.sql.Statement sql = db.createStatement()) {
                    for (String table : data.keySet()) {
                        sql.execute("drop table copy_" + table);
                    }
                }
            }
        }
        long median = rounds.stream().sorted().toList().get(COPY_ROUNDS / 2);
        long bytes = data.values().stream().mapToLong(b -> b.length).sum();
        return new Copy(median, List.copyOf(rounds), rows, bytes);
    }

    private void sampleHeap(OmsSession session) {
        Matcher value = Pattern.compile("\"value\":([0-9.E]+)")
                .matcher(session.get("/actuator/metrics/jvm.memory.used?tag=area:heap"));
        if (value.find()) {
            peakHeap = Math.max(peakHeap, (long) Double.parseDouble(value.group(1)));
        }
    }

    private static void write(
            int orders,
            Integer rules,
            Result first,
            Result second,
            Copy copy,
            Allocated allocated,
            int skus,
            int stockPerSku,
            String loadAtStart,
            MachineSpeed speedBefore,
            MachineSpeed speedAfter,
            WalActivity wal,
            ProcessCpu.Reading cpu)
            throws IOException {
        String section = """

                ## Order import over HTTP (issues 4, 15, 20) — %s

                Machine: %d cores, load average %s at the start and %s at the end (`/proc/loadavg`, 1 / 5 / 15 minutes);
                both apps with the options of `jvm.options` (%s) and 512 MiB max heap (`-Xmx512m`), the shop server on its embedded PostgreSQL 17
                (vacuumed and analysed once it has generated its orders, as autovacuum would have in service), the OMS on
                a PostgreSQL 17 the harness runs (so that it can read it for the COPY comparison), sized as the embedded ones
                (%s), all on one host.
                The machine's speed (`MachineSpeed`, one core's fixed work, the fastest of three tries): %s before the
                first import, %s after the COPY comparison.
                The shop server's per-key rate limit and the OMS's request budget are lifted for this run (at the default
                120 requests/min a client reads at most 12,000 orders a minute). Everything an import triggers is on: the
                demo's automatic rules (every new order routed: 保留 / 確認待ち / 入金待ち / 出荷待ち)%s, allocation on import
                (%d SKUs, the shop's whole catalogue mapped through listings, %,d units of each on hand), the stock-sync
                outbox marked by every change of free stock, customers linked, sales facts, the tabs' tally.
                Command: `./mvnw -B -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ImportBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dbenchmark.orders=%d%s`

                Two clocks per run: **the import run** from its start to its end as the OMS records it (pages read, checked
                and written), and **until all its work was done**: from the run's start until the last event publication
                it caused was completed in the registry (customers linked, allocation, the rules and what their moves
                trigger, sales facts, and any other listener), on the database's clock.

                | run | orders | the import run | orders/s | until all its work was done | orders/s | peak OMS heap used (sampled) |
                |---|---|---|---|---|---|---|
                | first import (all new) | %d | %.1f s | %.0f | %.1f s | %.0f | %d MiB |
                | second run, same window (all unchanged) | %d | %.1f s | %.0f | %.1f s | %.0f | %d MiB |

                | after the first import's work | orders |
                |---|---|
                | allocated in full | %,d |
                | waiting for stock (引当待ち / short) | %,d |
                | not looked at by allocation yet | %,d |
                | nothing to allocate (cancelled or shipped at the shop) | %,d |
                | by status | %s |

                CPU seconds (user + system, from `/proc`) during the first import, from its start until the harness saw
                all its work done: %s.

                What the OMS's PostgreSQL wrote besides the tables during the first import, until all its work was done
                (`pg_stat_wal`, `pg_stat_checkpointer`, `pg_stat_io`): %s.%s

                **Against the database's own limit:** the rows the first import wrote (%s; %,d bytes in PostgreSQL's
                binary COPY format) written again with `COPY ... FROM STDIN` into empty tables of the same shape,
                indexes and storage parameters took %.1f s (the median of %d rounds: %s). The import run takes %.1f× that time; until all its work
                was done, %.1f×.
                """.formatted(
                        OffsetDateTime.now().toLocalDate(),
                        Runtime.getRuntime().availableProcessors(),
                        loadAtStart,
                        loadAverage(),
                        AppProcess.jvmOptions(),
                        new java.util.TreeMap<>(jp.juchu.support.db.EmbeddedPostgresServer.SIZES)
                                .entrySet().stream()
                                        .map(e -> "`" + e.getKey() + "` " + e.getValue())
                                        .collect(java.util.stream.Collectors.joining(", ")),
                        speedBefore,
                        speedAfter,
                        (!autoProcessing()
                                        ? " switched off for this run (自動処理 off: no rule runs, new orders wait in 新規受付)"
                                        : rules == null
                                                ? ""
                                                : " and " + rules + " further enabled rules made through the rule form")
                                + (exampleRules()
                                        ? ""
                                        : " (the demo's example rules disabled: -Dbenchmark.exampleRules=false)"),
                        skus,
                        stockPerSku,
                        orders,
                        (rules == null ? "" : " -Dbenchmark.rules=" + rules)
                                + (autoProcessing() ? "" : " -Dbenchmark.autoProcessing=false")
                                + (exampleRules() ? "" : " -Dbenchmark.exampleRules=false"),
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
                        allocated.allocated(),
                        allocated.shortOfStock(),
                        allocated.pending(),
                        allocated.none(),
                        allocated.byStatus().entrySet().stream()
                                .map(e -> "%s %,d".formatted(e.getKey(), e.getValue()))
                                .collect(java.util.stream.Collectors.joining(", ")),
                        cpu,
                        wal,
                        HarnessDatabase.extraSettings().isEmpty()
                                ? ""
                                : " Server settings given for this run: `" + HarnessDatabase.extraSettings() + "`.",
                        copy.rows().entrySet().stream()
                                .map(e -> "%,d %s".formatted(e.getValue(), e.getKey()))
                                .collect(java.util.stream.Collectors.joining(", ")),
                        copy.bytes(),
                        copy.millis() / 1000.0,
                        copy.rounds().size(),
                        copy.rounds().stream()
                                .map(ms -> "%.1f s".formatted(ms / 1000.0))
                                .collect(java.util.stream.Collectors.joining(", ")),
                        (double) first.millis() / Math.max(1, copy.millis()),
                        (double) first.doneMillis() / Math.max(1, copy.millis()));
        DemoShopApi.report(section);
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} gives them. */
    static String loadAverage() {
        try {
            String[] parts =
                    java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
