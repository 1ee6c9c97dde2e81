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

    /** Its digits only (a loop, not a pattern: it runs for every order of every imported page). */
    static String phoneKey(String phone) {
        String normalized = nfkc(phone);
        StringBuilder key = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c >= '0' && c <= '9') {
                key.append(c);
            }
        }
        return key.isEmpty() ? null : key.toString();
    }

    /** Without any spaces: 「山田 太郎」「山田　太郎」「山田太郎」 are one name (NFKC makes the wide space a space). */
    static String nameKey(String name) {
        String normalized = nfkc(name);
        StringBuilder key = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            // what \s matches
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static String nfkc(String value) {
        return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC);
    }
}
