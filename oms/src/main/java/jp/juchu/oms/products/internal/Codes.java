package jp.juchu.oms.products.internal;

/** The shape of a product code (商品コード): SKU and set codes alike, up to 30 of {@code A-Z a-z 0-9 _ -}. */
public final class Codes {

    public static final String PATTERN = "[A-Za-z0-9_-]{1,30}";

    private Codes() {}

    public static boolean valid(String code) {
        return code != null && code.matches(PATTERN);
    }
}
