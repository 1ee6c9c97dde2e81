package jp.juchu.oms.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.malls.OrderPage;
import jp.juchu.oms.malls.RawOrder;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopChange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The pages an import run has read, written to the OMS: a batch of pages in one transaction with the run's progress,
 * each order compared by its content hash first, an unreadable one quarantined (and released once it is read), and
 * whether a listed page holds anything new or changed that it must be read in full.
 */
@Component
class ImportedPages {

    private final Orders orders;
    private final ImportRecords records;
    private final TransactionTemplate transactions;
    private final ShopOrderReader reader = new ShopOrderReader();

    ImportedPages(Orders orders, ImportRecords records, TransactionTemplate transactions) {
        this.orders = orders;
        this.records = records;
        this.transactions = transactions;
    }

    /**
     * An order of a page read in full, read as far as it can be without the database (on the thread that reads the
     * pages ahead): its key, its content hash and the order, or why it cannot be read. The JSON tree it was read from is
     * not kept: a page's trees die young instead of being copied by every collection while the page waits to be
     * written. Only an unreadable order keeps its text, for the quarantine.
     *
     * @param serialCode the serial code the shop gave it, if any
     * @param key the serial code when it can be a key, else null
     * @param canonical the order's canonical JSON, whose content hash is computed only when there is a stored one to
     *     compare it with; null when the order is not JSON at all
     * @param order the order, null when it cannot be read
     * @param unreadable why not, when it cannot be read
     * @param raw the order as sent, kept only when it cannot be read
     */
    record Prepared(
            String serialCode,
            String key,
            ShopOrderReader.Canonical canonical,
            IncomingOrder order,
            String unreadable,
            RawOrder raw) {}

    /** A page's orders as {@link Prepared}, in the page's order. */
    List<Prepared> prepare(OrderPage page) {
        List<Prepared> prepared = new ArrayList<>(page.orders().size());
        // one buffer for the page's canonical texts: each order allocates only its own text
        ByteArrayOutputStream scratch = new ByteArrayOutputStream(8192);
        for (RawOrder raw : page.orders()) {
            String key = key(raw);
            JsonNode tree;
            try {
                tree = raw.parsed() != null && raw.parsed().isObject() ? raw.parsed() : reader.tree(raw.json());
            } catch (ShopOrderReader.Unreadable e) {
                prepared.add(new Prepared(raw.serialCode(), key, null, null, e.getMessage(), raw));
                continue;
            }
            ShopOrderReader.Canonical canonical = reader.canonical(tree, scratch);
            try {
                prepared.add(new Prepared(
                        raw.serialCode(), key, canonical, reader.read(tree, canonical.text()), null, null));
            } catch (ShopOrderReader.Unreadable e) {
                prepared.add(new Prepared(raw.serialCode(), key, canonical, null, e.getMessage(), raw));
            }
        }
        return prepared;
    }

    /**
     * Pages in one transaction with the run's progress: the orders of the pages read in full are applied together,
     * those only listed are counted unchanged.
     */
    void write(long connectionId, long runId, OffsetDateTime since, List<PagesAhead.Fetched> pages) {
        List<Prepared> inFull = new ArrayList<>();
        List<RawOrder> listed = new ArrayList<>();
        Long total = null;
        for (PagesAhead.Fetched fetched : pages) {
            if (fetched.readInFull()) {
                inFull.addAll(fetched.inFull());
            } else {
                listed.addAll(fetched.listed());
            }
            if (fetched.totalCount() != null) {
                total = fetched.totalCount();
            }
        }
        Long totalCount = total;
        transactions.executeWithoutResult(status -> {
            if (!inFull.isEmpty() || listed.isEmpty()) {
                apply(connectionId, runId, since, totalCount, inFull);
            }
            if (!listed.isEmpty()) {
                countUnchanged(connectionId, runId, new OrderPage(totalCount, null, listed, null));
            }
        });
    }

