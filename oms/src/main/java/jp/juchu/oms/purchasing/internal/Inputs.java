package jp.juchu.oms.purchasing.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads what a person typed: text stripped and bounded, without control characters; numbers as integers
 * (full-width digits and thousands separators accepted) within bounds; dates as yyyy/MM/dd between 2000 and 2100.
 * Each problem is added to the list naming the field; the value is then null.
 */
public final class Inputs {

    private Inputs() {}

    public static String text(String value, String label, int max, boolean required, List<String> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                problems.add(label + ": 入力してください");
            }
            return null;
        }
        if (v.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)) {
            problems.add(label + ": 改行やタブなどの制御文字は使えません");
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            problems.add(label + ": " + max + "文字以内で入力してください");
            return null;
        }
        return v;
    }

    /** Text that may hold line breaks (a note printed on a document), but no other control characters. */
    public static String multiline(String value, String label, int max, List<String> problems) {
        String v = value == null
                ? ""
                : value.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.codePoints()
                .anyMatch(cp ->
                        cp != '\n' && (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT))) {
            problems.add(label + ": タブなどの制御文字は使えません");
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            problems.add(label + ": " + max + "文字以内で入力してください");
            return null;
        }
        if (v.chars().filter(c -> c == '\n').count() >= 10) {
            problems.add(label + ": 10行以内で入力してください");
            return null;
        }
        return v;
    }

    public static Long number(String value, String label, long min, long max, boolean required, List<String> problems) {
        String v = value == null
                ? ""
                : Normalizer.normalize(value, Normalizer.Form.NFKC).strip().replace(",", "");
        if (v.isEmpty()) {
            if (required) {
                problems.add(label + ": 入力してください");
            }
            return null;
        }
        if (!v.matches("-?[0-9]{1,12}")) {
            problems.add(label + ": " + String.format("%,d〜%,d", min, max) + " の整数で入力してください");
            return null;
        }
        long n = Long.parseLong(v);
        if (n < min || n > max) {
            problems.add(label + ": " + String.format("%,d〜%,d", min, max) + " の範囲で入力してください");
            return null;
        }
        return n;
    }

    public static LocalDate date(String value, String label, boolean required, List<String> problems) {
        String v = value == null
                ? ""
                : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        if (v.isEmpty()) {
            if (required) {
                problems.add(label + ": 入力してください");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(v.replace('/', '-'));
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                problems.add(label + ": 2000〜2100年の日付を入力してください");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(label + ": 日付を yyyy/MM/dd で入力してください");
            return null;
        }
    }

    public static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new PurchasingRefused(problems);
        }
    }
}
