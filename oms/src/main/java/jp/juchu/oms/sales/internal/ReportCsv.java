package jp.juchu.oms.sales.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.system.JapaneseCsv;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as CSV: the table's header, its rows and its totals row, figures as plain numbers (yen and counts as
 * integers, percentages with one decimal), text neutralised so that no cell runs as a formula.
 */
public final class ReportCsv {

    private ReportCsv() {}

    /**
     * @throws IllegalArgumentException when the report has text Shift_JIS cannot hold (the message names it)
     */
    public static void write(Report report, boolean utf8, OutputStream out) throws IOException {
        if (!utf8) {
            CharsetEncoder encoder = JapaneseCsv.WINDOWS_31J.newEncoder();
            for (List<Object> row : report.rows()) {
                for (Object cell : row) {
                    if (cell instanceof String s && !encoder.canEncode(s)) {
                        throw new IllegalArgumentException("Shift_JIS で書き出せない文字があります (" + s + ")。UTF-8 で書き出してください");
                    }
                }
            }
        }
        CSVPrinter csv = JapaneseCsv.printer(out, utf8);
        csv.printRecord(report.columns().stream()
                .map(c -> JapaneseCsv.neutralised(c.label()))
                .toList());
        for (List<Object> row : report.rows()) {
            csv.printRecord(cells(report, row));
        }
        if (report.totals() != null) {
            csv.printRecord(cells(report, report.totals()));
        }
        csv.flush();
    }

    private static List<String> cells(Report report, List<Object> row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            cells.add(cell(report.columns().get(i).kind(), row.get(i)));
        }
        return cells;
    }

    static String cell(Report.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.1f", d);
        }
        if (value instanceof Number n) {
            return String.valueOf(n.longValue());
        }
        return JapaneseCsv.neutralised(value.toString());
    }
}