    /**
     * The orders of one or more pages, in the caller's transaction. Hashes come first: an order whose content hash is
     * the stored one is counted unchanged whatever else, which makes re-reading a window cheap.
     */
    private void apply(long connectionId, long runId, OffsetDateTime since, Long totalCount, List<Prepared> page) {
        int quarantined = 0;
        List<Prepared> readable = new ArrayList<>();
        for (Prepared p : page) {
            if (p.canonical() == null) {
                quarantined++;
                records.quarantine(connectionId, orderKey(p.raw()), p.raw().json(), p.unreadable(), since);
            } else {
                readable.add(p);
            }
        }
        Map<String, String> stored = orders.contentHashes(
                connectionId,
                readable.stream()
                        .map(Prepared::key)
                        .filter(java.util.Objects::nonNull)
                        .toList());
        Map<String, IncomingOrder> toApply = new LinkedHashMap<>();
        List<String> unchanged = new ArrayList<>();
        for (Prepared p : readable) {
            String storedHash = p.key() == null ? null : stored.get(p.key());
            String hash = storedHash == null ? null : p.canonical().hash();
            if (storedHash != null && hash.equals(storedHash)) {
                unchanged.add(p.key());
            } else if (p.order() != null) {
                // an order changed at the shop while a run pages by offset can come twice: the newer copy is applied
                IncomingOrder order = hash == null
                        ? p.order()
                        : new IncomingOrder(p.order().order(), p.order().payloadJson(), hash);
                toApply.merge(order.order().serialCode(), order, ImportedPages::newer);
            } else {
                quarantined++;
                records.quarantine(connectionId, orderKey(p.raw()), p.raw().json(), p.unreadable(), since);
            }
        }
        Map<String, ShopChange> results = orders.applyFromShop(connectionId, new ArrayList<>(toApply.values()));
        List<String> imported = new ArrayList<>(results.keySet());
        imported.addAll(unchanged);
        records.resolveQuarantined(connectionId, imported);
        int created = count(results, ShopChange.CREATED);
        int updated = count(results, ShopChange.UPDATED);
        int same = unchanged.size() + count(results, ShopChange.UNCHANGED);
        records.progress(runId, totalCount, page.size(), created, updated, same, quarantined);
    }

    /**
     * Whether any order of the page is new to the OMS or was changed at the shop since it was imported,
     * judged by the shop's {@code updated_at}; an order whose serial code or date cannot be read counts as
     * changed, so that it is read in full (and quarantined there if it really is unreadable).
     */
    boolean anyChanged(long connectionId, OrderPage page) {
        Map<String, Instant> listed = new LinkedHashMap<>();
        for (RawOrder raw : page.orders()) {
            if (key(raw) == null || raw.updatedAt() == null) {
                return true;
            }
            listed.put(key(raw), raw.updatedAt());
        }
        Map<String, Instant> stored = orders.shopUpdatedAt(connectionId, listed.keySet());
        return listed.entrySet().stream().anyMatch(e -> !e.getValue().equals(stored.get(e.getKey())));
    }

    /** A listed page whose orders the OMS has, each as the shop last changed it. */
    private void countUnchanged(long connectionId, long runId, OrderPage page) {
        List<String> serials = page.orders().stream().map(RawOrder::serialCode).toList();
        records.resolveQuarantined(connectionId, serials);
        records.progress(runId, page.totalCount(), serials.size(), 0, 0, serials.size(), 0);
    }

    /**
     * The order's serial code when it can be a key (not blank, as long as the orders' column at most, no NUL, which
     * PostgreSQL cannot take even as a parameter); null otherwise, and the order is read in full and quarantined.
     */
    private static String key(RawOrder raw) {
        String serial = raw.serialCode();
        return serial != null
                        && !serial.isBlank()
                        && serial.codePointCount(0, serial.length()) <= ShopOrderReader.SERIAL_CODE_LENGTH
                        && serial.indexOf('\0') < 0
                ? serial
                : null;
    }

    /**
     * The order's key (its serial code) when it has one; otherwise a hash of its payload, so it is quarantined once —
     * and its quarantine never fails the page it came in.
     */
    private String orderKey(RawOrder raw) {
        if (key(raw) != null) {
            return key(raw);
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(raw.json().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IncomingOrder newer(IncomingOrder one, IncomingOrder other) {
        return other.order().shopUpdatedAt().isBefore(one.order().shopUpdatedAt()) ? one : other;
    }

    private static int count(Map<String, ShopChange> results, ShopChange change) {
        return (int) results.values().stream().filter(change::equals).count();
    }
}
