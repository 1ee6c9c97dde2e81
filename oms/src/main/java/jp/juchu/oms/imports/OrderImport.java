package jp.juchu.oms.imports;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.juchu.oms.malls.KeyRejected;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.malls.MallConnector;
import jp.juchu.oms.malls.MallConnectors;
import jp.juchu.oms.malls.OrderBlocks;
import jp.juchu.oms.malls.OrderPage;
import jp.juchu.oms.malls.OrderQuery;
import jp.juchu.oms.malls.RateLimited;
import jp.juchu.oms.malls.ShopApiException;
import jp.juchu.oms.malls.ShopUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import run of a connection (受注取込). It reads the orders placed or changed at the shop since the
 * last watermark (minus an overlap), page by page; each page is committed with the run's progress
 * ({@link ImportedPages}), and the watermark moves only when every page is in. A run that fails leaves the
 * watermark where it was, so the next run reads the same window again — harmless, since an unchanged order
 * changes nothing. Only one run per connection at a time, on any node.
 */
@Service
public class OrderImport {

    private static final Logger log = LoggerFactory.getLogger(OrderImport.class);
    static final String KEY_INVALID_MESSAGE = "マネジャー認証キーが無効です。再発行されていませんか？ 新しいキーを設定してください。";

    private final MallConnections connections;
    private final MallConnectors connectors;
    private final ImportRecords records;
    private final ImportSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ImportedPages importedPages;
    private final PageRetries retries;
    /** Reads a run's pages ahead while the ones before them are written. */
    private final ExecutorService fetcher = daemons("order-import-fetch");
    /** Writes a run's batches, a few at once. */
    private final ExecutorService writers = daemons("order-import-write");
    /** This node's name on the leases it takes; unique even for two application contexts in one JVM. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + java.util.UUID.randomUUID().toString().substring(0, 8);

    OrderImport(
            MallConnections connections,
            MallConnectors connectors,
            ImportRecords records,
            ImportSettings settings,
            TransactionTemplate transactions,
            Clock clock,
            ImportedPages importedPages) {
        this.connections = connections;
        this.connectors = connectors;
        this.records = records;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.importedPages = importedPages;
        this.retries = new PageRetries(settings);
    }

    /** What a call to {@link #run} did. */
    public enum Outcome {
        SUCCEEDED,
        FAILED,
        KEY_INVALID,
        ALREADY_RUNNING
    }

    /**
     * Runs one import of the connection now, through its mall's connector, unless a run of it is going on
     * somewhere already.
     *
     * @throws IllegalArgumentException when there is no such connection, or it is an own channel (no connector)
     */
    public Outcome run(long connectionId, ImportTrigger trigger) {
        MallConnection connection = connections
                .find(connectionId)
                .orElseThrow(() -> new IllegalArgumentException("no connection " + connectionId));
        MallConnector connector = connectors.required(connection);
        if (!records.acquireLease(connectionId, node, settings.lease())) {
            return Outcome.ALREADY_RUNNING;
        }
        try {
            records.closeAbandonedRuns(connectionId);
            return runHoldingLease(connection, connector, trigger);
        } finally {
            records.releaseLease(connectionId, node);
        }
    }

