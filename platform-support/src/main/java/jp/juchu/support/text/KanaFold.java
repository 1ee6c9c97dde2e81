package jp.juchu.support.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds Japanese text for search the way the OMS's {@code oms_fold} SQL function folds its keyword column: NFKC
 * (half-width kana to full-width, full-width digits and letters to ASCII), katakana to hiragana, lower case, no
 * spaces — so that 「ﾔﾏﾀﾞ」, 「ヤマダ」 and 「やまだ」 find each other, as do 「０９０」 and 「090」.
 */
public final class KanaFold {

    private KanaFold() {}

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder folded = new StringBuilder(normalized.length());
        normalized.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || cp == '\u3000') {
                return;
            }
            folded.appendCodePoint(cp >= 0x30A1 && cp <= 0x30F6 ? cp - 0x60 : cp);
        });
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}
