package jp.juchu.oms.stocksync.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.juchu.oms.products.Listings;
import jp.juchu.oms.stocksync.ListingSync;
import jp.juchu.oms.stocksync.ShopSync;
import jp.juchu.oms.stocksync.SyncComparison;
import jp.juchu.oms.stocksync.SyncRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stock sync's tables: the outbox, each listing's rule and last push, each shop's state, the comparisons. */
@Repository
public class SyncRecords {

    private final JdbcClient jdbc;

    SyncRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the listings for pushing, in one statement and in listing order (so that two transactions marking the same
     * listings never deadlock); a listing already waiting gets a new generation, so a push under way is redone.
     */
    public void mark(List<Listings.Entry> listings) {
        if (listings.isEmpty()) {
            return;
        }
        Long[] ids = listings.stream().map(Listings.Entry::id).toArray(Long[]::new);
        Long[] connections = listings.stream().map(Listings.Entry::connectionId).toArray(Long[]::new);
        jdbc.sql("""
                        insert into stock_sync_outbox (listing_id, connection_id)
                        select distinct on (listing_id) listing_id, connection_id
                        from unnest(?::bigint[], ?::bigint[]) as t (listing_id, connection_id) order by listing_id
                        on conflict (listing_id) do update set generation = stock_sync_outbox.generation + 1
                        """).params(ids, connections).update();
    }

    /** A waiting listing and the generation it was read at. */
    public record Waiting(long listingId, long generation) {}

    public List<Waiting> waiting(long connectionId, int limit) {
        return jdbc.sql("select listing_id, generation from stock_sync_outbox where connection_id = ?"
                        + " order by marked_at, listing_id limit ?")
                .params(connectionId, limit)
                .query(Waiting.class)
                .list();
    }

    /** Done with a waiting listing, unless it was marked again since it was read. */
    public void done(Waiting waiting) {
        jdbc.sql("delete from stock_sync_outbox where listing_id = ? and generation = ?")
                .params(waiting.listingId(), waiting.generation())
                .update();
    }

    public int waitingCount(long connectionId) {
        return jdbc.sql("select count(*) from stock_sync_outbox where connection_id = ?")
                .param(connectionId)
                .query(Integer.class)
                .single();
    }

    /** The shops with listings waiting, oldest first. */
    public List<Long> connectionsWaiting() {
        return jdbc.sql("select connection_id from stock_sync_outbox group by connection_id order by min(marked_at)")
                .query(Long.class)
                .list();
    }

    public SyncRule rule(long listingId, int multiplier) {
        return jdbc.sql("select share_percent, reserve, upper_limit, floor_quantity from listing_sync"
                        + " where listing_id = ?")
                .param(listingId)
                .query((rs, n) -> new SyncRule(
                        rs.getInt("share_percent"),
                        multiplier,
                        rs.getInt("reserve"),
                        (Integer) rs.getObject("upper_limit"),
                        rs.getInt("floor_quantity")))
                .optional()
                .orElse(SyncRule.defaults(multiplier));
    }

