package jp.juchu.oms.documents;

import java.time.temporal.TemporalAccessor;
import jp.juchu.support.time.JapanTime;

/** Dates on documents as yyyy/MM/dd, in Japan time. */
final class Formats {

    private static final JapanTime JAPAN_TIME = new JapanTime();

    private Formats() {}

    static String date(TemporalAccessor time) {
        return time == null ? "" : JAPAN_TIME.format(time, "yyyy/MM/dd");
    }
}
