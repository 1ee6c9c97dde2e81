package jp.juchu.oms.purchasing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Purchasing's days are Japan's: order dates, due dates, overdue. */
public final class JapanZone {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private JapanZone() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
