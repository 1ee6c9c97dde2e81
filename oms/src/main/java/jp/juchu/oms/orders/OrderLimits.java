package jp.juchu.oms.orders;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import jp.juchu.oms.system.Text;

/**
 * The bounds of an order, in one place for every path that makes or changes one (受注登録, the edit form, the
 * CSV import): text no longer than its column, amounts no larger than a shop could mean (so no sum of them can
 * overflow), dates in a plausible range, an e-mail address that is one. docs/security.md lists them.
 */
public final class OrderLimits {

    public static final int NAME = 200;
    public static final int KANA = 200;
    public static final int EMAIL = 254;
    public static final int ADDRESS = 400;
    public static final int ITEM_CODE = 100;
    public static final int ITEM_NAME = 400;
    public static final int ORDER_NUMBER = 64;
    public static final int TIME_SLOT = 20;
    public static final int REMARKS = 10_000;

    /** The internal memo (社内メモ): what the edit form takes, and what automatic appends stop at. */
    public static final int MEMO = 2_000;

    /** A unit price, fee or discount: under 1億円. */
    public static final long MAX_YEN = 99_999_999L;

    /** Points used on one order. */
    public static final long MAX_POINTS = 99_999_999L;

    public static final int MAX_QUANTITY = 9_999;

    /** Product lines on one order (the largest sum is 100 × 9,999 × 99,999,999円, far inside a long). */
    public static final int MAX_LINES = 100;

    /** The earliest order or delivery date the OMS takes. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private static final Pattern EMAIL_FORMAT =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private OrderLimits() {}

    /** An order placed between 2000/01/01 and tomorrow (Japan time). */
    public static boolean plausibleOrderDate(LocalDate date, LocalDate today) {
        return !date.isBefore(EARLIEST) && !date.isAfter(today.plusDays(1));
    }

    /** A delivery date between 2000/01/01 and a year from today. */
    public static boolean plausibleDeliveryDate(LocalDate date, LocalDate today) {
        return !date.isBefore(EARLIEST) && !date.isAfter(today.plusYears(1));
    }

    /**
     * A well-formed address: a local part (dots as Japanese mobile carriers allow them), {@code @}, a domain with a
     * dot; at most 254 characters.
     */
    public static boolean isEmail(String text) {
        return text != null
                && text.length() <= EMAIL
                && EMAIL_FORMAT.matcher(text).matches();
    }

    public static boolean isYen(long amount) {
        return amount >= 0 && amount <= MAX_YEN;
    }

    /**
     * The problem with one line of text, or none: a control character or line break when it must be one line, more
     * characters than its column holds.
     */
    public static List<String> textProblems(String label, String value, int max, boolean oneLine) {
        if (value == null) {
            return List.of();
        }
        if (oneLine ? Text.hasLineBreakOrControl(value) : Text.hasControlCharacter(value)) {
            return List.of(label + ": " + (oneLine ? "改行や制御文字は使えません" : "制御文字は使えません"));
        }
        if (value.length() > max) {
            return List.of(label + ": " + String.format("%,d", max) + "文字以内で入力してください (" + value.length() + "文字)");
        }
        return List.of();
    }
}
