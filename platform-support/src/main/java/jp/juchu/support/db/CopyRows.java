package jp.juchu.support.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * New rows written with PostgreSQL's {@code COPY ... FROM STDIN} on the caller's transaction: one statement for all of
 * them. For a page of new orders this took about two thirds of the time of the same rows as multi-row inserts
 * (docs/benchmarks.md, 2026-12-06, fifth), and the statement's triggers fire once, not once per batch the driver
 * happened to cut. Constraints and triggers apply as to an insert; a failure is translated as {@link JdbcTemplate}
 * translates one, and the rows are all written or none.
 *
 * <p>The values are sent in PostgreSQL's binary copy format, each in its column's own form (the columns' types are
 * read from the catalogue once per table): text as its UTF-8 bytes with their length, nothing quoted or escaped, and a
 * {@link Utf8Text} as the bytes it already is. PostgreSQL's CSV had the writer double every quote of an order's JSON
 * and the database scan every byte for quotes again: 100,000 order rows took 2.1 s to read as CSV and 1.1 s in this
 * form (docs/benchmarks.md, 2026-12-06, ninth). The database still checks every value as it takes it in: text for
 * its encoding, a {@code json} for its syntax, a length for its column's.
 */
public final class CopyRows {

    /** Bytes handed to the copy at once. */
    private static final int CHUNK = 1 << 16;

    /** The binary copy format's signature, flags and header extension length. */
    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    /** PostgreSQL's epoch (2000-01-01) in days and seconds of the Unix epoch. */
    private static final long EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private static final long EPOCH_SECOND = EPOCH_DAY * 86_400L;

    /** The forms of the columns written so far, per database, table and columns. */
    private static final Map<String, Form[]> FORMS = new ConcurrentHashMap<>();

    private CopyRows() {}

