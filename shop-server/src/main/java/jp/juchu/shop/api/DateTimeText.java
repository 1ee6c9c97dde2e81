package jp.juchu.shop.api;

import java.time.OffsetDateTime;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ext.javatime.ser.OffsetDateTimeSerializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A date-time written as Jackson writes it (ISO-8601 in the mapper's time zone, {@code 2026-12-06T10:15:30+09:00},
 * a fraction only when there is one, without its trailing zeros), composed digit by digit: the order API writes a
 * few of them for every order of a page, and Jackson's formatter took a tenth of the shop server's time serving
 * an import. Anything but the ordinary case (dates as numbers, years of other than four digits, no time zone of the
 * mapper's own) is left to Jackson's serializer.
 */
final class DateTimeText extends StdSerializer<OffsetDateTime> {

    DateTimeText() {
        super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext ctxt) {
        if (ctxt.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                || ctxt.isEnabled(DateTimeFeature.TRUNCATE_TO_MSECS_ON_WRITE)
                || !ctxt.getConfig().hasExplicitTimeZone()
                || !ctxt.isEnabled(DateTimeFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)) {
            OffsetDateTimeSerializer.INSTANCE.serialize(value, gen, ctxt);
            return;
        }
        OffsetDateTime at =
                value.atZoneSameInstant(ctxt.getTimeZone().toZoneId()).toOffsetDateTime();
        if (at.getYear() < 0 || at.getYear() > 9999) {
            OffsetDateTimeSerializer.INSTANCE.serialize(value, gen, ctxt);
            return;
        }
        char[] text = new char[35];
        int n = digits(text, 0, at.getYear(), 4);
        text[n++] = '-';
        n = digits(text, n, at.getMonthValue(), 2);
        text[n++] = '-';
        n = digits(text, n, at.getDayOfMonth(), 2);
        text[n++] = 'T';
        n = digits(text, n, at.getHour(), 2);
        text[n++] = ':';
        n = digits(text, n, at.getMinute(), 2);
        text[n++] = ':';
        n = digits(text, n, at.getSecond(), 2);
        int nanos = at.getNano();
        if (nanos != 0) {
            text[n++] = '.';
            for (int unit = 100_000_000; nanos != 0; unit /= 10) {
                text[n++] = (char) ('0' + nanos / unit);
                nanos %= unit;
            }
        }
        String offset = at.getOffset().getId();
        offset.getChars(0, offset.length(), text, n);
        gen.writeString(text, 0, n + offset.length());
    }

    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