    public boolean enabled(long listingId) {
        return jdbc.sql("select enabled from listing_sync where listing_id = ?")
                .param(listingId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    /** The listings of a shop whose sync the merchant turned off (a listing without a row is on). */
    public Set<Long> disabled(long connectionId) {
        return new HashSet<>(jdbc.sql("select s.listing_id from listing_sync s join listing l on l.id = s.listing_id"
                        + " where l.connection_id = ? and not s.enabled")
                .param(connectionId)
                .query(Long.class)
                .list());
    }

    public void saveRule(long listingId, boolean enabled, SyncRule rule) {
        jdbc.sql("""
                        insert into listing_sync (listing_id, enabled, share_percent, reserve, upper_limit, floor_quantity)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (listing_id) do update set enabled = excluded.enabled,
                            share_percent = excluded.share_percent, reserve = excluded.reserve,
                            upper_limit = excluded.upper_limit, floor_quantity = excluded.floor_quantity
                        """)
                .params(listingId, enabled, rule.sharePercent(), rule.reserve(), rule.upperLimit(), rule.floor())
                .update();
    }

    public void pushed(long listingId, int quantity) {
        jdbc.sql("""
                        insert into listing_sync (listing_id, pushed_quantity, pushed_at) values (?, ?, now())
                        on conflict (listing_id) do update set pushed_quantity = excluded.pushed_quantity,
                            pushed_at = excluded.pushed_at, last_error = null, last_error_at = null
                        """).params(listingId, quantity).update();
    }

    public void listingFailed(long listingId, String message) {
        jdbc.sql("""
                        insert into listing_sync (listing_id, last_error, last_error_at) values (?, ?, now())
                        on conflict (listing_id) do update set last_error = excluded.last_error,
                            last_error_at = excluded.last_error_at
                        """).params(listingId, abbreviate(message)).update();
    }

    /** Each listing's sync row (rule, last push, last error), by listing id; listings without one are absent. */
    public Map<Long, ListingSync.Row> rows(long connectionId) {
        return jdbc.sql("""
                        select s.listing_id, s.enabled, s.share_percent, s.reserve, s.upper_limit, s.floor_quantity,
                               s.pushed_quantity, s.pushed_at, s.last_error, s.last_error_at,
                               exists (select 1 from stock_sync_outbox o where o.listing_id = s.listing_id) as waiting
                        from listing_sync s join listing l on l.id = s.listing_id where l.connection_id = ?
                        """).param(connectionId).query(ListingSync.Row.class).list().stream()
                .collect(Collectors.toMap(ListingSync.Row::listingId, r -> r));
    }

    public List<Long> waitingListings(long connectionId) {
        return jdbc.sql("select listing_id from stock_sync_outbox where connection_id = ?")
                .param(connectionId)
                .query(Long.class)
                .list();
    }

    public ShopSync shop(long connectionId) {
        return jdbc.sql("select connection_id, confirmed_at, confirmed_by, stopped_message, failures, wait_until,"
                        + " last_error, last_error_at, enabled from stock_sync_shop where connection_id = ?")
                .param(connectionId)
                .query(ShopSync.class)
                .optional()
                .orElse(new ShopSync(connectionId, null, null, null, 0, null, null, null, true));
    }

    /** The shop's stock sync on or off (オプション設定). */
    public void enable(long connectionId, boolean enabled) {
        ensureShop(connectionId);
        jdbc.sql("update stock_sync_shop set enabled = ? where connection_id = ?")
                .params(enabled, connectionId)
                .update();
    }

    private void ensureShop(long connectionId) {
        jdbc.sql("insert into stock_sync_shop (connection_id) values (?) on conflict do nothing")
                .param(connectionId)
                .update();
    }

    public void confirm(long connectionId, String by) {
        ensureShop(connectionId);
        jdbc.sql("update stock_sync_shop set confirmed_at = now(), confirmed_by = ? where connection_id = ?")
                .params(by, connectionId)
                .update();
    }

    public void stop(long connectionId, String message) {
        ensureShop(connectionId);
        jdbc.sql("update stock_sync_shop set stopped_message = ?, last_error = ?, last_error_at = now()"
                        + " where connection_id = ?")
                .params(message, message, connectionId)
                .update();
    }

    /** New keys: the sync resumes, the failures are forgotten. */
    public void resume(long connectionId) {
        jdbc.sql("update stock_sync_shop set stopped_message = null, failures = 0, wait_until = null"
                        + " where connection_id = ?")
                .param(connectionId)
                .update();
    }

    /** A 429 or an outage: wait, longer after each failure in a row. */
    public void backOff(long connectionId, Duration wait, String message) {
        ensureShop(connectionId);
        jdbc.sql("update stock_sync_shop set failures = failures + 1, wait_until = ?, last_error = ?,"
                        + " last_error_at = now() where connection_id = ?")
                .params(OffsetDateTime.now().plus(wait), abbreviate(message), connectionId)
                .update();
    }

    public void healthy(long connectionId) {
        jdbc.sql("update stock_sync_shop set failures = 0, wait_until = null where connection_id = ? and"
                        + " (failures > 0 or wait_until is not null)")
                .param(connectionId)
                .update();
    }

    public long startComparison(long connectionId, String trigger) {
        return jdbc.sql("insert into stock_sync_comparison (connection_id, trigger) values (?, ?) returning id")
                .params(connectionId, trigger)
                .query(Long.class)
                .single();
    }

    public void difference(long comparisonId, long listingId, Integer shopQuantity, int omsQuantity, boolean queued) {
        jdbc.sql("""
                        insert into stock_sync_difference (comparison_id, listing_id, shop_quantity, oms_quantity, corrected)
                        select ?, ?, ?, ?, ? where (select count(*) from stock_sync_difference where comparison_id = ?) < 500
                        on conflict do nothing
                        """)
                .params(comparisonId, listingId, shopQuantity, omsQuantity, queued, comparisonId)
                .update();
    }

    public void finishComparison(long id, int checked, int differing, int corrected, int failed, String message) {
        jdbc.sql("update stock_sync_comparison set finished_at = now(), checked = ?, differing = ?, corrected = ?,"
                        + " failed = ?, message = ? where id = ?")
                .params(checked, differing, corrected, failed, abbreviate(message), id)
                .update();
    }

    public List<SyncComparison> comparisons(long connectionId, int limit) {
        return jdbc.sql("select id, connection_id, started_at, finished_at, trigger, checked, differing, corrected,"
                        + " failed, message from stock_sync_comparison where connection_id = ?"
                        + " order by started_at desc, id desc limit ?")
                .params(connectionId, limit)
                .query(SyncComparison.class)
                .list();
    }

    public List<SyncComparison.Difference> differences(long comparisonId) {
        return jdbc.sql("select d.listing_id, l.item_code, l.variation, d.shop_quantity, d.oms_quantity, d.corrected"
                        + " from stock_sync_difference d join listing l on l.id = d.listing_id"
                        + " where d.comparison_id = ? order by l.item_code, l.variation")
                .param(comparisonId)
                .query(SyncComparison.Difference.class)
                .list();
    }

    public Optional<Long> latestComparison(long connectionId) {
        return jdbc.sql("select id from stock_sync_comparison where connection_id = ? order by started_at desc,"
                        + " id desc limit 1")
                .param(connectionId)
                .query(Long.class)
                .optional();
    }

    public List<Long> confirmedConnections() {
        return jdbc.sql("select connection_id from stock_sync_shop where confirmed_at is not null and enabled"
                        + " order by connection_id")
                .query(Long.class)
                .list();
    }

    private static String abbreviate(String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 499) + "…";
    }
}
