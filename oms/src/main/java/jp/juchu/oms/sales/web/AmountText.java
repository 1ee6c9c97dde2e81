package jp.juchu.oms.sales.web;

import java.math.BigDecimal;
import java.text.Normalizer;

/**
 * Amounts as people type them into the settings: full-width digits, commas, 円 and % are fine; anything else, a
 * negative amount or one past the limit gets a Japanese sentence naming the field.
 */
final class AmountText {

    private AmountText() {}

    /** Yen from 0 to {@code max}; blank gives null. */
    static Long yen(String label, String text, long max) {
        String t = clean(text, "円");
        if (t.isEmpty()) {
            return null;
        }
        if (!t.matches("\\d{1,12}")) {
            throw new IllegalArgumentException(label + ": 0以上の整数 (円) で入力してください");
        }
        long value = Long.parseLong(t);
        if (value > max) {
            throw new IllegalArgumentException(label + ": " + String.format("%,d", max) + "円以下で入力してください");
        }
        return value;
    }

    /** A percentage from 0 to 100 with at most two decimals, as hundredths of a percent (3.5 → 350). */
    static int basisPoints(String label, String text) {
        String t = clean(text, "%");
        if (t.isEmpty()) {
            return 0;
        }
        if (!t.matches("\\d{1,3}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException(label + ": 0〜100 の数 (小数は2桁まで) で入力してください");
        }
        BigDecimal value = new BigDecimal(t);
        if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(label + ": 100% 以下で入力してください");
        }
        return value.movePointRight(2).intValueExact();
    }

    /** Hundredths of a percent as the settings page shows them: 350 → 3.5. */
    static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints)
                .movePointLeft(2)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String clean(String text, String unit) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace(",", "")
                .replace(unit, "")
                .strip();
    }
}
