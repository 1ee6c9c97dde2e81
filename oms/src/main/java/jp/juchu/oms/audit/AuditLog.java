package jp.juchu.oms.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes and reads the audit log. {@link #record} joins the caller's transaction, so an entry exists exactly when
 * the change it describes was committed.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String target, String detail) {
        jdbc.sql("insert into audit_entry (actor, action, target, detail) values (?, ?, ?, ?)")
                .params(actor, action, target, detail == null ? "" : detail)
                .update();
    }

    /** Newest first; {@code action} narrows to one kind when not blank. */
    public List<AuditEntry> recent(String action, int offset, int limit) {
        boolean all = action == null || action.isBlank();
        return jdbc.sql("select id, at, actor, action, target, detail from audit_entry"
                        + (all ? "" : " where action = :action")
                        + " order by at desc, id desc offset :offset limit :limit")
                .param("action", action)
                .param("offset", offset)
                .param("limit", limit)
                .query(AuditEntry.class)
                .list();
    }
}
