package jp.juchu.oms.orders;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One line of an order's history (受注履歴), as the set-based writers of the workflow and the notes gather them. */
record HistoryLine(long orderId, String kind, String actor, String summary) {

    /** Writes the lines in one statement, in the order given (which is the order the history shows them in). */
    static void insertAll(JdbcClient jdbc, List<HistoryLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql("insert into order_history (order_id, kind, actor, summary)"
                        + " select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[])")
                .params(
                        lines.stream().map(HistoryLine::orderId).toArray(Long[]::new),
                        lines.stream().map(HistoryLine::kind).toArray(String[]::new),
                        lines.stream().map(HistoryLine::actor).toArray(String[]::new),
                        lines.stream().map(HistoryLine::summary).toArray(String[]::new))
                .update();
    }
}
