package jp.juchu.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The fault soak's table: what the shop did, the faults seen, and both comparisons. Every total in the text is
 * summed from the rows of the same table.
 */
final class SoakReport {

    private static final List<String> CHANGE_KINDS = List.of("paid", "cancelled", "address", "shipped");

    private final int seeded;
    private final Map<String, Double> traffic;
    private final int shopDatabaseOrders;
    private final int shopApiOrders;
    private final SoakComparison.Difference apiAgainstDatabase;
    private final SoakComparison.OmsSide oms;
    private final SoakComparison.Difference omsAgainstApi;
    private final SoakComparison.Difference omsAgainstDatabase;
    private final Map<String, Integer> faults;
    private final int killsAfterTheRun;
    private SoakLag lag;
    private String loadAtStart = "unknown";
    private final List<String[]> rows = new java.util.ArrayList<>();

    SoakReport(
            int seeded,
            Map<String, Double> traffic,
            int shopDatabaseOrders,
            int shopApiOrders,
            SoakComparison.Difference apiAgainstDatabase,
            SoakComparison.OmsSide oms,
            SoakComparison.Difference omsAgainstApi,
            SoakComparison.Difference omsAgainstDatabase,
            Map<String, Integer> faults,
            int killsAfterTheRun) {
        this.seeded = seeded;
        this.traffic = traffic;
        this.shopDatabaseOrders = shopDatabaseOrders;
        this.shopApiOrders = shopApiOrders;
        this.apiAgainstDatabase = apiAgainstDatabase;
        this.oms = oms;
        this.omsAgainstApi = omsAgainstApi;
        this.omsAgainstDatabase = omsAgainstDatabase;
        this.faults = faults;
        this.killsAfterTheRun = killsAfterTheRun;
    }

    long created() {
        return traffic("created");
    }

    private long traffic(String kind) {
        return traffic.getOrDefault(kind, 0.0).longValue();
    }

    /** How far the OMS ran behind the shop (issue 20: p95 within 60 s in the storm). */
    void lag(SoakLag lag) {
        this.lag = lag;
    }

    /** The load average when the soak started. */
    void loadAtStart(String loadAverage) {
        this.loadAtStart = loadAverage;
    }

    /** A further row of the table (the second shop, the stock), after the lag. */
    void row(String measure, String value) {
        rows.add(new String[] {measure, value});
    }

    int faultTotal() {
        return faults.values().stream().mapToInt(Integer::intValue).sum();
    }

    String table() {
        StringBuilder table = new StringBuilder("| measure | count |\n|---|---|\n");
        row(table, "orders in the demo shop before the run (seeded)", "%,d".formatted(seeded));
        row(table, "orders created at the shop during the run", "%,d".formatted(created()));
        long changes = CHANGE_KINDS.stream().mapToLong(this::traffic).sum();
        row(
                table,
                "changes made (paid / cancelled / address / shipped)",
                "%,d (%s)"
                        .formatted(
                                changes,
                                String.join(
                                        " / ",
                                        CHANGE_KINDS.stream()
                                                .map(k -> "%,d".formatted(traffic(k)))
                                                .toList())));
        row(
                table,
                "orders at the shop at the end: in its database / over its API",
                "%,d / %,d".formatted(shopDatabaseOrders, shopApiOrders));
        row(
                table,
                "shop API against the shop's database: missing / different / extra",
                "%d / %d / %d"
                        .formatted(
                                apiAgainstDatabase.lost(), apiAgainstDatabase.stale(), apiAgainstDatabase.unknown()));
        row(table, "orders in the OMS at the end", "%,d".formatted(oms.rows()));
        faults.forEach((fault, count) -> row(table, "fault: " + fault, String.valueOf(count)));
        row(table, "faults in all", "**%d**".formatted(faultTotal()));
        row(
                table,
                "OMS node killed just after its run had ended (not counted above; tried again)",
                String.valueOf(killsAfterTheRun));
        row(table, "OMS nodes importing on one database", "2");
        row(
                table,
                "quarantined orders (seen / still open)",
                "%d / %d".formatted(oms.quarantinedSeen(), oms.quarantinedOpen()));
        row(table, "orders created, as the import runs counted them", "%,d".formatted(oms.createdByRuns()));
        row(
                table,
                "orders imported more than once / never, by their history",
                "%d / %d".formatted(oms.importedTwice(), oms.neverImported()));
        row(
                table,
                "**lost** (against the shop's API / its database)",
                "**%d / %d**".formatted(omsAgainstApi.lost(), omsAgainstDatabase.lost()));
        row(
                table,
                "**duplicated** (serial code twice / imported twice)",
                "**%d / %d**".formatted(oms.serialsTwice(), oms.importedTwice()));
        row(
                table,
                "**stale** (against the shop's API / its database)",
                "**%d / %d**".formatted(omsAgainstApi.stale(), omsAgainstDatabase.stale()));
        row(
                table,
                "OMS orders unknown to the shop (API / database)",
                "%d / %d".formatted(omsAgainstApi.unknown(), omsAgainstDatabase.unknown()));
        if (lag != null) {
            row(table, "lag, order placed at the shop → in the OMS: p50 / p95 / max", lag.describe());
        }
        rows.forEach(r -> row(table, r[0], r[1]));
        return table.toString();
    }

