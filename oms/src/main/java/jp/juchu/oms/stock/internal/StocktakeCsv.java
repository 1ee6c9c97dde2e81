package jp.juchu.oms.stock.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.system.JapaneseCsv;
import jp.juchu.oms.system.Text;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * A stocktake sheet as CSV: downloaded to count on paper or in a spreadsheet (and, once applied, with its
 * differences and their value), uploaded with the 実数 column filled in. An upload is checked whole first — every
 * problem by line and column — and its counts are saved all or none.
 */
@Service
public class StocktakeCsv {

    public static final long MAX_BYTES = 5L * 1024 * 1024;
    static final String CODE = "商品コード";
    static final String COUNTED = "実数";
    public static final List<String> COLUMNS =
            List.of("棚番", CODE, "JANコード", "商品名", "帳簿数 (作成時)", COUNTED, "差異", "差異金額 (原価)");

    /** What an upload did: the counts saved, or the problems that kept the whole file out. */
    public record Result(int counted, List<String> errors, int moreErrors) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Stocktakes stocktakes;

    StocktakeCsv(Stocktakes stocktakes) {
        this.stocktakes = stocktakes;
    }

    public void export(long id, OutputStream out, boolean utf8) throws IOException {
        CSVPrinter csv = JapaneseCsv.printer(out, utf8);
        csv.printRecord(COLUMNS);
        for (Stocktakes.Line l : stocktakes.lines(id, null, false, Stocktakes.MAX_LINES)) {
            csv.printRecord(
                    JapaneseCsv.neutralised(l.shelfLocation()),
                    JapaneseCsv.neutralised(l.code()),
                    JapaneseCsv.neutralised(l.janCode()),
                    JapaneseCsv.neutralised(l.name()),
                    l.expected(),
                    l.counted() == null ? "" : l.counted(),
                    l.shownDifference() == null ? "" : l.shownDifference(),
                    l.differenceValue() == null ? "" : l.differenceValue());
        }
        csv.flush();
    }

    /**
     * Reads the counts of a filled-in sheet; a line with 実数 blank is skipped.
     *
     * @throws IllegalArgumentException in Japanese when the file cannot be read or the sheet is closed
     */
    public Result importFile(long id, InputStreamSource file, long size, String actor) {
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException("ファイルが大きすぎます (" + (size / 1024) + " KB)。棚卸CSVは1ファイル "
                    + (MAX_BYTES / 1024 / 1024) + " MB までです。何も取り込んでいません");
        }
        Map<String, Long> codes = stocktakes.codes(id);
        List<String> errors = new ArrayList<>();
        List<Stocktakes.Count> counts = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        List<String> header = new ArrayList<>();
        int[] lines = {0};
        JapaneseCsv.each(file, record -> {
            if (header.isEmpty()) {
                record.forEach(h -> header.add(h.strip()));
                if (header.get(0).startsWith("\uFEFF")) {
                    header.set(0, header.get(0).substring(1));
                }
                if (!header.contains(CODE) || !header.contains(COUNTED)) {
                    throw new IllegalArgumentException(
                            "1行目: 見出しに列「" + CODE + "」と「" + COUNTED + "」が必要です (棚卸表のCSVをダウンロードして使えます)");
                }
                return;
            }
            if (++lines[0] > Stocktakes.MAX_LINES) {
                throw new IllegalArgumentException("行数が多すぎます。棚卸CSVは " + Stocktakes.MAX_LINES + " 行までです。何も取り込んでいません");
            }
            long number = record.getRecordNumber();
            int ci = header.indexOf(CODE);
            int ni = header.indexOf(COUNTED);
            String code = ci < record.size() ? record.get(ci).strip() : "";
            String value = ni < record.size() ? record.get(ni).strip() : "";
            if (code.isEmpty() && value.isEmpty()) {
                return;
            }
            if (Text.hasLineBreakOrControl(code) || Text.hasLineBreakOrControl(value)) {
                errors.add(number + "行目: " + (Text.hasLineBreakOrControl(code) ? CODE : COUNTED) + ": 改行や制御文字は使えません");
                return;
            }
            Long productId = codes.get(code);
            if (productId == null) {
                errors.add(number + "行目: " + CODE + ": "
                        + (code.isEmpty() ? "入力してください" : Text.printable(code) + " はこの棚卸表にありません"));
                return;
            }
            if (seen.containsKey(code)) {
                errors.add(number + "行目: " + CODE + ": " + code + " が " + seen.get(code) + "行目にもあります");
                return;
            }
            seen.put(code, number);
            if (value.isEmpty()) {
                return;
            }
            List<StockMovements.Problem> problems = new ArrayList<>();
            int counted = StockMovements.quantity(value, 0, problems);
            if (!problems.isEmpty()) {
                errors.add(number + "行目: " + COUNTED + ": " + problems.get(0).message());
                return;
            }
            counts.add(new Stocktakes.Count(productId, counted));
        });
        if (header.isEmpty()) {
            throw new IllegalArgumentException("ファイルが空です。1行目に見出し (" + CODE + "," + COUNTED + " を含む) が必要です");
        }
        if (!errors.isEmpty()) {
            return new Result(
                    0,
                    List.copyOf(errors.subList(0, Math.min(errors.size(), MovementCsv.ERRORS_SHOWN))),
                    Math.max(0, errors.size() - MovementCsv.ERRORS_SHOWN));
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("実数の入った行がありません。何も取り込んでいません");
        }
        return new Result(stocktakes.countAll(id, counts, actor), List.of(), 0);
    }
}
