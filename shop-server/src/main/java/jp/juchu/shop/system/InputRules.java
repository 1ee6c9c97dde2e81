package jp.juchu.shop.system;

import java.util.regex.Pattern;

/**
 * The limits the shop server holds input to across modules, in one place (listed with the catalog's own
 * limits in {@code docs/security.md}): control characters, form list indexes, points and the years of a date.
 */
public final class InputRules {

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
