package jp.juchu.oms.sales.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import jp.juchu.oms.sales.internal.Report;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

/**
 * A report in the language the user chose: the reports are built in Japanese, and in English every text of the
 * table, chart, notes and CSV headers is looked up in {@code messages/sales_en.properties} ({@code sales.term.*}:
 * whole texts first, then the longest fragments, so that a title such as {@code 2025年3月 日次売上 (受注日基準)}
 * becomes {@code 2025/3 Daily sales (by order date)}). Names the merchant typed (shops, products) and figures are left
 * as they are.
 */
@Component
class ReportLanguage {

    private static final String PREFIX = "sales.term.";
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})年(\\d{1,2})月");
    private static final Pattern HOUR = Pattern.compile("\\d{1,2}時台");
    private static final Pattern DAY = Pattern.compile("\\d{1,2}日");

    /** Japanese → English, longest Japanese first. */
    private final Map<String, String> terms;

    ReportLanguage() {
        this(load());
    }

    ReportLanguage(Map<String, String> terms) {
        Map<String, String> sorted = new LinkedHashMap<>();
        terms.entrySet().stream()
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, String> e) -> -e.getKey().length())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        this.terms = sorted;
    }

    private static Map<String, String> load() {
        try {
            Properties english = PropertiesLoaderUtils.loadProperties(
                    new EncodedResource(new ClassPathResource("messages/sales_en.properties"), "UTF-8"));
            Map<String, String> terms = new LinkedHashMap<>();
            english.stringPropertyNames().stream()
                    .filter(k -> k.startsWith(PREFIX))
                    .forEach(k -> terms.put(k.substring(PREFIX.length()), english.getProperty(k)));
            return terms;
        } catch (IOException e) {
            throw new UncheckedIOException("messages/sales_en.properties", e);
        }
    }

    Report in(Report report, Locale locale) {
        if (!"en".equals(locale.getLanguage())) {
            return report;
        }
        List<Report.Column> columns = report.columns().stream()
                .map(c -> new Report.Column(cell(c.label()), c.kind()))
                .toList();
        List<List<Object>> rows = report.rows().stream().map(this::cells).toList();
        List<Report.Series> series = report.chart().series().stream()
                .map(s -> new Report.Series(
                        text(s.name()), s.type(), s.stack() == null ? null : text(s.stack()), s.values()))
                .toList();
        Report.Chart chart = new Report.Chart(
                report.chart().type(),
                text(report.chart().yAxis()),
                report.chart().categories().stream().map(this::cell).toList(),
                series);
        return new Report(
                report.key(),
                text(report.title()),
                columns,
                rows,
                report.totals() == null ? null : cells(report.totals()),
                chart,
                report.notes().stream().map(this::text).toList());
    }

    private List<Object> cells(List<Object> row) {
        List<Object> translated = new ArrayList<>(row.size());
        for (Object cell : row) {
            translated.add(cell instanceof String s ? cell(s) : cell);
        }
        return translated;
    }

    /**
     * A cell, a column or a category: its English only when the whole text is a known term (合計, 月曜日, 3日, 10時台);
     * anything else — a shop's, a product's or a prefecture's name — as it is.
     */
    String cell(String japanese) {
        if (japanese == null || japanese.isEmpty()) {
            return japanese;
        }
        String whole = terms.get(japanese);
        if (whole != null) {
            return whole;
        }
        if (HOUR.matcher(japanese).matches()) {
            return japanese.substring(0, japanese.length() - 2) + ":00";
        }
        if (DAY.matcher(japanese).matches()) {
            return japanese.substring(0, japanese.length() - 1);
        }
        return japanese;
    }

    /** A title, a note, a series: the whole text's English if there is one, else each known fragment in English. */
    String text(String japanese) {
        if (japanese == null || japanese.isEmpty()) {
            return japanese;
        }
        String whole = terms.get(japanese);
        if (whole != null) {
            return whole;
        }
        String text = YEAR_MONTH.matcher(japanese).replaceAll("$1/$2");
        for (Map.Entry<String, String> term : terms.entrySet()) {
            // single characters (weekdays, 円) only as whole texts: as fragments they would eat names
            if (term.getKey().length() > 1 && text.contains(term.getKey())) {
                text = text.replace(term.getKey(), term.getValue());
            }
        }
        return text;
    }
}