    private static void row(StringBuilder table, String measure, String value) {
        table.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    /** Prints the section, keeps it beside the run's data, and appends it to {@code report} when one is named. */
    void write(
            Path work,
            String report,
            int minutes,
            int ordersPerMinute,
            int faultEverySeconds,
            Duration runTime,
            Duration catchUp)
            throws IOException {
        long kinds = faults.values().stream().filter(count -> count > 0).count();
        String section = """

                ## Fault soak — %s, %d minutes, %,d orders a minute

                Machine: %d cores, load average %s at the start and %s at the end (`/proc/loadavg`, 1 / 5 / 15 minutes); shop server, two OMS
                nodes, their shared PostgreSQL 17, the fault proxy and the harness on one host. Run time %s from the harness's start (the apps' starts included; faults every %d s), then the OMS
                caught up in %d s with the shop quiet.
                Command: `./mvnw -B -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultSoakSystemTest -Dfailsafe.failIfNoSpecifiedTests=false -Dsoak.minutes=%d -Dsoak.ordersPerMinute=%d -Dsoak.faultEverySeconds=%d -Dsoak.report=docs/reliability.md`

                %s
                %,d faults of %d kinds, each counted once it was seen; the shop's database holds %,d orders (%,d seeded +
                %,d created), the OMS %,d.
                """.formatted(
                        OffsetDateTime.now().toLocalDate(),
                        minutes,
                        ordersPerMinute,
                        Runtime.getRuntime().availableProcessors(),
                        loadAtStart,
                        ImportBenchmark.loadAverage(),
                        runTime.truncatedTo(ChronoUnit.SECONDS),
                        faultEverySeconds,
                        catchUp.toSeconds(),
                        minutes,
                        ordersPerMinute,
                        faultEverySeconds,
                        table(),
                        faultTotal(),
                        kinds,
                        shopDatabaseOrders,
                        seeded,
                        created(),
                        oms.rows());
        System.out.println(section);
        Files.writeString(work.resolve("soak-report.md"), section);
        if (!report.isBlank()) {
            Path file = Path.of(System.getProperty("juchu.workDir"))
                    .resolve("../../..")
                    .resolve(report)
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

    static String describe(FaultProxy.Fault fault) {
        return switch (fault) {
            case SERVER_ERROR_500 -> "order API answered 500";
            case UNAVAILABLE_503 -> "order API answered 503";
            case RATE_LIMITED_429 -> "order API answered 429 with Retry-After";
            case SLOWER_THAN_TIMEOUT -> "answer slower than the client's timeout";
            case MALFORMED_ORDER -> "page with a malformed order";
            case RESET_MID_PAGE -> "connection cut mid-page";
        };
    }
}
