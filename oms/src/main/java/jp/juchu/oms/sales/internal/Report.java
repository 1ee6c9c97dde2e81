package jp.juchu.oms.sales.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One report as every output shows it: the table (columns, rows, a totals row), the chart drawn from the same
 * figures, and notes. The page, the CSV and the chart all read this, so they never disagree.
 */
public record Report(
        String key,
        String title,
        List<Column> columns,
        List<List<Object>> rows,
        List<Object> totals,
        Chart chart,
        List<String> notes) {

    public Report {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        totals = totals == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(totals));
        notes = List.copyOf(notes);
    }

    /** What a column holds: text, yen, a count, or a percentage with one decimal. */
    public enum Kind {
        TEXT,
        YEN,
        COUNT,
        PERCENT
    }

    public record Column(String label, Kind kind) {

        public static Column text(String label) {
            return new Column(label, Kind.TEXT);
        }

        public static Column yen(String label) {
            return new Column(label, Kind.YEN);
        }

        public static Column count(String label) {
            return new Column(label, Kind.COUNT);
        }

        public static Column percent(String label) {
            return new Column(label, Kind.PERCENT);
        }
    }

    /**
     * @param type bar, pie or line
     * @param categories the x axis (or the pie's slices)
     */
    public record Chart(String type, String yAxis, List<String> categories, List<Series> series) {

        public Chart {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
        }
    }

    /**
     * @param type bar or line
     * @param stack bars of one stack are drawn on top of each other; null for none
     */
    public record Series(String name, String type, String stack, List<Number> values) {

        public Series {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** A percentage with one decimal, or null when the base is zero: {@code percent(1, 3)} is 33.3. */
    public static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
