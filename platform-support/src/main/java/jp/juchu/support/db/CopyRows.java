package jp.juchu.support.db;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
 */
public final class CopyRows {

    private static final CSVFormat FORMAT = CSVFormat.POSTGRESQL_CSV;

    private CopyRows() {}

    /**
     * Writes {@code rows} (values in the order of {@code columns}) into {@code table}. A value is null, a
     * {@link CharSequence}, a {@link Number}, a {@link Boolean}, a {@link java.util.Date} or a {@link TemporalAccessor}
     * (written as its ISO text, which PostgreSQL reads; an {@link OffsetDateTime} rounded to the microsecond as the JDBC
     * driver rounds it).
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
                CSVPrinter printer = new CSVPrinter(
                        new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16), FORMAT);
                for (Object[] row : rows) {
                    for (Object value : row) {
                        printer.print(text(value));
                    }
                    printer.println();
                }
                printer.flush();
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

    private static DataAccessException translate(JdbcTemplate jdbc, String table, String sql, SQLException e) {
        DataAccessException translated = jdbc.getExceptionTranslator().translate("COPY " + table, sql, e);
        return translated != null ? translated : new UncategorizedSQLException("COPY " + table, sql, e);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            // rounded to the microsecond half up, as the JDBC driver sends a parameter (PostgreSQL rounds half even)
            return time.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
        }
        if (value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof java.util.Date
                || value instanceof TemporalAccessor) {
            return value.toString();
        }
        throw new IllegalArgumentException(
                "no text form for a " + value.getClass().getName());
    }
}
