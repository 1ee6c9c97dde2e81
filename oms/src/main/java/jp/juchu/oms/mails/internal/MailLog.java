package jp.juchu.oms.mails.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The send log (送信履歴): every mail with its body snapshot, recipient, time and result. */
@Repository
public class MailLog {

    private static final String COLUMNS = """
            id, order_id, order_number, template_id, template_name, kind, trigger, once, recipient, bcc, from_address,
            from_name, subject, body, state, attempts, last_error, actor, created_at, sent_at, updated_at
            """;

    /** Filters of the list page: a state (SENT, QUEUED, FAILED) or all, and an order number. */
    public record Filter(String state, String orderNumber) {}

    /** A page of the list, newest first. */
    public record Page(List<MailLogEntry> rows, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final JdbcClient jdbc;

    MailLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MailLogEntry> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from mail_log where id = ?")
                .param(id)
                .query(MailLogEntry.class)
                .optional();
    }

    public List<MailLogEntry> ofOrder(long orderId) {
        return jdbc.sql("select " + COLUMNS + " from mail_log where order_id = ? order by id desc limit 200")
                .param(orderId)
                .query(MailLogEntry.class)
                .list();
    }

    /** Whether the one mail of this order and template exists (sent, waiting or failed). */
    public boolean sentOnce(long orderId, long templateId) {
        return jdbc.sql("select exists (select 1 from mail_log where order_id = ? and template_id = ? and once)")
                .params(orderId, templateId)
                .query(Boolean.class)
                .single();
    }

    public Page list(Filter filter, int page, int size) {
        String state = filter.state() == null || filter.state().isBlank() ? null : filter.state();
        String number = filter.orderNumber() == null || filter.orderNumber().isBlank()
                ? null
                : filter.orderNumber().strip();
        String where =
                " where (cast(? as varchar) is null or state = ?) and (cast(? as varchar) is null or order_number = ?)";
        long total = jdbc.sql("select count(*) from mail_log" + where)
                .params(state, state, number, number)
                .query(Long.class)
                .single();
        List<MailLogEntry> rows = jdbc.sql("select " + COLUMNS + " from mail_log" + where
                        + " order by created_at desc, id desc limit ? offset ?")
                .params(state, state, number, number, size, (long) page * size)
                .query(MailLogEntry.class)
                .list();
        return new Page(rows, total, page, size);
    }

    /** How many mails failed for good and were not sent again since (shown on the list). */
    public long failedCount() {
        return jdbc.sql("select count(*) from mail_log where state = 'FAILED'")
                .query(Long.class)
                .single();
    }
}
