package jp.juchu.support.time;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * Reads an ISO-8601 date-time with its offset ({@code 2026-12-06T09:30:15+09:00}) as {@link OffsetDateTime#parse}
 * does, the usual form without its formatter. A shop's orders carry two or three such times each; with the client
 * compiler the formatter took about 5 µs and 2 KB of garbage a time (docs/benchmarks.md, 2026-12-06, seventh).
 * Anything but the plain form, well within its ranges (a lower-case {@code t}, an offset with seconds, a year of
 * more than four digits, a bad day), is read by {@link OffsetDateTime#parse} itself, so the result and the
 * exception are always its own.
 */
public final class IsoTimes {

    private IsoTimes() {}

    /**
     * @throws java.time.format.DateTimeParseException as {@link OffsetDateTime#parse} throws it
     */
    public static OffsetDateTime offsetDateTime(String text) {
        OffsetDateTime plain = plain(text);
        return plain != null ? plain : OffsetDateTime.parse(text);
    }

    /** {@code uuuu-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)} within its ranges, or null. */
    private static OffsetDateTime plain(String t) {
        int length = t.length();
        if (length < 20
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        if (day > 28 && day > java.time.Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (t.charAt(at) == '.') {
            int first = ++at;
            while (at < length && at - first < 9 && isDigit(t.charAt(at))) {
                nanos = nanos * 10 + (t.charAt(at++) - '0');
            }
            if (at == first || (at < length && isDigit(t.charAt(at)))) {
                return null;
            }
            for (int place = at - first; place < 9; place++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (at == length - 1 && t.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (at == length - 6 && (t.charAt(at) == '+' || t.charAt(at) == '-') && t.charAt(at + 3) == ':') {
            int hours = digits(t, at + 1, 2);
            int minutes = digits(t, at + 4, 2);
            if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
                return null;
            }
            int seconds = (hours * 60 + minutes) * 60;
            offset = ZoneOffset.ofTotalSeconds(t.charAt(at) == '-' ? -seconds : seconds);
        } else {
            return null;
        }
        return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
    }

    /** The number the {@code count} ASCII digits at {@code from} make, or -1. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
