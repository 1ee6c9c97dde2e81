package jp.juchu.oms.products.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.products.internal.ProductCsv.Kind;
import jp.juchu.oms.system.JapaneseCsv;
import jp.juchu.oms.system.Text;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.InputStreamSource;

/**
 * A product CSV file read into its lines by column name: the header checked against the kind's columns (a BOM
 * allowed, no column missing, unknown or twice), blank lines left out, at most {@link ProductCsv#MAX_LINES} lines.
 */
final class ProductCsvLines {

    private ProductCsvLines() {}

    /** A line of the file by its column names, with its line number. */
    record Line(long number, Map<String, String> values) {

        String get(String column) {
            String v = values.get(column);
            return v == null ? null : v.strip();
        }

        boolean has(String column) {
            return values.containsKey(column);
        }
    }

    /**
     * The file's lines, blank ones left out.
     *
     * @throws IllegalArgumentException (in Japanese) for a file that is empty, too long or not of this kind
     */
    static List<Line> read(Kind kind, InputStreamSource file) {
        List<Line> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        JapaneseCsv.each(file, record -> {
            if (header.isEmpty()) {
                for (String h : record) {
                    header.add(h.strip());
                }
                checkHeader(kind, header);
                return;
            }
            if (lines.size() >= ProductCsv.MAX_LINES) {
                throw new IllegalArgumentException(
                        "行数が多すぎます。1ファイル " + ProductCsv.MAX_LINES + " 行までです。分割してからもう一度お試しください。何も取り込んでいません");
            }
            if (blank(record)) {
                return;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size() && i < record.size(); i++) {
                if (!header.get(i).isEmpty()) {
                    values.put(header.get(i), record.get(i));
                }
            }
            for (int i = 0; i < header.size(); i++) {
                if (!header.get(i).isEmpty() && i >= record.size()) {
                    values.put(header.get(i), "");
                }
            }
            lines.add(new Line(record.getRecordNumber(), values));
        });
        if (header.isEmpty()) {
            throw new IllegalArgumentException("ファイルが空です。1行目に見出し (" + String.join(",", kind.columns()) + ") が必要です");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("見出しの次の行からデータがありません。何も取り込んでいません");
        }
        return lines;
    }

    private static void checkHeader(Kind kind, List<String> header) {
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        List<String> missing =
                kind.required().stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("1行目: 見出しに列「" + String.join("」「", missing) + "」がありません。" + kind.label()
                    + "のCSVの見出しは " + String.join(",", kind.columns()) + " です");
        }
        List<String> unknown = header.stream()
                .filter(h -> !h.isEmpty() && !kind.columns().contains(h))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("1行目: 見出しの列「" + Text.printable(String.join("」「", unknown)) + "」は"
                    + kind.label() + "のCSVにありません。使える列: " + String.join(",", kind.columns()));
        }
        for (String h : header) {
            if (!h.isEmpty() && header.indexOf(h) != header.lastIndexOf(h)) {
                throw new IllegalArgumentException("1行目: 見出しの列「" + h + "」が2回あります");
            }
        }
    }

    private static boolean blank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** An error of a line as uploads show them: "N行目: 列: 理由". */
    static void error(List<String> errors, long line, String column, String message) {
        errors.add(line + "行目: " + (column == null ? "" : column + ": ") + message);
    }

    // ---- a line's cells: a column the file leaves out keeps the base value

    static String text(Line line, String column, String base) {
        return line.has(column) ? line.get(column) : base;
    }

    static Long number(Line line, String column, Long base, List<String> errors) {
        if (!line.has(column) || line.get(column).isEmpty()) {
            return base;
        }
        String v = line.get(column).replace(",", "").replace("円", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            error(errors, line.number(), column, "数ではありません: " + Text.printable(line.get(column)));
            return base;
        }
    }

    static Integer integer(Line line, String column, Integer base, List<String> errors) {
        Long v = number(line, column, base == null ? null : base.longValue(), errors);
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            error(errors, line.number(), column, "値が大きすぎます: " + v);
            return base;
        }
        return v.intValue();
    }

    static Boolean flag(Line line, String column, Boolean base, List<String> errors) {
        if (!line.has(column) || line.get(column).isEmpty()) {
            return base;
        }
        return switch (line.get(column)) {
            case "1", "はい", "true", "TRUE", "○" -> true;
            case "0", "いいえ", "false", "FALSE" -> false;
            default -> {
                error(errors, line.number(), column, "1 (はい) か 0 (いいえ) を入力してください: " + Text.printable(line.get(column)));
                yield base;
            }
        };
    }

    static LocalDate date(Line line, String column, LocalDate base, List<String> errors) {
        if (!line.has(column)) {
            return base;
        }
        String v = line.get(column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v.replace('-', '/'), DateTimeFormatter.ofPattern("uuuu/M/d"));
        } catch (DateTimeParseException e) {
            error(errors, line.number(), column, "日付は yyyy/MM/dd で入力してください: " + Text.printable(v));
            return base;
        }
    }
}
