package jp.juchu.shop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class DateTimeTextTests {

    @Test
    void aDateTimeIsWrittenExactlyAsJacksonWritesItWhateverItsOffsetFractionAndYear() {
        List<OffsetDateTime> values = new ArrayList<>(List.of(
                OffsetDateTime.of(2026, 12, 6, 10, 15, 30, 0, ZoneOffset.ofHours(9)),
                OffsetDateTime.of(2026, 12, 31, 15, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 500_000_000, ZoneOffset.ofHoursMinutes(-3, -30)),
                OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.ofHoursMinutesSeconds(1, 2, 3)),
                OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 1, ZoneOffset.ofHours(14)),
                OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 120_000, ZoneOffset.ofHours(9)),
                OffsetDateTime.of(9999, 12, 31, 14, 59, 59, 0, ZoneOffset.UTC),
                OffsetDateTime.of(9999, 12, 31, 15, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(-5, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            values.add(OffsetDateTime.of(
                    1900 + random.nextInt(200),
                    1 + random.nextInt(12),
                    1 + random.nextInt(28),
                    random.nextInt(24),
                    random.nextInt(60),
                    random.nextInt(60),
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000) / (int) Math.pow(10, random.nextInt(9)),
                    ZoneOffset.ofTotalSeconds((random.nextInt(28 * 4) - 14 * 4) * 900)));
        }
        SimpleModule module = new SimpleModule().addSerializer(OffsetDateTime.class, new DateTimeText());
        // as the shop's mapper is configured (spring.jackson.time-zone), and without a time zone of its own
        for (JsonMapper.Builder builder : List.of(
                JsonMapper.builder().defaultTimeZone(TimeZone.getTimeZone("Asia/Tokyo")), JsonMapper.builder())) {
            JsonMapper jackson = builder.build();
            JsonMapper ours = jackson.rebuild().addModule(module).build();
            for (OffsetDateTime value : values) {
                assertThat(ours.writeValueAsString(value))
                        .as(value.toString())
                        .isEqualTo(jackson.writeValueAsString(value));
            }
        }
    }
}
