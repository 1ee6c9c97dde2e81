package jp.juchu.shop.system;

/** Search text made into a SQL {@code LIKE} pattern, with the pattern's own characters ({@code \ % _}) escaped. */
public final class Like {

    private Like() {}

    /** Rows containing the text. */
    public static String containing(String text) {
        return "%" + escape(text.strip()) + "%";
    }

    /** Rows containing the text with its spaces (half- and full-width) left out, for names written with or without. */
    public static String containingWithoutSpaces(String text) {
        return containing(text.replace(" ", "").replace("　", ""));
    }

    /** Rows starting with the text. */
    public static String startingWith(String text) {
        return escape(text) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
