package jp.juchu.oms.stocksync;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import jp.juchu.oms.malls.KeyRejected;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.malls.MallConnector;
import jp.juchu.oms.malls.MallConnectors;
import jp.juchu.oms.malls.RateLimited;
import jp.juchu.oms.malls.ShopApiException;
import jp.juchu.oms.malls.ShopStock;
import jp.juchu.oms.malls.ShopUnavailable;
import jp.juchu.oms.malls.StockPush;
import jp.juchu.oms.products.Listings;
import jp.juchu.oms.products.Products;
import jp.juchu.oms.stock.FreeStock;
import jp.juchu.oms.stocksync.internal.SyncRecords;
import jp.juchu.oms.stocksync.internal.SyncRecords.Waiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Pushes the listings' quantities to the shops. Every path — a change of free stock (the outbox), 今すぐ送信, a
 * changed rule, a difference the comparison found — goes through {@link #drain}: read the shop's quantity, write the
 * new one only if the shop still holds it (409: read again and retry), so that a sale at the shop is never
 * overwritten. 401 stops the shop's sync with the key banner; 429 and 5xx pause the shop with backoff.
 */
@Service
public class StockSync {

    private static final Logger log = LoggerFactory.getLogger(StockSync.class);
    static final String KEY_INVALID_MESSAGE = "マネジャー認証キーが無効です。再発行されていませんか？ 新しいキーを設定してください。";

    private final SyncRecords records;
    private final Listings listings;
    private final FreeStock free;
    private final Products products;
    private final MallConnections connections;
    private final MallConnectors connectors;
    private final StockSyncSettings settings;

    StockSync(
            SyncRecords records,
            Listings listings,
            FreeStock free,
            Products products,
            MallConnections connections,
            MallConnectors connectors,
            StockSyncSettings settings) {
        this.records = records;
        this.listings = listings;
        this.free = free;
        this.products = products;
        this.connections = connections;
        this.connectors = connectors;
        this.settings = settings;
    }

    /** The quantity the OMS shows at the shop for this listing now. */
    public int quantity(Listings.Entry listing) {
        return records.rule(listing.id(), listing.multiplier()).quantity(free.forSale(listing.productId()));
    }

    /** Drains every shop with listings waiting, each within its allowance per drain. */
    public void drainAll() {
        for (long connectionId : records.connectionsWaiting()) {
            try {
                drain(connectionId);
            } catch (RuntimeException e) {
                log.warn("Stock sync of connection {} failed: {}", connectionId, e.toString());
            }
        }
    }

    /**
     * Pushes up to the allowance of one drain of the shop's waiting listings.
     *
     * @return how many were pushed or found equal
     */
    public int drain(long connectionId) {
        Optional<MallConnection> connection = connections.find(connectionId);
        Optional<MallConnector> connector = connection.flatMap(connectors::of);
        if (connector.isEmpty()) {
            return 0;
        }
        if (!records.shop(connectionId).active(OffsetDateTime.now())) {
            return 0;
        }
        int done = 0;
        for (Waiting waiting : records.waiting(connectionId, settings.perDrain())) {
            try {
                if (push(connection.get(), connector.get(), waiting)) {
                    done++;
                }
            } catch (KeyRejected e) {
                records.stop(connectionId, KEY_INVALID_MESSAGE);
                connections.markKeyInvalid(connectionId, KEY_INVALID_MESSAGE);
                log.warn("Stock sync of connection {} stopped: the shop rejected the manager key", connectionId);
                return done;
            } catch (RateLimited e) {
                Duration wait = e.retryAfter() != null ? e.retryAfter() : backoff(records.shop(connectionId));
                wait = wait.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : wait;
                records.backOff(connectionId, wait, "ショップのAPI利用制限 (429) のため在庫送信を待機しています。");
                return done;
            } catch (ShopUnavailable e) {
                records.backOff(
                        connectionId,
                        backoff(records.shop(connectionId)),
                        "ショップのAPIに接続できないため在庫送信を待機しています (" + e.getMessage() + ")。");
                return done;
            } catch (ShopApiException e) {
                // this listing only: an item missing at the shop, an answer that cannot be read
                records.listingFailed(waiting.listingId(), "在庫を送信できません: " + e.getMessage());
                records.done(waiting);
            }
        }
        records.healthy(connectionId);
        return done;
    }

    /** One listing: true when the shop holds the OMS's quantity afterwards. */
    private boolean push(MallConnection connection, MallConnector connector, Waiting waiting) {
        Listings.Entry listing = listings.find(waiting.listingId()).orElse(null);
        if (listing == null || !records.enabled(listing.id())) {
            records.done(waiting);
            return false;
        }
        int target = quantity(listing);
        for (int attempt = 0; attempt <= settings.conflictRetries(); attempt++) {
            Optional<Integer> current = shopQuantity(connector.readStock(connection, listing.itemCode()), listing);
            if (current.isEmpty()) {
                records.listingFailed(listing.id(), missingMessage(listing));
                records.done(waiting);
                return false;
            }
            if (current.get() == target) {
                records.pushed(listing.id(), target);
                records.done(waiting);
                return true;
            }
            StockPush result =
                    connector.pushStock(connection, listing.itemCode(), listing.variation(), current.get(), target);
            if (result.applied()) {
                records.pushed(listing.id(), target);
                records.done(waiting);
                return true;
            }
            // a sale at the shop came between the read and the write: read again
        }
        records.listingFailed(listing.id(), "ショップ側の在庫が変わり続けたため次回に再送します。");
        return false;
    }

    /** The listing's quantity at the shop; empty when the item is unlimited there or has no such variation. */
    static Optional<Integer> shopQuantity(ShopStock stock, Listings.Entry listing) {
        if (stock.unlimited()) {
            return Optional.empty();
        }
        return Optional.ofNullable(stock.quantities().get(listing.variation()));
    }

    private static String missingMessage(Listings.Entry listing) {
        return "ショップの商品 " + listing.itemCode()
                + (listing.variation().isEmpty() ? "" : " (" + listing.variation() + ")")
                + " は在庫数無制限か、そのバリエーションがありません。";
    }

    /** Exponential backoff with equal jitter from the shop's failures in a row. */
    Duration backoff(ShopSync shop) {
        long base = settings.backoffBase().toMillis() << Math.min(shop.failures(), 20);
        long capped = Math.min(base, settings.backoffMax().toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** 今すぐ送信: every listing of the shop with sync on is marked, and the worker pushes them. */
    public int markAll(long connectionId) {
        List<Listings.Entry> all = enabledListings(connectionId);
        records.mark(all);
        return all.size();
    }

    /** What the first push of a shop would change: each listing's quantity at the shop and the OMS's. */
    public record PreviewLine(Listings.Entry listing, Integer shopQuantity, int omsQuantity) {
        public boolean changes() {
            return shopQuantity == null || shopQuantity != omsQuantity;
        }
    }

    /** Reads the shop's stock of (at most {@code limit}) listings with sync on, to show before the first push. */
    public List<PreviewLine> preview(long connectionId, int limit) {
        MallConnection connection = connections.find(connectionId).orElseThrow();
        MallConnector connector = connectors.required(connection);
        List<PreviewLine> lines = new ArrayList<>();
        for (Listings.Entry l : enabledListings(connectionId)) {
            if (lines.size() >= limit) {
                break;
            }
            Integer shop = shopQuantity(connector.readStock(connection, l.itemCode()), l)
                    .orElse(null);
            lines.add(new PreviewLine(l, shop, quantity(l)));
        }
        return lines;
    }

    /** The merchant confirmed the preview: the shop's sync starts with every listing marked. */
    public void confirm(long connectionId, String by) {
        records.confirm(connectionId, by);
        records.resume(connectionId);
        markAll(connectionId);
    }

    public ShopSync shop(long connectionId) {
        return records.shop(connectionId);
    }

    /**
     * The full comparison (照合): reads every listing's stock at the shop, records the differences from the OMS's
     * quantity, and marks those listings for pushing, so the correction goes through the same push as every change.
     * Paced within the shop's allowance.
     */
    public SyncComparison compare(long connectionId, String trigger) {
        long id = records.startComparison(connectionId, trigger);
        int checked = 0;
        int differing = 0;
        int corrected = 0;
        int failed = 0;
        String message = null;
        MallConnection connection = connections.find(connectionId).orElseThrow();
        MallConnector connector = connectors.required(connection);
        long pause = Math.max(0, 60_000L / Math.max(1, settings.pushesPerMinute() * 2));
        try {
            for (Listings.Entry l : enabledListings(connectionId)) {
                if (checked > 0) {
                    Thread.sleep(pause);
                }
                checked++;
                int oms = quantity(l);
                Optional<Integer> shop = shopQuantity(connector.readStock(connection, l.itemCode()), l);
                if (shop.isEmpty()) {
                    failed++;
                    differing++;
                    records.difference(id, l.id(), null, oms, false);
                    records.listingFailed(l.id(), missingMessage(l));
                } else if (shop.get() != oms) {
                    differing++;
                    corrected++;
                    records.difference(id, l.id(), shop.get(), oms, true);
                    records.mark(List.of(l));
                }
            }
        } catch (KeyRejected e) {
            message = KEY_INVALID_MESSAGE;
            records.stop(connectionId, KEY_INVALID_MESSAGE);
            connections.markKeyInvalid(connectionId, KEY_INVALID_MESSAGE);
        } catch (ShopApiException e) {
            message = "照合を中断しました: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message = "照合を中断しました (停止)";
        } finally {
            records.finishComparison(id, checked, differing, corrected, failed, message);
        }
        return records.comparisons(connectionId, 1).get(0);
    }

    /** A shop's listings with sync on, by item code and variation. */
    private List<Listings.Entry> enabledListings(long connectionId) {
        Set<Long> off = records.disabled(connectionId);
        return listings.ofConnection(connectionId).stream()
                .filter(l -> !off.contains(l.id()))
                .toList();
    }

    /**
     * Every listing of a shop with its free stock, quantity, rule and last push, for the sync page: a handful of
     * queries whatever the number of listings.
     */
    public List<ListingSync> listings(long connectionId) {
        Map<Long, ListingSync.Row> rows = records.rows(connectionId);
        Set<Long> waiting = new HashSet<>(records.waitingListings(connectionId));
        List<Listings.Entry> all = listings.ofConnection(connectionId);
        Set<Long> productIds = all.stream().map(Listings.Entry::productId).collect(Collectors.toSet());
        Map<Long, Integer> freeStock = free.forSale(productIds);
        Map<Long, String> codes = products.codes(productIds);
        List<ListingSync> result = new ArrayList<>();
        for (Listings.Entry l : all) {
            ListingSync.Row row = rows.get(l.id());
            SyncRule rule = row == null
                    ? SyncRule.defaults(l.multiplier())
                    : new SyncRule(
                            row.sharePercent(), l.multiplier(), row.reserve(), row.upperLimit(), row.floorQuantity());
            if (row == null) {
                row = new ListingSync.Row(
                        l.id(),
                        true,
                        rule.sharePercent(),
                        rule.reserve(),
                        rule.upperLimit(),
                        rule.floor(),
                        null,
                        null,
                        null,
                        null,
                        waiting.contains(l.id()));
            }
            long f = freeStock.getOrDefault(l.productId(), 0);
            result.add(new ListingSync(
                    l.id(),
                    l.itemCode(),
                    l.variation(),
                    codes.getOrDefault(l.productId(), "?"),
                    l.multiplier(),
                    f,
                    rule.quantity(f),
                    row.enabled(),
                    rule,
                    row));
        }
        return result;
    }

    /** The multiplier of one listing of the shop; empty when the shop has no such listing. */
    public Optional<Integer> multiplier(long connectionId, long listingId) {
        return listings.find(listingId)
                .filter(l -> l.connectionId() == connectionId)
                .map(Listings.Entry::multiplier);
    }

    /** A listing's rule from the settings form; saving marks it for pushing. */
    public void saveRule(long connectionId, long listingId, boolean enabled, SyncRule rule) {
        Listings.Entry listing = listings.find(listingId)
                .filter(l -> l.connectionId() == connectionId)
                .orElseThrow(() -> new IllegalArgumentException("no listing " + listingId));
        records.saveRule(listingId, enabled, rule);
        if (enabled) {
            records.mark(List.of(listing));
        }
    }

    public int waitingCount(long connectionId) {
        return records.waitingCount(connectionId);
    }

    public List<SyncComparison> comparisons(long connectionId) {
        return records.comparisons(connectionId, 10);
    }

    public List<SyncComparison.Difference> latestDifferences(long connectionId) {
        return records.latestComparison(connectionId).map(records::differences).orElse(List.of());
    }

    /**
     * Switches the shop's stock sync on or off (オプション設定 › 在庫連携). Off, nothing is pushed to the shop and what
     * waits stays in the outbox until it is on again; the daily comparison leaves it out.
     */
    public void enable(long connectionId, boolean enabled) {
        records.enable(connectionId, enabled);
    }

    /** Shops whose sync the merchant confirmed and has on: the daily comparison covers them. */
    public List<Long> confirmedConnections() {
        return records.confirmedConnections();
    }

    /** New keys were saved: a stopped sync resumes. */
    public void resume(long connectionId) {
        records.resume(connectionId);
    }
}
