package jp.juchu.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JapanTimeTests {

    private final JapanTime jst = new JapanTime();

    @Test
    void aTimestampInUtcIsShownInJapanTime() {
        OffsetDateTime utc = OffsetDateTime.of(2026, 11, 28, 20, 54, 43, 0, ZoneOffset.UTC);
        assertThat(jst.format(utc, "yyyy/MM/dd HH:mm:ss")).isEqualTo("2026/11/29 05:54:43");
    }

    @Test
    void aDateIsShownAsItIsAndNothingAsBlank() {
        assertThat(jst.format(LocalDate.of(2026, 12, 1), "yyyy/MM/dd")).isEqualTo("2026/12/01");
        assertThat(jst.format(null, "yyyy/MM/dd")).isEmpty();
    }
}
