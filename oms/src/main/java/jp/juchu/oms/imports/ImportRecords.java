package jp.juchu.oms.imports;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The import's own tables: per connection its watermark and lease, its runs, its quarantined orders. */
@Component
class ImportRecords {

    private static final String RUN_COLUMNS =
            "id, connection_id, trigger, started_at, finished_at, since, status, total_count, fetched, created,"
                    + " updated, unchanged, quarantined, error";

    private final JdbcClient jdbc;

    ImportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the connection for one run unless another run (on any node) holds it; a lease that was not
     * renewed in time (a crashed node) can be taken over.
     */
    boolean acquireLease(long connectionId, String node, java.time.Duration lease) {
        jdbc.sql("insert into import_state (connection_id) values (?) on conflict do nothing")
                .param(connectionId)
                .update();
        return jdbc.sql("""
                                update import_state set lease_until = now() + make_interval(secs => ?), leased_by = ?
                                where connection_id = ? and (lease_until is null or lease_until < now())
                                """).params(lease.toSeconds(), node, connectionId).update() == 1;
    }

    void renewLease(long connectionId, String node, java.time.Duration lease) {
        jdbc.sql("""
                        update import_state set lease_until = now() + make_interval(secs => ?)
                        where connection_id = ? and leased_by = ?
                        """).params(lease.toSeconds(), connectionId, node).update();
    }

    void releaseLease(long connectionId, String node) {
        jdbc.sql(
                        "update import_state set lease_until = null, leased_by = null where connection_id = ? and leased_by = ?")
                .params(connectionId, node)
                .update();
    }

    Optional<OffsetDateTime> watermark(long connectionId) {
        return jdbc.sql("select watermark from import_state where connection_id = ?")
                .param(connectionId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("watermark", OffsetDateTime.class)))
                .optional()
                .flatMap(w -> w);
    }

    /** The watermark of the connection's last sweep (a run that read back the long overlap), if any. */
    Optional<OffsetDateTime> sweptTo(long connectionId) {
        return jdbc.sql("select swept_to from import_state where connection_id = ?")
                .param(connectionId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("swept_to", OffsetDateTime.class)))
                .optional()
                .flatMap(w -> w);
    }

    /** After a successful run; a sweep moves the sweep's watermark too. */
    void moveWatermark(long connectionId, OffsetDateTime watermark, boolean sweep) {
        jdbc.sql("""
                        update import_state set watermark = ?, swept_to = case when ? then ? else swept_to end,
                            suspended = false
                        where connection_id = ?
                        """).params(watermark, sweep, watermark, connectionId).update();
    }

    /** The next run reads the connection's whole window (its days to fetch) again, as a first run does. */
    void forgetWatermark(long connectionId) {
        jdbc.sql("update import_state set watermark = null, swept_to = null where connection_id = ?")
                .param(connectionId)
                .update();
    }

    /** After a refused key the connection waits for new settings instead of retrying on its schedule. */
    void suspend(long connectionId, boolean suspended) {
        jdbc.sql("insert into import_state (connection_id, suspended) values (?, ?) "
                        + "on conflict (connection_id) do update set suspended = excluded.suspended")
                .params(connectionId, suspended)
                .update();
    }

    boolean suspended(long connectionId) {
        return jdbc.sql("select suspended from import_state where connection_id = ?")
                .param(connectionId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    long startRun(long connectionId, ImportTrigger trigger, OffsetDateTime since) {
        return jdbc.sql("insert into import_run (connection_id, trigger, since) values (?, ?, ?) returning id")
                .params(connectionId, trigger.name(), since)
                .query(Long.class)
                .single();
    }

    /** Adds a page's counts; the window's total is kept from the pages that carry one. */
    void progress(long runId, Long totalCount, int fetched, int created, int updated, int unchanged, int quarantined) {
        jdbc.sql("""
                        update import_run set total_count = coalesce(cast(? as bigint), total_count),
                               fetched = fetched + ?, created = created + ?,
                               updated = updated + ?, unchanged = unchanged + ?, quarantined = quarantined + ?
                        where id = ?
                        """)
                .params(totalCount, fetched, created, updated, unchanged, quarantined, runId)
                .update();
    }

    void finishRun(long runId, String status, String error) {
        jdbc.sql("update import_run set status = ?, error = ?, finished_at = now() where id = ?")
                .params(status, error, runId)
                .update();
    }

    List<ImportRun> runs(long connectionId, int limit) {
        return jdbc.sql("select " + RUN_COLUMNS
                        + " from import_run where connection_id = ? order by started_at desc, id desc limit ?")
                .params(connectionId, limit)
                .query(ImportRun.class)
                .list();
    }

    Optional<ImportRun> run(long runId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from import_run where id = ?")
                .param(runId)
                .query(ImportRun.class)
                .optional();
    }

    /** A run left RUNNING by a node that died is closed as failed when its connection is next taken. */
    void closeAbandonedRuns(long connectionId) {
        jdbc.sql("""
                        update import_run set status = 'FAILED', finished_at = now(),
                               error = '取込中に処理が中断されました (再起動など)。次回の取込で再取得します。'
                        where connection_id = ? and status = 'RUNNING'
                        """).param(connectionId).update();
    }

    void quarantine(long connectionId, String orderKey, String payload, String reason, OffsetDateTime since) {
        jdbc.sql("""
                        insert into quarantined_order (connection_id, order_key, payload, reason, window_since)
                        values (?, ?, ?, ?, ?)
                        on conflict (connection_id, order_key) do update set payload = excluded.payload,
                            reason = excluded.reason, last_seen = now(),
                            attempts = quarantined_order.attempts + 1, resolved_at = null
                        """).params(connectionId, orderKey, payload, reason, since).update();
    }

    void resolveQuarantined(long connectionId, Collection<String> orderKeys) {
        if (orderKeys.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update quarantined_order set resolved_at = now()
                        where connection_id = ? and order_key = any (?) and resolved_at is null
                        """).params(connectionId, orderKeys.toArray(String[]::new)).update();
    }

    /** The earliest window in which a still-quarantined order was seen, so the next run reads it again. */
    Optional<OffsetDateTime> oldestQuarantinedWindow(long connectionId, OffsetDateTime notBefore) {
        return jdbc.sql("""
                        select min(window_since) from quarantined_order
                        where connection_id = ? and resolved_at is null and window_since >= ?
                        """)
                .params(connectionId, notBefore)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .single();
    }

    List<QuarantinedOrder> quarantined(long connectionId) {
        return jdbc.sql("""
                        select id, connection_id, order_key, reason, payload, first_seen, last_seen, attempts
                        from quarantined_order where connection_id = ? and resolved_at is null order by last_seen desc
                        """).param(connectionId).query(QuarantinedOrder.class).list();
    }
}
