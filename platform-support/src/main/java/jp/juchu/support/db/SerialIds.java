package jp.juchu.support.db;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ids taken ahead from a table's serial sequence, so that a batch of rows and the rows that point at them can be
 * written in batches too.
 */
public final class SerialIds {

    private SerialIds() {}

    /**
     * {@code count} new values of the serial {@code column} of {@code table}. The sequence is looked up once per call (by itself,
     * {@code pg_get_serial_sequence} in the select list is evaluated for every id: five times the cost of the ids).
     */
    public static List<Long> next(JdbcClient jdbc, String table, String column, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval(s.seq) from (select pg_get_serial_sequence(?, ?)::regclass as seq offset 0) s,"
                        + " generate_series(1, ?)")
                .params(table, column, count)
                .query(Long.class)
                .list();
    }
}
