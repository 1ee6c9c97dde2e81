package jp.juchu.oms.sales.internal;

import static jp.juchu.oms.sales.internal.Report.percent;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports read from the daily rollup: 日次 (a month by day), 月次 (24 months), ショップ別 — with last year's
 * figures (前年比) and the merchant's goals (達成率).
 */
@Component
public class PeriodReports {

    public static final int MONTHS = 24;

    private final JdbcClient jdbc;
    private final Shops shops;
    private final SalesSettings settings;

    PeriodReports(JdbcClient jdbc, Shops shops, SalesSettings settings) {
        this.jdbc = jdbc;
        this.shops = shops;
        this.settings = settings;
    }

    /** Orders, units and sales of one shop in one day or month. */
    private record Figures(long orders, long units, long sales) {

        static final Figures NONE = new Figures(0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(orders + other.orders, units + other.units, sales + other.sales);
        }
    }

    private record Key(LocalDate day, long shop) {}

    private Map<Key, Figures> figures(ReportFilter filter, LocalDate start, LocalDate end, boolean byMonth) {
        ReportFilter.Where where = filter.onDays("d", start, end);
        String day = byMonth ? "date_trunc('month', d.day)::date" : "d.day";
        String sales = filter.withTax() ? "d.sales_incl" : "d.sales_excl";
        Map<Key, Figures> figures = new HashMap<>();
        jdbc.sql("select " + day + ", d.connection_id, sum(d.orders), sum(d.units), sum(" + sales + ")"
                        + " from sales_day d where " + where.sql() + " group by 1, 2")
                .params(where.params())
                .query(rs -> {
                    figures.put(
                            new Key(rs.getDate(1).toLocalDate(), rs.getLong(2)),
                            new Figures(rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                });
        return figures;
    }

    private static Figures total(Map<Key, Figures> figures, LocalDate day) {
        Figures sum = Figures.NONE;
        for (Map.Entry<Key, Figures> e : figures.entrySet()) {
            if (e.getKey().day().equals(day)) {
                sum = sum.plus(e.getValue());
            }
        }
        return sum;
    }

    /** The shops with figures, in the settings' order. */
    private List<Long> shopsIn(Map<Key, Figures> figures, Map<Long, String> names) {
        Set<Long> present = new LinkedHashSet<>();
        figures.keySet().forEach(k -> present.add(k.shop()));
        List<Long> ordered = new ArrayList<>();
        names.keySet().stream().filter(present::contains).forEach(ordered::add);
        present.stream().filter(id -> !ordered.contains(id)).forEach(ordered::add);
        return ordered;
    }

    private long goal(ReportFilter filter, Map<Long, Map<YearMonth, Long>> goals, YearMonth month) {
        long sum = 0;
        for (Map.Entry<Long, Map<YearMonth, Long>> g : goals.entrySet()) {
            if (filter.shops().isEmpty() || filter.shops().contains(g.getKey())) {
                sum += g.getValue().getOrDefault(month, 0L);
            }
        }
        return sum;
    }

    private static String salesLabel(ReportFilter filter) {
        return filter.withTax() ? "売上(税込)" : "売上(税抜)";
    }

    /** 日次: each day of a month, per shop, against the same day last year and the month's goal spread over its days. */
    @Transactional(readOnly = true)
    public Report daily(YearMonth month, ReportFilter filter) {
        LocalDate start = month.atDay(1);
        LocalDate end = month.atEndOfMonth();
        Map<Key, Figures> now = figures(filter, start, end, false);
        Map<Key, Figures> lastYear = figures(filter, start.minusYears(1), end.minusYears(1), false);
        Map<Long, String> names = shops.names();
        List<Long> shown = shopsIn(now, names);
        long goal = goal(filter, settings.goals(month, month), month);
        int days = month.lengthOfMonth();

        List<Report.Column> columns = new ArrayList<>(List.of(Report.Column.text("日付"), Report.Column.text("曜日")));
        shown.forEach(id -> columns.add(Report.Column.yen(names.getOrDefault(id, "#" + id))));
        columns.addAll(List.of(
                Report.Column.yen(salesLabel(filter)),
                Report.Column.count("受注件数"),
                Report.Column.yen("客単価"),
                Report.Column.count("点数"),
                Report.Column.yen("前年同日"),
                Report.Column.percent("前年比(%)"),
                Report.Column.yen("累計売上"),
                Report.Column.yen("累計目標"),
                Report.Column.percent("達成率(%)")));
        List<List<Object>> rows = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        Map<Long, List<Number>> perShop = new HashMap<>();
        List<Number> lastYearSeries = new ArrayList<>();
        Figures sum = Figures.NONE;
        Figures sumLastYear = Figures.NONE;
        for (int d = 1; d <= days; d++) {
            LocalDate day = month.atDay(d);
            List<Object> row = new ArrayList<>();
            row.add(day.toString().replace('-', '/'));
            row.add(day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE));
            for (long id : shown) {
                long sales = now.getOrDefault(new Key(day, id), Figures.NONE).sales();
                row.add(sales);
                perShop.computeIfAbsent(id, k -> new ArrayList<>()).add(sales);
            }
            Figures f = total(now, day);
            Figures ly = total(lastYear, day.minusYears(1));
            sum = sum.plus(f);
            sumLastYear = sumLastYear.plus(ly);
            long cumulativeGoal = goal * d / days;
            row.addAll(List.of(
                    f.sales(), f.orders(), f.orders() == 0 ? 0L : f.sales() / f.orders(), f.units(), ly.sales()));
            row.add(percent(f.sales(), ly.sales()));
            row.add(sum.sales());
            row.add(goal == 0 ? null : cumulativeGoal);
            row.add(goal == 0 ? null : percent(sum.sales(), cumulativeGoal));
            rows.add(row);
            categories.add(d + "日");
            lastYearSeries.add(ly.sales());
        }
        List<Object> totals = new ArrayList<>(List.of("合計", ""));
        shown.forEach(id ->
                totals.add(perShop.get(id).stream().mapToLong(Number::longValue).sum()));
        totals.addAll(List.of(
                sum.sales(),
                sum.orders(),
                sum.orders() == 0 ? 0L : sum.sales() / sum.orders(),
                sum.units(),
                sumLastYear.sales()));
        totals.add(percent(sum.sales(), sumLastYear.sales()));
        totals.add(sum.sales());
        totals.add(goal == 0 ? null : goal);
        totals.add(goal == 0 ? null : percent(sum.sales(), goal));
        List<Report.Series> series = new ArrayList<>();
        shown.forEach(
                id -> series.add(new Report.Series(names.getOrDefault(id, "#" + id), "bar", "売上", perShop.get(id))));
        series.add(new Report.Series("前年同日", "line", null, lastYearSeries));
        List<String> notes = new ArrayList<>();
        if (goal == 0) {
            notes.add("この月の目標はまだありません (売上データ → 目標・費用の設定)");
        }
        return new Report(
                "daily",
                month.getYear() + "年" + month.getMonthValue() + "月 日次売上 ("
                        + filter.basis().label() + "基準)",
                columns,
                rows,
                totals,
                new Report.Chart("bar", "円", categories, series),
                notes);
    }

    /** 月次: 24 months up to {@code last}, per shop, against the same month a year before and the goals. */
    @Transactional(readOnly = true)
    public Report monthly(YearMonth last, ReportFilter filter) {
        YearMonth first = last.minusMonths(MONTHS - 1);
        Map<Key, Figures> figures = figures(filter, first.minusMonths(12).atDay(1), last.atEndOfMonth(), true);
        Map<Long, String> names = shops.names();
        Map<Key, Figures> shownFigures = new HashMap<>();
        figures.forEach((k, v) -> {
            if (!k.day().isBefore(first.atDay(1))) {
                shownFigures.put(k, v);
            }
        });
        List<Long> shown = shopsIn(shownFigures, names);
        Map<Long, Map<YearMonth, Long>> goals = settings.goals(first, last);

        List<Report.Column> columns = new ArrayList<>(List.of(Report.Column.text("年月")));
        shown.forEach(id -> columns.add(Report.Column.yen(names.getOrDefault(id, "#" + id))));
        columns.addAll(List.of(
                Report.Column.yen(salesLabel(filter)),
                Report.Column.count("受注件数"),
                Report.Column.yen("客単価"),
                Report.Column.count("点数"),
                Report.Column.yen("前年同月"),
                Report.Column.percent("前年比(%)"),
                Report.Column.yen("目標"),
                Report.Column.percent("達成率(%)")));
        List<List<Object>> rows = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        Map<Long, List<Number>> perShop = new HashMap<>();
        List<Number> lastYearSeries = new ArrayList<>();
        List<Number> goalSeries = new ArrayList<>();
        Figures sum = Figures.NONE;
        long sumLastYear = 0;
        long sumGoal = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            LocalDate day = m.atDay(1);
            List<Object> row = new ArrayList<>();
            row.add(m.getYear() + "/" + String.format("%02d", m.getMonthValue()));
            for (long id : shown) {
                long sales =
                        figures.getOrDefault(new Key(day, id), Figures.NONE).sales();
                row.add(sales);
                perShop.computeIfAbsent(id, k -> new ArrayList<>()).add(sales);
            }
            Figures f = total(figures, day);
            long ly = total(figures, day.minusYears(1)).sales();
            long goal = goal(filter, goals, m);
            sum = sum.plus(f);
            sumLastYear += ly;
            sumGoal += goal;
            row.addAll(List.of(f.sales(), f.orders(), f.orders() == 0 ? 0L : f.sales() / f.orders(), f.units(), ly));
            row.add(percent(f.sales(), ly));
            row.add(goal == 0 ? null : goal);
            row.add(goal == 0 ? null : percent(f.sales(), goal));
            rows.add(row);
            categories.add(m.getYear() + "/" + m.getMonthValue());
            lastYearSeries.add(ly);
            goalSeries.add(goal == 0 ? null : goal);
        }
        List<Object> totals = new ArrayList<>(List.of("合計"));
        shown.forEach(id ->
                totals.add(perShop.get(id).stream().mapToLong(Number::longValue).sum()));
        totals.addAll(List.of(
                sum.sales(),
                sum.orders(),
                sum.orders() == 0 ? 0L : sum.sales() / sum.orders(),
                sum.units(),
                sumLastYear));
        totals.add(percent(sum.sales(), sumLastYear));
        totals.add(sumGoal == 0 ? null : sumGoal);
        totals.add(sumGoal == 0 ? null : percent(sum.sales(), sumGoal));
        List<Report.Series> series = new ArrayList<>();
        shown.forEach(
                id -> series.add(new Report.Series(names.getOrDefault(id, "#" + id), "bar", "売上", perShop.get(id))));
        series.add(new Report.Series("前年同月", "line", null, lastYearSeries));
        series.add(new Report.Series("目標", "line", null, goalSeries));
        return new Report(
                "monthly",
                first.getYear() + "年" + first.getMonthValue() + "月〜" + last.getYear() + "年" + last.getMonthValue()
                        + "月 月次売上 (" + filter.basis().label() + "基準)",
                columns,
                rows,
                totals,
                new Report.Chart("bar", "円", categories, series),
                List.of());
    }

