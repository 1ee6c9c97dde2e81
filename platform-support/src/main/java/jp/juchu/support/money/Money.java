package jp.juchu.support.money;

import java.text.NumberFormat;
import java.util.Locale;

/** Money as Japanese pages and messages write it: integer yen with thousands separators, 1,234円. */
public final class Money {

    private Money() {}

    public static String yen(long amount) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount) + "円";
    }

    public static String yen(Long amount) {
        return amount == null ? "" : yen(amount.longValue());
    }
}