    /**
     * Writes {@code rows} (values in the order of {@code columns}) into {@code table}. A value is null, or fits its
     * column: a whole {@link Number} for an integer column, a {@link Boolean} for a boolean, a {@link LocalDate} or
     * {@link java.sql.Date} for a date, an {@link OffsetDateTime}, {@link ZonedDateTime} or {@link Instant} for a
     * {@code timestamptz} (rounded to the microsecond as the JDBC driver rounds it), a {@link LocalDateTime} for a
     * {@code timestamp}; a text, {@code json} or {@code jsonb} column takes a {@link CharSequence} (a
     * {@link Utf8Text} as its bytes) or the ISO text of a number, boolean, date or time. Anything else is refused and
     * the copy cancelled, nothing written: a plain {@link java.util.Date}, whose text is not one PostgreSQL reads,
     * among them.
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
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format binary)";
        DataSource dataSource = jdbc.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Form[] form = forms(connection, table, columns);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                Binary out = new Binary(copy);
                out.bytes(HEADER);
                for (Object[] row : rows) {
                    out.int16(row.length);
                    for (int i = 0; i < row.length; i++) {
                        if (!form[i].write(out, row[i])) {
                            throw new IllegalArgumentException(
                                    "no " + form[i].name().toLowerCase(java.util.Locale.ROOT) + " form for a "
                                            + row[i].getClass().getName() + " (column " + columns.get(i) + ")");
                        }
                    }
                }
                out.int16(-1);
                out.flush();
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

    /** The columns' forms, read from the catalogue the first time the database's table is written with them. */
    private static Form[] forms(Connection connection, String table, List<String> columns) throws SQLException {
        String key = connection.getMetaData().getURL() + " " + table + " " + columns;
        Form[] known = FORMS.get(key);
        if (known != null) {
            return known;
        }
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select a.attname, coalesce(b.typname, t.typname), coalesce(b.typtype, t.typtype)
                from pg_attribute a join pg_type t on t.oid = a.atttypid
                left join pg_type b on t.typtype = 'd' and b.oid = t.typbasetype
                where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped
                """)) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), "e".equals(rs.getString(3)) ? "enum" : rs.getString(2));
                }
            }
        }
        Form[] forms = new Form[columns.size()];
        for (int i = 0; i < forms.length; i++) {
            String column = columns.get(i);
            String type = types.get(column);
            if (type == null) {
                throw new IllegalArgumentException("no column " + column + " in " + table);
            }
            Form form = Form.of(type);
            if (form == null) {
                throw new IllegalArgumentException(
                        "column " + column + " of " + table + " is a " + type + ", which a copy does not write");
            }
            forms[i] = form;
        }
        FORMS.put(key, forms);
        return forms;
    }

    /** How a column's values are sent, by the column's type. */
    private enum Form {
        INT2,
        INT4,
        INT8,
        BOOL,
        TEXT,
        JSONB,
        DATE,
        TIMESTAMPTZ,
        TIMESTAMP;

        /** The form of a type by its name (an enum's labels are sent as text); null when none is known. */
        static Form of(String type) {
            return switch (type) {
                case "int2" -> INT2;
                case "int4" -> INT4;
                case "int8" -> INT8;
                case "bool" -> BOOL;
                case "text", "varchar", "bpchar", "json", "name", "enum" -> TEXT;
                case "jsonb" -> JSONB;
                case "date" -> DATE;
                case "timestamptz" -> TIMESTAMPTZ;
                case "timestamp" -> TIMESTAMP;
                default -> null;
            };
        }

        /**
         * A value: its length, then its bytes (a null as length -1).
         *
         * @return false, with nothing written, when the value has no form for this column (the copy is then cancelled)
         */
        boolean write(Binary out, Object value) throws SQLException {
            if (value == null) {
                out.int32(-1);
                return true;
            }
            switch (this) {
                case INT2, INT4, INT8 -> {
                    if (!(value instanceof Long
                            || value instanceof Integer
                            || value instanceof Short
                            || value instanceof Byte)) {
                        return false;
                    }
                    whole(out, ((Number) value).longValue(), this == INT2 ? 2 : this == INT4 ? 4 : 8);
                }
                case BOOL -> {
                    if (!(value instanceof Boolean yes)) {
                        return false;
                    }
                    out.int32(1);
                    out.int8(yes ? 1 : 0);
                }
                case TEXT, JSONB -> {
                    return text(out, value, this == JSONB);
                }
                case DATE -> {
                    LocalDate date;
                    if (value instanceof LocalDate d) {
                        date = d;
                    } else if (value instanceof java.sql.Date d) {
                        date = d.toLocalDate();
                    } else {
                        return false;
                    }
                    out.int32(4);
                    out.int32(Math.toIntExact(date.toEpochDay() - EPOCH_DAY));
                }
                case TIMESTAMPTZ -> {
                    Instant at;
                    if (value instanceof OffsetDateTime o) {
                        at = o.toInstant();
                    } else if (value instanceof Instant i) {
                        at = i;
                    } else if (value instanceof ZonedDateTime z) {
                        at = z.toInstant();
                    } else {
                        return false;
                    }
                    out.int32(8);
                    out.int64(micros(at));
                }
                case TIMESTAMP -> {
                    if (!(value instanceof LocalDateTime local)) {
                        return false;
                    }
                    out.int32(8);
                    out.int64(micros(local.toInstant(ZoneOffset.UTC)));
                }
            }
            return true;
        }

        /**
         * A whole number for a column narrower than a long: in the column's width when it fits, else as the long it is,
         * which the database refuses as a value of the wrong form rather than taking it cut down.
         */
        private static void whole(Binary out, long value, int width) throws SQLException {
            if (width == 8) {
                out.int32(8);
                out.int64(value);
            } else if (width == 2 && value == (short) value) {
                out.int32(2);
                out.int16((int) value);
            } else if (width == 4 && value == (int) value) {
                out.int32(4);
                out.int32((int) value);
            } else {
                out.int32(8);
                out.int64(value);
            }
        }

        private static boolean text(Binary out, Object value, boolean jsonb) throws SQLException {
            byte[] bytes;
            if (value instanceof Utf8Text utf8) {
                bytes = utf8.bytes();
            } else if (value instanceof String text) {
                bytes = text.getBytes(StandardCharsets.UTF_8);
            } else {
                String text = value instanceof CharSequence chars ? chars.toString() : isoText(value);
                if (text == null) {
                    return false;
                }
                bytes = text.getBytes(StandardCharsets.UTF_8);
            }
            if (jsonb) {
                // jsonb's binary form: a version byte, then the text
                out.int32(bytes.length + 1);
                out.int8(1);
            } else {
                out.int32(bytes.length);
            }
            out.bytes(bytes);
            return true;
        }

        /**
         * Microseconds since PostgreSQL's epoch, rounded half up as the JDBC driver sends a parameter (PostgreSQL
         * rounds half even); a shop's times are whole seconds, which need no rounding.
         */
        private static long micros(Instant at) {
            return Math.addExact(
                    Math.multiplyExact(at.getEpochSecond() - EPOCH_SECOND, 1_000_000L), (at.getNano() + 500) / 1000);
        }
    }

    /** The binary copy format, a buffer at a time. */
    private static final class Binary {

        private final CopyIn copy;
        private final byte[] out = new byte[CHUNK];
        private int size;

        Binary(CopyIn copy) {
            this.copy = copy;
        }

        void int8(int value) throws SQLException {
            room(1);
            out[size++] = (byte) value;
        }

        void int16(int value) throws SQLException {
            room(2);
            out[size++] = (byte) (value >> 8);
            out[size++] = (byte) value;
        }

        void int32(int value) throws SQLException {
            room(4);
            byte[] o = out;
            int s = size;
            o[s] = (byte) (value >> 24);
            o[s + 1] = (byte) (value >> 16);
            o[s + 2] = (byte) (value >> 8);
            o[s + 3] = (byte) value;
            size = s + 4;
        }

        void int64(long value) throws SQLException {
            int32((int) (value >> 32));
            int32((int) value);
        }

        /** Bytes of any length, across as many buffers as they fill. */
        void bytes(byte[] bytes) throws SQLException {
            int from = 0;
            while (from < bytes.length) {
                if (size == CHUNK) {
                    flush();
                }
                int n = Math.min(bytes.length - from, CHUNK - size);
                System.arraycopy(bytes, from, out, size, n);
                size += n;
                from += n;
            }
        }

        private void room(int bytes) throws SQLException {
            if (size > CHUNK - bytes) {
                flush();
            }
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

    /** The ISO text of a number, boolean, date or time for a text column; null for any other value. */
    private static String isoText(Object value) {
        if (value instanceof OffsetDateTime time) {
            // rounded to the microsecond half up, as the JDBC driver sends a parameter
            return (time.getNano() % 1000 == 0 ? time : time.plusNanos(500).truncatedTo(ChronoUnit.MICROS)).toString();
        }
        if (value instanceof Number
                || value instanceof Boolean
                || value instanceof java.sql.Date
                || value instanceof TemporalAccessor) {
            return value.toString();
        }
        return null;
    }
}
