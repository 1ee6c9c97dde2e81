package jp.juchu.oms.products.internal;

/** A word typed into a search box, made safe for {@code like}: its {@code \ % _} match themselves. */
final class Searches {

    private Searches() {}

    static String escape(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
