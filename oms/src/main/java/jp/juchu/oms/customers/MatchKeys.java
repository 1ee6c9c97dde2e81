package jp.juchu.oms.customers;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalized keys one customer is recognised by across orders and shops. NFKC first, so full-width
 * digits, letters and hyphens (０３－１２３４, ＴＡＲＯ＠…) match their half-width forms.
 */
record MatchKeys(String email, String phone, String name) {

    static MatchKeys of(String name, String email, String phone) {
        return new MatchKeys(emailKey(email), phoneKey(phone), nameKey(name));
    }

    static String emailKey(String email) {
        String key = nfkc(email).strip().toLowerCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }

    static String phoneKey(String phone) {
        String key = nfkc(phone).replaceAll("[^0-9]", "");
        return key.isEmpty() ? null : key;
    }

    /** Without any spaces: 「山田 太郎」「山田　太郎」「山田太郎」 are one name. */
    static String nameKey(String name) {
        return nfkc(name).replaceAll("\\s+", "");
    }

    private static String nfkc(String value) {
        return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC);
    }
}
