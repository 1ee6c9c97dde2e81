package jp.juchu.support.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

class CopyRowsTests {

    static final List<String> COLUMNS =
            List.of("id", "name", "note", "paid", "due", "at", "amount", "payload", "status");

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        jdbc.execute("create table status (code text primary key)");
        jdbc.execute("insert into status values ('NEW')");
        jdbc.execute("""
                create table parcel (id bigint primary key, name text not null, note text, paid boolean, due date,
                                     at timestamptz, amount bigint, payload json, status text references status,
                                     written_at timestamptz not null default now())
                """);
        jdbc.execute("create type mood as enum ('calm', 'busy')");
        jdbc.execute("create domain sku as varchar(8) check (value = upper(value))");
        jdbc.execute("""
                create table ledger (id int primary key, units smallint, kind varchar(3), mood mood, doc jsonb,
                                     local_at timestamp, code sku, price numeric)
                """);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        jdbc.execute("truncate parcel");
        jdbc.execute("truncate ledger");
    }

    @Test
    void everyValueComesBackAsItWasGivenQuotesCommasLineBreaksEmptyAndNullAlike() {
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 6, 9, 30, 15, 123_456_000, ZoneOffset.ofHours(9));
        // a line of its own that reads \. ends the data in PostgreSQL's CSV, unless it is inside a quoted value
        String awkward = "山田 \"太郎\", 様\n二行目\r\n\t\\N \\. 〜\n\\.\n\\.";
        CopyRows.into(
                jdbc,
                "parcel",
                COLUMNS,
                List.of(
                        new Object[] {
                            1L,
                            awkward,
                            "",
                            true,
                            Date.valueOf(LocalDate.of(2026, 12, 24)),
                            at,
                            12_345L,
                            "{\"b\": 1, \"a\": [\"x\"]}",
                            "NEW"
                        },
                        new Object[] {2L, "\\N", null, false, null, null, 0, null, null},
                        new Object[] {3L, "", "null", null, null, null, null, null, null}));

        Map<String, Object> first = jdbc.queryForMap(
                "select name, note, paid, due, at = ?::timestamptz as same_instant, amount, payload::text as payload,"
                        + " status from parcel where id = 1",
                at.toString());
        assertThat(first.get("name")).isEqualTo(awkward);
        assertThat(first.get("note")).isEqualTo("");
        assertThat(first.get("paid")).isEqualTo(true);
        assertThat(first.get("due").toString()).isEqualTo("2026-12-24");
        assertThat(first.get("same_instant")).isEqualTo(true);
        assertThat(first.get("amount")).isEqualTo(12_345L);
        assertThat(first.get("payload")).isEqualTo("{\"b\": 1, \"a\": [\"x\"]}");
        assertThat(first.get("status")).isEqualTo("NEW");
        Map<String, Object> second = jdbc.queryForMap("select name, note, paid, payload from parcel where id = 2");
        assertThat(second.get("name")).isEqualTo("\\N");
        assertThat(second.get("note")).isNull();
        assertThat(second.get("paid")).isEqualTo(false);
        assertThat(second.get("payload")).isNull();
        Map<String, Object> third = jdbc.queryForMap("select name, note, paid from parcel where id = 3");
        assertThat(third.get("name")).isEqualTo("");
        assertThat(third.get("note")).isEqualTo("null");
        assertThat(third.get("paid")).isNull();
    }

    @Test
    void rowsFarLargerThanOneChunkOfTextComeBackWholeAndInOrder() {
        OffsetDateTime second = OffsetDateTime.of(2026, 12, 6, 9, 30, 15, 0, ZoneOffset.ofHours(9));
        List<Object[]> rows = new java.util.ArrayList<>();
        for (long id = 1; id <= 3_000; id++) {
            // about 150 characters a row, quotes and multibyte text among them: several chunks of 65,536
            String name = "注文 \"" + id + "\" の お客様 高橋美咲 ".repeat(4) + id;
            rows.add(new Object[] {
                id,
                name,
                null,
                id % 2 == 0,
                null,
                second.plusNanos(id * 1_000_500L),
                id,
                // every other payload as its UTF-8 bytes, quotes and multibyte text across the chunks too
                id % 2 == 0
                        ? new Utf8Text(("{\"id\": " + id + ", \"name\": \"" + name.replace("\"", "\\\"") + "\"}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        : "{\"id\": " + id + "}",
                "NEW"
            });
        }

        CopyRows.into(jdbc, "parcel", COLUMNS, rows);

        assertThat(jdbc.queryForObject("select count(*) from parcel", Long.class))
                .isEqualTo(3_000L);
        for (Object[] row : List.of(rows.get(0), rows.get(1_234), rows.get(2_999))) {
            Map<String, Object> back = jdbc.queryForMap(
                    "select name, paid, at = ?::timestamptz as same_instant, payload::text as payload from parcel"
                            + " where id = ?",
                    // an odd row is exactly half a microsecond off, which the driver rounds up (PostgreSQL would round
                    // to even)
                    ((OffsetDateTime) row[5])
                            .plusNanos(500)
                            .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                            .toString(),
                    row[0]);
            assertThat(back.get("name")).isEqualTo(row[1]);
            assertThat(back.get("paid")).isEqualTo(row[3]);
            assertThat(back.get("same_instant")).isEqualTo(true);
            assertThat(back.get("payload")).isEqualTo(row[7].toString());
        }
    }

    @Test
    void textGivenAsItsUtf8BytesAndCharactersBeyondTheBasicPlaneComeBackAsTheyWere() {
        String json = "{\"name\": \"寿司 🍣 \\\"特上\\\"\", \"note\": \"a,b\\nc\", \"yen\": 1200}";
        CopyRows.into(jdbc, "parcel", COLUMNS, List.<Object[]>of(new Object[] {
            1L,
            "🍣 と 𠮷野家 \"様\"",
            "half \uD800 a pair",
            null,
            null,
            null,
            null,
            new Utf8Text(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            null
        }));

        Map<String, Object> back = jdbc.queryForMap("select name, note, payload::text as payload from parcel");
        assertThat(back.get("name")).isEqualTo("🍣 と 𠮷野家 \"様\"");
        // a surrogate without its pair is not UTF-8: written as String.getBytes writes it
        assertThat(back.get("note")).isEqualTo("half ? a pair");
        assertThat(back.get("payload")).isEqualTo(json);
    }

    @Test
    void wholeNumbersComeBackExactlyWhateverTheirSignSizeAndType() {
        List<Object> amounts =
                List.of(0L, 7, -1L, (short) -32768, 1_234_567_890_123L, Long.MAX_VALUE, Long.MIN_VALUE, -10, 100L);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            rows.add(new Object[] {(long) i, "n", null, null, null, null, amounts.get(i), null, null});
        }

        CopyRows.into(jdbc, "parcel", COLUMNS, rows);

        assertThat(jdbc.queryForList("select amount from parcel order by id", Long.class))
                .containsExactlyElementsOf(
                        amounts.stream().map(n -> ((Number) n).longValue()).toList());
    }

    @Test
    void aRowTheDatabaseRefusesWritesNoneOfThemAndFailsAsAnInsertWould() {
        assertThatThrownBy(() ->
                        CopyRows.into(jdbc, "parcel", COLUMNS, List.of(row(1L, "a"), row(2L, "b"), row(1L, "again"))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> CopyRows.into(jdbc, "parcel", COLUMNS, List.of(row(1L, "a"), new Object[] {
                    2L, "b", null, null, null, null, null, null, "GONE"
                })))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> CopyRows.into(jdbc, "parcel", COLUMNS, List.of(row(1L, "a"), new Object[] {
                    2L, "b", null, null, null, null, null, "{not json", null
                })))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(jdbc.queryForObject("select count(*) from parcel", Long.class))
                .isZero();
    }

    @Test
    void aValueWithoutATextFormOrARowOfTheWrongWidthIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> CopyRows.into(jdbc, "parcel", COLUMNS, List.of(row(1L, "a"), new Object[] {
                    2L, new StringBuilder("b"), new Object(), null, null, null, null, null, null
                })))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
        // a plain java.util.Date's text ("Sun Dec 06 …") is not one PostgreSQL reads
        assertThatThrownBy(() -> CopyRows.into(jdbc, "parcel", COLUMNS, List.<Object[]>of(new Object[] {
                    3L, "c", null, null, new java.util.Date(), null, null, null, null
                })))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.Date");
        assertThatThrownBy(() -> CopyRows.into(jdbc, "parcel", COLUMNS, List.of(row(1L, "a"), new Object[] {2L})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 values for the 9 columns");

        assertThat(jdbc.queryForObject("select count(*) from parcel", Long.class))
                .isZero();
        CopyRows.into(jdbc, "parcel", COLUMNS, List.<Object[]>of(row(5L, "after")));
        assertThat(jdbc.queryForObject("select name from parcel", String.class)).isEqualTo("after");
    }

    @Test
    void eachColumnTakesItsValueInItsOwnTypeNarrowNumbersEnumsDomainsJsonbAndLocalTimesAlike() {
        List<String> columns = List.of("id", "units", "kind", "mood", "doc", "local_at", "code");
        CopyRows.into(
                jdbc,
                "ledger",
                columns,
                List.of(
                        new Object[] {
                            -2_147_483_648L,
                            (short) -32768,
                            "入庫",
                            "busy",
                            new Utf8Text("{\"b\": 1, \"a\": \"寿司\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                            java.time.LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_600),
                            "SKU-1"
                        },
                        new Object[] {2_147_483_647, 32767L, "", "calm", "[]", null, null}));

        Map<String, Object> first = jdbc.queryForMap(
                "select units, kind, mood::text as mood, doc::text as doc, local_at::text as local_at, code"
                        + " from ledger where id = -2147483648");
        assertThat(first.get("units")).isEqualTo(-32768);
        assertThat(first.get("kind")).isEqualTo("入庫");
        assertThat(first.get("mood")).isEqualTo("busy");
        // jsonb as the database keeps it (its keys in its own order)
        assertThat(first.get("doc")).isEqualTo("{\"a\": \"寿司\", \"b\": 1}");
        // rounded half up to the microsecond, into the next day
        assertThat(first.get("local_at")).isEqualTo("2000-01-01 00:00:00");
        assertThat(first.get("code")).isEqualTo("SKU-1");
        assertThat(jdbc.queryForObject("select units from ledger where id = 2147483647", Integer.class))
                .isEqualTo(32767);
    }

    @Test
    void aValueItsColumnCannotHoldIsRefusedByTheDatabaseAndNothingIsWritten() {
        List<String> columns = List.of("id", "units", "kind", "mood", "code");
        // too long for varchar(3), too large for int and smallint, no such label, against the domain's check
        for (Object[] bad : List.of(
                new Object[] {2, null, "四文字の", null, null},
                new Object[] {2_147_483_648L, null, null, null, null},
                new Object[] {2, 32_768, null, null, null},
                new Object[] {2, null, null, "angry", null},
                new Object[] {2, null, null, null, "sku-1"},
                new Object[] {2, null, "a\0b", null, null})) {
            assertThatThrownBy(() -> CopyRows.into(
                            jdbc, "ledger", columns, List.of(new Object[] {1, 1, "ok", "calm", "A"}, bad)))
                    .as(java.util.Arrays.toString(bad))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }

        assertThat(jdbc.queryForObject("select count(*) from ledger", Long.class))
                .isZero();
    }

    @Test
    void aColumnOfATypeTheCopyDoesNotWriteOrNoSuchColumnIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() ->
                        CopyRows.into(jdbc, "ledger", List.of("id", "price"), List.<Object[]>of(new Object[] {1, 10L})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numeric");
        assertThatThrownBy(() -> CopyRows.into(
                        jdbc, "ledger", List.of("id", "nothing"), List.<Object[]>of(new Object[] {1, 10L})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column nothing");
        assertThatThrownBy(() ->
                        CopyRows.into(jdbc, "ledger", List.of("id", "units"), List.<Object[]>of(new Object[] {1, 1.5})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");

        assertThat(jdbc.queryForObject("select count(*) from ledger", Long.class))
                .isZero();
    }

    private static Object[] row(long id, String name) {
        return new Object[] {id, name, null, null, null, null, null, null, null};
    }
}
