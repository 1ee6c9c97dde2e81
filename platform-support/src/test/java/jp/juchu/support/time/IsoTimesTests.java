package jp.juchu.support.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimesTests {

    @Test
    void readsEveryTimeAsOffsetDateTimeParseReadsIt() {
        for (String text : List.of(
                "2026-12-06T09:30:15+09:00",
                "2026-12-06T00:00:00Z",
                "2024-02-29T23:59:59.5-03:30",
                "2026-12-06T09:30:15.123456789+09:00",
                "2026-12-06T09:30:15.000001+00:00",
                "0000-01-01T00:00:00-00:00",
                "2026-12-06T09:30:15+18:00",
                "2026-12-06t09:30:15+09:00",
                "2026-12-06T09:30:15+09:00:30",
                "+12026-12-06T09:30:15Z",
                "2026-12-06T09:30+09:00")) {
            assertThat(IsoTimes.offsetDateTime(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
        }
    }

    @Test
    void refusesWhatOffsetDateTimeParseRefusesWithItsException() {
        for (String text : List.of(
                "2025-02-29T09:30:15+09:00",
                "2026-13-06T09:30:15+09:00",
                "2026-12-32T09:30:15+09:00",
                "2026-04-31T09:30:15+09:00",
                "2026-12-06T24:00:00+09:00",
                "2026-12-06T09:60:15+09:00",
                "2026-12-06T09:30:60+09:00",
                "2026-12-06T09:30:15.1234567891+09:00",
                "2026-12-06T09:30:15+19:00",
                "2026-12-06T09:30:15+09:60",
                "2026-12-06T09:30:15",
                "2026-12-06 09:30:15+09:00",
                "２０２６-12-06T09:30:15+09:00",
                "2026-12-06T09:30:15+09:00 ",
                "")) {
            assertThatThrownBy(() -> IsoTimes.offsetDateTime(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void agreesWithOffsetDateTimeParseOnRandomTextsNearTheForm() {
        Random random = new Random(20261206);
        String alphabet = "0123456789-T:.Z+-t 9";
        for (int i = 0; i < 20_000; i++) {
            char[] text = "2024-02-29T23:59:59.123+09:00".toCharArray();
            for (int changes = random.nextInt(3); changes >= 0; changes--) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String candidate = new String(text, 0, 19 + random.nextInt(text.length - 18));
            Object expected = result(() -> OffsetDateTime.parse(candidate));
            Object actual = result(() -> IsoTimes.offsetDateTime(candidate));
            assertThat(actual).as(candidate).isEqualTo(expected);
        }
    }

    private static Object result(java.util.function.Supplier<OffsetDateTime> parse) {
        try {
            return parse.get();
        } catch (DateTimeParseException e) {
            return DateTimeParseException.class;
        }
    }
}
