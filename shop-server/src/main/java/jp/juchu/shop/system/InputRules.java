package jp.juchu.shop.system;

import java.util.regex.Pattern;

/**
 * The limits every path of the shop server holds input to, in one place (listed in {@code docs/security.md}):
 * forms, the storefront, the platform API and the demo data all validate against these numbers.
 */
public final class InputRules {

    /** Yen amounts: prices, fees, totals and discounts are at most 99,999,999円 (an order total stays in a long). */
    public static final long MAX_YEN = 99_999_999L;

    /** Units of one line of an order or a cart, and of a product's stock. */
    public static final int MAX_QUANTITY = 9_999;

    /** Points a member holds or one operation moves. */
    public static final long MAX_POINTS = 9_999_999L;

    /** The highest index a form list may have (destinations, cart lines, variation axes). */
    public static final int MAX_LIST_INDEX = 99;

    /** Dates a person enters (delivery dates, shipped dates) lie in these years. */
    public static final int MIN_YEAR = 2000;

    public static final int MAX_YEAR = 2099;

    /**
     * C0 and C1 control characters and DEL, except tab, line feed and carriage return (text areas
     * send those). PostgreSQL cannot store NUL at all; the rest have no place in a name or an address.
     */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

    private InputRules() {}

    public static boolean hasControlCharacters(String text) {
        return text != null && CONTROL.matcher(text).find();
    }
}
