package jp.juchu.oms.imports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The flag that makes notifications coalesce (table {@code import_rerun}): each notification sets it, a run clears it
 * as it starts, and a run that ends with it set is followed by exactly one more at once. Setting it and the end of a
 * run's reading of it lock the same row, so a notification either finds the run still to come or is seen by it.
 */
@Component
class ImportReruns {

    private final JdbcClient jdbc;

    ImportReruns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Asks for one more run; holds the row's lock until the caller's transaction ends. */
    void request(long connectionId) {
        jdbc.sql("""
                        insert into import_rerun (connection_id, requested, requested_at) values (?, true, now())
                        on conflict (connection_id) do update set requested = true, requested_at = now()""").param(connectionId).update();
    }

    /** A run starts: what was asked for before now, it reads. */
    void clear(long connectionId) {
        jdbc.sql("update import_rerun set requested = false where connection_id = ? and requested")
                .param(connectionId)
                .update();
    }

    /** Whether one more run was asked for, locking the row until the caller's transaction ends. */
    boolean takeRequest(long connectionId) {
        return jdbc.sql("select requested from import_rerun where connection_id = ? for update")
                .param(connectionId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
