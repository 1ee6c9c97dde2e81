package jp.juchu.support.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
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
 * quote inside doubled, nothing else escaped (so a line reading {@code \.} inside a value stays data). It is encoded
 * as UTF-8 straight into one buffer, handed to the copy whenever it fills: Commons CSV wrote the same text character
 * by character through a {@link java.io.Writer}, and a {@link StringBuilder} turned into a string and then into bytes
 * made every character three times over (a third of all the memory the OMS took during a first import, and the
 * collections of it: docs/benchmarks.md, 2026-12-06, seventh). A {@link Utf8Text} is sent as its bytes.
 */
public final class CopyRows {

    /** Bytes handed to the copy at once. */
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
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                Csv csv = new Csv(copy);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            csv.put(',');
                        }
                        Object value = row[i];
                        if (value instanceof Utf8Text text) {
                            csv.quoted(text);
                        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                            csv.number(((Number) value).longValue());
                        } else if (value != null) {
                            csv.quoted(text(value));
                        }
                    }
                    csv.put('\n');
                }
                csv.flush();
            } catch (RuntimeException | SQLException failed) {
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
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** PostgreSQL's CSV as UTF-8, a buffer at a time. */
    private static final class Csv {

        /** Room kept at the end of the buffer: the longest encoding of one character with its doubled quote. */
        private static final int LIMIT = CHUNK - 8;

        private final CopyIn copy;
        private final byte[] out = new byte[CHUNK];
        private int size;
        private char[] chars = new char[256];

        Csv(CopyIn copy) {
            this.copy = copy;
        }

        void put(char ascii) throws SQLException {
            if (size >= LIMIT) {
                flush();
            }
            out[size++] = (byte) ascii;
        }

        /**
         * A value in double quotes, a quote inside doubled: how PostgreSQL's CSV reads any text back as it was. (The
         * buffer and its size are held in locals while a value is written: the client compiler reloads a field at
         * every use.)
         */
        void quoted(String value) throws SQLException {
            int length = value.length();
            if (chars.length < length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            char[] in = chars;
            value.getChars(0, length, in, 0);
            put('"');
            byte[] o = out;
            int s = size;
            for (int i = 0; i < length; i++) {
                if (s >= LIMIT) {
                    size = s;
                    flush();
                    s = 0;
                }
                char c = in[i];
                if (c < 0x80) {
                    if (c == '"') {
                        o[s++] = '"';
                    }
                    o[s++] = (byte) c;
                } else if (c < 0x800) {
                    o[s++] = (byte) (0xC0 | c >> 6);
                    o[s++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    o[s++] = (byte) (0xE0 | c >> 12);
                    o[s++] = (byte) (0x80 | c >> 6 & 0x3F);
                    o[s++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(in[i + 1])) {
                    int code = Character.toCodePoint(c, in[++i]);
                    o[s++] = (byte) (0xF0 | code >> 18);
                    o[s++] = (byte) (0x80 | code >> 12 & 0x3F);
                    o[s++] = (byte) (0x80 | code >> 6 & 0x3F);
                    o[s++] = (byte) (0x80 | code & 0x3F);
                } else {
                    // a surrogate without its pair, written as String.getBytes writes it
                    o[s++] = '?';
                }
            }
            size = s;
            put('"');
        }

        /** Text already UTF-8: its bytes, a quote doubled (the byte of a quote is never part of a longer sequence). */
        void quoted(Utf8Text text) throws SQLException {
            put('"');
            byte[] o = out;
            int s = size;
            for (byte b : text.bytes()) {
                if (s >= LIMIT) {
                    size = s;
                    flush();
                    s = 0;
                }
                if (b == '"') {
                    o[s++] = '"';
                }
                o[s++] = b;
            }
            size = s;
            put('"');
        }

        /** A whole number as its digits (unquoted: PostgreSQL's CSV reads them the same), without making a string. */
        void number(long value) throws SQLException {
            if (value == Long.MIN_VALUE) {
                quoted(Long.toString(value));
                return;
            }
            if (size >= LIMIT - 20) {
                flush();
            }
            long rest = value;
            if (rest < 0) {
                out[size++] = '-';
                rest = -rest;
            }
            int digits = 1;
            for (long left = rest / 10; left > 0; left /= 10) {
                digits++;
            }
            for (int at = size + digits - 1; at >= size; at--) {
                out[at] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
            size += digits;
        }

        void flush() throws SQLException {
            if (size > 0) {
                copy.writeToCopy(out, 0, size);
                size = 0;
            }
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
