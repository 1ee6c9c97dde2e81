package jp.juchu.oms.stock.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.system.JapaneseCsv;
import jp.juchu.oms.system.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * 入出庫CSV: many movements in one file (Shift_JIS or UTF-8), checked whole first — every problem by line and column,
 * and nothing booked while there is one — then booked in one transaction through {@link StockMovements}, the same
 * rule as the form.
 */
@Service
public class MovementCsv {

    public static final long MAX_BYTES = 2L * 1024 * 1024;
    public static final int MAX_LINES = 5_000;
    static final int ERRORS_SHOWN = 100;

    public static final List<String> COLUMNS = List.of(
            StockMovements.TYPE,
            StockMovements.CODE,
            StockMovements.QUANTITY,
            StockMovements.REASON,
            StockMovements.NOTE,
            StockMovements.LOCATION);
    private static final List<String> REQUIRED =
            List.of(StockMovements.TYPE, StockMovements.CODE, StockMovements.QUANTITY, StockMovements.REASON);

    /**
     * What an upload did: the movements booked, or the problems (the first {@link #ERRORS_SHOWN}, and how many more)
     * that kept the whole file out.
     */
    public record Result(int lines, int booked, List<Long> reallocatedOrders, List<String> errors, int moreErrors) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Line(long number, Map<String, String> values) {}

    private final StockMovements movements;

    MovementCsv(StockMovements movements) {
        this.movements = movements;
    }

    /** The template: the header and one example line of each type. */
    public void template(Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        csv.printRecord(COLUMNS);
        csv.printRecord("入庫", "SKU-001", "10", "返品入庫", "", "");
        csv.printRecord("出庫", "SKU-001", "1", "破損", "落下による破損", "");
        csv.printRecord("在庫数指定", "SKU-002", "25", "初期在庫", "", "");
        csv.printRecord("棚移動", "SKU-003", "", "その他", "棚替え", "B-01-02");
        csv.flush();
    }

    /**
     * Checks the whole file, then books every line or none.
     *
     * @throws IllegalArgumentException in Japanese when the file itself cannot be read (too large, not CSV, no header)
     */
    public Result importFile(InputStreamSource file, long size, String actor) {
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException("ファイルが大きすぎます (" + (size / 1024) + " KB)。入出庫CSVは1ファイル "
                    + (MAX_BYTES / 1024 / 1024) + " MB までです。分割してからもう一度お試しください。何も取り込んでいません");
        }
        List<Line> lines = read(file);
        List<String> errors = new ArrayList<>();
        List<StockMovements.Checked> checked = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        for (Line line : lines) {
            Map<String, String> v = line.values();
            StockMovements.Outcome outcome = movements.check(new StockMovements.Request(
                    v.get(StockMovements.TYPE),
                    v.get(StockMovements.CODE),
                    v.get(StockMovements.QUANTITY),
                    v.get(StockMovements.REASON),
                    v.get(StockMovements.NOTE),
                    v.get(StockMovements.LOCATION)));
            outcome.problems().forEach(p -> errors.add(line.number() + "行目: " + p));
            if (outcome.checked() != null) {
                checked.add(outcome.checked());
                numbers.add(line.number());
            }
        }
        if (!errors.isEmpty()) {
            return refused(lines.size(), errors);
        }
        try {
            StockMovements.Result result = movements.book(checked, null, actor);
            return new Result(lines.size(), result.booked().size(), result.reallocatedOrders(), List.of(), 0);
        } catch (StockMovements.Refused refused) {
            return refused(lines.size(), List.of(numbers.get(refused.index()) + "行目: " + refused.problem()));
        }
    }

    private static Result refused(int lines, List<String> errors) {
        return new Result(
                lines,
                0,
                List.of(),
                List.copyOf(errors.subList(0, Math.min(errors.size(), ERRORS_SHOWN))),
                Math.max(0, errors.size() - ERRORS_SHOWN));
    }

    private static List<Line> read(InputStreamSource file) {
        List<Line> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        JapaneseCsv.each(file, record -> {
            if (header.isEmpty()) {
                for (String h : record) {
                    header.add(h.strip());
                }
                checkHeader(header);
                return;
            }
            if (blank(record)) {
                return;
            }
            if (lines.size() >= MAX_LINES) {
                throw new IllegalArgumentException(
                        "行数が多すぎます。入出庫CSVは1ファイル " + MAX_LINES + " 行までです。分割してからもう一度お試しください。何も取り込んでいません");
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (!header.get(i).isEmpty()) {
                    values.put(header.get(i), i < record.size() ? record.get(i) : "");
                }
            }
            lines.add(new Line(record.getRecordNumber(), values));
        });
        if (header.isEmpty()) {
            throw new IllegalArgumentException("ファイルが空です。1行目に見出し (" + String.join(",", COLUMNS) + ") が必要です");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("見出しの次の行からデータがありません。何も取り込んでいません");
        }
        return lines;
    }

    private static void checkHeader(List<String> header) {
        if (header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        List<String> missing =
                REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("1行目: 見出しに列「" + String.join("」「", missing) + "」がありません。入出庫CSVの見出しは "
                    + String.join(",", COLUMNS) + " です (テンプレートをダウンロードできます)");
        }
        for (String h : header) {
            if (!h.isEmpty() && !COLUMNS.contains(h)) {
                throw new IllegalArgumentException(
                        "1行目: 見出しの列「" + Text.printable(h) + "」は入出庫CSVにありません。使える列: " + String.join(",", COLUMNS));
            }
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
}
