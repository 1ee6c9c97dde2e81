package jp.juchu.support.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Formats times for pages in Japan time. The database driver hands back timestamps in UTC, so a page
 * formatting them as they come would show UTC; templates call {@code ${@jst.format(time, 'yyyy/MM/dd HH:mm')}}.
 */
public class JapanTime {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    public String format(TemporalAccessor time, String pattern) {
        if (time == null) {
            return "";
        }
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern);
        if (time instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(TOKYO).format(formatter);
        }
        if (time instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(TOKYO).format(formatter);
        }
        if (time instanceof Instant instant) {
            return instant.atZone(TOKYO).format(formatter);
        }
        return formatter.format(time);
    }
}