    private Outcome runHoldingLease(MallConnection connection, MallConnector connector, ImportTrigger trigger) {
        long connectionId = connection.id();
        Shop shop = new Shop(connection, connector);
        Window reading = window(connection);
        OffsetDateTime since = reading.since();
        long runId = records.startRun(connectionId, trigger, since);
        try {
            OffsetDateTime nextWatermark = null;
            // a first run finds every order new, so it reads whole orders at once; later runs list the
            // window first and read in full only the pages with something new or changed
            OrderBlocks first = records.watermark(connectionId).isEmpty() ? OrderBlocks.ALL : OrderBlocks.BASIC;
            // pages are read ahead while the ones before them are written, a few pages to a transaction (the
            // work each transaction triggers — customers, rules, allocation, sales facts — is then done for
            // hundreds of orders at a time), and two transactions write at once; a cursor, where the shop offers
            // one, keeps deep pages as cheap as the first
            try (PagesAhead pages = new PagesAhead(
                            fetcher,
                            settings.pagesAhead(),
                            settings.pageSize(),
                            first,
                            (from, cursor, blocks) -> fetch(shop, since, from, cursor, blocks),
                            page -> importedPages.anyChanged(connectionId, page),
                            importedPages::prepare);
                    ConcurrentWrites writes = new ConcurrentWrites(
                            writers,
                            settings.concurrentWrites(),
                            () -> records.renewLease(connectionId, node, settings.lease()))) {
                List<PagesAhead.Fetched> batch = new ArrayList<>();
                int buffered = 0;
                while (true) {
                    PagesAhead.Fetched page = pages.next();
                    if (nextWatermark == null) {
                        nextWatermark = page.searchedAt();
                    }
                    batch.add(page);
                    buffered += page.size();
                    if (buffered >= settings.ordersPerCommit() || page.last()) {
                        List<PagesAhead.Fetched> written = List.copyOf(batch);
                        writes.submit(
                                serialCodes(written), () -> importedPages.write(connectionId, runId, since, written));
                        batch.clear();
                        buffered = 0;
                    }
                    if (page.last()) {
                        break;
                    }
                }
                writes.awaitAll();
            }
            OffsetDateTime watermark = nextWatermark;
            transactions.executeWithoutResult(status -> {
                records.moveWatermark(connectionId, watermark, reading.sweep());
                records.finishRun(runId, "SUCCEEDED", null);
            });
            if (connection.status() != jp.juchu.oms.malls.ConnectionStatus.OK) {
                connections.markHealthy(connectionId);
            }
            return Outcome.SUCCEEDED;
        } catch (KeyRejected e) {
            records.finishRun(runId, "FAILED", KEY_INVALID_MESSAGE);
            records.suspend(connectionId, true);
            connections.markKeyInvalid(connectionId, KEY_INVALID_MESSAGE);
            log.warn("Import of connection {} refused: the shop rejected the manager key", connectionId);
            return Outcome.KEY_INVALID;
        } catch (ShopApiException e) {
            String message = failureMessage(e);
            records.finishRun(runId, "FAILED", message);
            connections.markError(connectionId, message);
            log.warn("Import of connection {} failed: {}", connectionId, message);
            return Outcome.FAILED;
        } catch (RuntimeException e) {
            records.finishRun(runId, "FAILED", "取込中にエラーが発生しました: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /** Where a run starts reading, and whether it is a sweep (it moves the sweep's watermark when it succeeds). */
    record Window(OffsetDateTime since, boolean sweep) {}

    /**
     * First run: the connection's days to fetch. Later: the watermark minus the short overlap; but when the last
     * sweep is {@code overlap} or more behind the watermark, a sweep from the last sweep's watermark minus the long
     * overlap — so an order committed at the shop up to {@code overlap} after its {@code updated_at} is still read,
     * by the next sweep at the latest, while a poll every minute lists only its last minutes. Either reaches back to
     * the window of an order still in quarantine so that it is read again.
     */
    Window window(MallConnection connection) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<OffsetDateTime> watermark = records.watermark(connection.id());
        if (watermark.isEmpty()) {
            return new Window(now.minusDays(connection.daysToFetch()), true);
        }
        Optional<OffsetDateTime> sweptTo = records.sweptTo(connection.id());
        boolean sweep =
                sweptTo.isEmpty() || !sweptTo.get().isAfter(watermark.get().minus(settings.overlap()));
        OffsetDateTime since = sweep
                ? sweptTo.orElse(watermark.get()).minus(settings.overlap())
                : watermark.get().minus(settings.recentOverlap());
        Optional<OffsetDateTime> quarantined =
                records.oldestQuarantinedWindow(connection.id(), now.minus(settings.quarantineRetryWindow()));
        return new Window(quarantined.filter(q -> q.isBefore(since)).orElse(since), sweep);
    }

    private static java.util.Set<String> serialCodes(List<PagesAhead.Fetched> pages) {
        java.util.Set<String> serialCodes = new java.util.HashSet<>();
        pages.forEach(p -> p.serialCodes().forEach(serialCodes::add));
        return serialCodes;
    }

    private static ExecutorService daemons(String name) {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The connection a run reads and its mall's connector. */
    private record Shop(MallConnection connection, MallConnector connector) {}

    /** One page, retried as {@link PageRetries} says. */
    private OrderPage fetch(Shop shop, OffsetDateTime since, int from, String cursor, OrderBlocks blocks) {
        OrderQuery query = new OrderQuery(since, from, settings.pageSize(), cursor, blocks);
        return retries.read(() -> shop.connector().readOrders(shop.connection(), query));
    }

    private static String failureMessage(ShopApiException e) {
        if (e instanceof RateLimited) {
            return "ショップのAPI利用制限 (429) が続いたため取込を中断しました。次回の取込で再開します。";
        }
        if (e instanceof ShopUnavailable) {
            return "ショップのAPIに接続できないため取込を中断しました (" + e.getMessage() + ")。次回の取込で再開します。";
        }
        return "ショップのAPIの応答を読めないため取込を中断しました (" + e.getMessage() + ")。";
    }

    /** Interrupted while waiting to retry: the run ends like any failed run. */
    static final class ShopUnavailableInterrupted extends RuntimeException {
        ShopUnavailableInterrupted() {
            super("interrupted while waiting to retry");
        }
    }

    List<ImportRun> history(long connectionId) {
        return records.runs(connectionId, 50);
    }
}