    /** ショップ別: each shop's orders, sales, tax per rate, fees, discounts, cost and gross profit in the period. */
    @Transactional(readOnly = true)
    public Report byShop(ReportFilter filter) {
        ReportFilter.Where where = filter.onDays("d", filter.from(), filter.to());
        String sales = filter.withTax() ? "d.sales_incl" : "d.sales_excl";
        Map<Long, String> names = shops.names();
        List<long[]> figures = jdbc.sql("select d.connection_id, sum(d.orders), sum(d.units), sum(" + sales + "),"
                        + " sum(d.tax_10), sum(d.tax_8), sum(d.shipping), sum(d.cod_fee), sum(d.discount),"
                        + " sum(d.points), sum(d.cost), sum(d.sales_excl) from sales_day d where " + where.sql()
                        + " group by 1 having sum(d.orders) <> 0 or sum(d.sales_incl) <> 0 order by 4 desc, 1")
                .params(where.params())
                .query((rs, n) -> {
                    long[] row = new long[12];
                    for (int i = 0; i < 12; i++) {
                        row[i] = rs.getLong(i + 1);
                    }
                    return row;
                })
                .list();
        long allSales = figures.stream().mapToLong(r -> r[3]).sum();
        List<Report.Column> columns = List.of(
                Report.Column.text("ショップ"),
                Report.Column.count("受注件数"),
                Report.Column.count("点数"),
                Report.Column.yen(salesLabel(filter)),
                Report.Column.percent("構成比(%)"),
                Report.Column.yen("客単価"),
                Report.Column.yen("消費税(10%)"),
                Report.Column.yen("消費税(8%)"),
                Report.Column.yen("送料"),
                Report.Column.yen("代引手数料"),
                Report.Column.yen("クーポン値引"),
                Report.Column.yen("ポイント利用"),
                Report.Column.yen("原価"),
                Report.Column.yen("粗利(税抜)"),
                Report.Column.percent("粗利率(%)"));
        List<List<Object>> rows = new ArrayList<>();
        long[] sum = new long[12];
        List<String> categories = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        for (long[] r : figures) {
            rows.add(shopRow(names.getOrDefault(r[0], "#" + r[0]), r, allSales));
            for (int i = 1; i < 12; i++) {
                sum[i] += r[i];
            }
            categories.add(names.getOrDefault(r[0], "#" + r[0]));
            values.add(r[3]);
        }
        return new Report(
                "shops",
                "ショップ別売上 " + period(filter),
                columns,
                rows,
                shopRow("合計", sum, allSales),
                new Report.Chart(
                        "pie", "円", categories, List.of(new Report.Series(salesLabel(filter), "pie", null, values))),
                List.of("原価は商品マスタの原価がある商品 (商品対応表で対応づいた商品) だけを数えます"));
    }

    private static List<Object> shopRow(String name, long[] r, long allSales) {
        long profit = r[11] - r[10];
        return new ArrayList<>(List.of(
                name,
                r[1],
                r[2],
                r[3],
                percentOrZero(r[3], allSales),
                r[1] == 0 ? 0L : r[3] / r[1],
                r[4],
                r[5],
                r[6],
                r[7],
                r[8],
                r[9],
                r[10],
                profit,
                percentOrZero(profit, r[11])));
    }

    private static Object percentOrZero(long part, long whole) {
        Double p = percent(part, whole);
        return p == null ? "" : p;
    }

    static String period(ReportFilter filter) {
        return filter.from().toString().replace('-', '/') + "〜"
                + filter.to().toString().replace('-', '/') + " ("
                + filter.basis().label() + "基準)";
    }
}
