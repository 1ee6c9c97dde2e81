package jp.juchu.support.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * New rows written with PostgreSQL's {@code COPY ... FROM STDIN} on the caller's transaction: one statement for all of
 * them, the values sent as CSV and read by each column's own type. For a page of new orders this took about two thirds
 * of the time of the same rows as multi-row inserts (docs/benchmarks.md, 2026-12-06, fifth), and the statement's
 * triggers fire once, not once per batch the driver happened to cut. Constraints and triggers apply as to an insert; a
 * failure is translated as {@link JdbcTemplate} translates one, and the rows are all written or none.
 *
 * <p>The CSV is PostgreSQL's own, written here rather than by a CSV library: every value but null in double quotes, a
 * quote inside doubled, nothing else escaped (so a line reading {@code \.} inside a value stays data). Commons CSV
 * wrote the same text at about half the speed, character by character through a {@link java.io.Writer}: with the
 * client compiler that was two fifths of the import writer's own time (docs/benchmarks.md, 2026-12-06, sixth).
 */
public final class CopyRows {

    /** Text handed to the copy stream as it grows past this many characters (and at the end). */
    private static final int CHUNK = 1 << 16;

    private CopyRows() {}

    /**
     * Writes {@code rows} (values in the order of {@code columns}) into {@code table}. A value is null, a
     * {@link CharSequence}, a {@link Number}, a {@link Boolean}, a {@link java.sql.Date} or a {@link TemporalAccessor}
     * (written as its ISO text, which PostgreSQL reads; an {@link OffsetDateTime} rounded to the microsecond as the JDBC
     * driver rounds it). A plain {@link java.util.Date} is refused: its text is not one PostgreSQL reads.
     *
     * @throws DataAccessException when the database refuses a row
     */
    public static void into(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(
                        "a row of " + row.length + " values for the " + columns.size() + " columns of " + table);
            }
        }
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
        DataSource dataSource = jdbc.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
            try {
                StringBuilder csv = new StringBuilder(CHUNK + (CHUNK >> 2));
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            csv.append(',');
                        }
                        String value = text(row[i]);
                        if (value != null) {
                            quoted(csv, value);
                        }
                    }
                    csv.append('\n');
                    if (csv.length() >= CHUNK) {
                        send(copy, csv);
                    }
                }
                send(copy, csv);
            } catch (RuntimeException | IOException failed) {
                // never ended: a copy cut short writes nothing
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                throw failed;
            }
            // the database reports a refused row here at the latest
            copy.endCopy();
        } catch (SQLException e) {
            throw translate(jdbc, table, sql, e);
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw translate(jdbc, table, sql, cause);
            }
            // a data access failure, as the same failure of an insert was, not an I/O error of its own
            throw new DataAccessResourceFailureException("COPY " + table + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A value in double quotes, a quote inside doubled: how PostgreSQL's CSV reads any text back as it was. */
    private static void quoted(StringBuilder csv, String value) {
        // String.replace copies whole runs at once: a JSON payload has hundreds of quotes
        csv.append('"')
                .append(value.indexOf('"') < 0 ? value : value.replace("\"", "\"\""))
                .append('"');
    }

    private static void send(PGCopyOutputStream copy, StringBuilder csv) throws IOException {
        copy.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        csv.setLength(0);
    }

    private static DataAccessException translate(JdbcTemplate jdbc, String table, String sql, SQLException e) {
        DataAccessException translated = jdbc.getExceptionTranslator().translate("COPY " + table, sql, e);
        return translated != null ? translated : new UncategorizedSQLException("COPY " + table, sql, e);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            // rounded to the microsecond half up, as the JDBC driver sends a parameter (PostgreSQL rounds half even);
            // a shop's times are whole seconds, which need no rounding
            return (time.getNano() % 1000 == 0 ? time : time.plusNanos(500).truncatedTo(ChronoUnit.MICROS)).toString();
        }
        if (value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof java.sql.Date
                || value instanceof TemporalAccessor) {
            return value.toString();
        }
        throw new IllegalArgumentException(
                "no text form for a " + value.getClass().getName());
    }
}
