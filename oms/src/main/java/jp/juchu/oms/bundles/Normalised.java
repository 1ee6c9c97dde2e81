package jp.juchu.oms.bundles;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as 同梱 compares it: NFKC (full / half width), no spaces, one hyphen for its look-alikes, 丁目・番地・号 and 「の」
 * between numbers as hyphens, kanji numerals before 丁目 as digits, and the common variant kanji of names and places
 * as their usual form — the one table, so that every comparison agrees.
 */
final class Normalised {

    /** Variant kanji (異体字) written either way in names and addresses, and their usual form. */
    static final Map<Character, Character> VARIANTS = Map.ofEntries(
            Map.entry('﨑', '崎'),
            Map.entry('嵜', '崎'),
            Map.entry('髙', '高'),
            Map.entry('邊', '辺'),
            Map.entry('邉', '辺'),
            Map.entry('齋', '斎'),
            Map.entry('齊', '斉'),
            Map.entry('濵', '浜'),
            Map.entry('濱', '浜'),
            Map.entry('德', '徳'),
            Map.entry('桒', '桑'),
            Map.entry('栁', '柳'),
            Map.entry('廣', '広'),
            Map.entry('澤', '沢'),
            Map.entry('國', '国'),
            Map.entry('冨', '富'),
            Map.entry('槇', '槙'),
            Map.entry('眞', '真'),
            Map.entry('條', '条'),
            Map.entry('藪', '薮'),
            Map.entry('﨔', '欅'),
            Map.entry('ヶ', 'ケ'),
            Map.entry('ヵ', 'カ'),
            Map.entry('ゞ', 'ゝ'));

    /** Dashes and minus signs that stand for a hyphen in an address. */
    private static final Pattern DASHES = Pattern.compile("[‐‑‒–—―−─━﹣➖]");

    /** The long-vowel mark after a digit: "1ー2" is "1-2". */
    private static final Pattern LONG_MARK_AFTER_DIGIT = Pattern.compile("(?<=\\d)[ーｰ]");

    private static final Pattern KANJI_CHOME = Pattern.compile("([一二三四五六七八九十]+)丁目");
    private static final Pattern CHOME = Pattern.compile("(\\d+)(?:丁目|番地|番|の)(?=\\d)");
    private static final Pattern TRAILING = Pattern.compile("(\\d+)(?:丁目|番地|番|号)");
    private static final Pattern HYPHENS = Pattern.compile("-{2,}");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");

    private Normalised() {}

    static String text(String value) {
        if (value == null) {
            return "";
        }
        String s = Normalizer.normalize(value, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(VARIANTS.getOrDefault(c, c));
        }
        s = SPACES.matcher(out).replaceAll("");
        s = DASHES.matcher(s).replaceAll("-");
        s = LONG_MARK_AFTER_DIGIT.matcher(s).replaceAll("-");
        s = kanjiChome(s);
        s = CHOME.matcher(s).replaceAll("$1-");
        s = TRAILING.matcher(s).replaceAll("$1");
        s = HYPHENS.matcher(s).replaceAll("-");
        return s.toLowerCase(Locale.ROOT);
    }

    /** 三丁目 → 3丁目, 十二丁目 → 12丁目 (up to 99). */
    private static String kanjiChome(String s) {
        Matcher m = KANJI_CHOME.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = kanjiNumber(m.group(1));
            m.appendReplacement(out, n < 0 ? m.group() : n + "丁目");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int kanjiNumber(String k) {
        String digits = "〇一二三四五六七八九";
        int ten = k.indexOf('十');
        if (ten < 0) {
            return k.length() == 1 ? digits.indexOf(k.charAt(0)) : -1;
        }
        if (k.length() > 3 || k.indexOf('十', ten + 1) >= 0) {
            return -1;
        }
        int tens = ten == 0 ? 1 : digits.indexOf(k.charAt(0));
        int ones = ten == k.length() - 1 ? 0 : digits.indexOf(k.charAt(ten + 1));
        return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
    }
}
