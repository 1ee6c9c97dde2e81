package jp.juchu.oms.sales.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report counts: the period, which date of an order counts, which shops, which workflow statuses are left
 * out, and whether sales are shown with tax.
 */
public record ReportFilter(
        LocalDate from, LocalDate to, Basis basis, List<Long> shops, List<String> excluded, boolean withTax) {

    /** The longest period a report covers. */
    public static final int MAX_DAYS = 366 * 3;

    public static final int MAX_SHOPS = 200;

    public ReportFilter {
        shops = List.copyOf(shops);
        excluded = List.copyOf(excluded);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("期間の終わりが始まりより前です");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("期間は3年以内で指定してください");
        }
    }

    public ReportFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new ReportFilter(newFrom, newTo, basis, shops, excluded, withTax);
    }

    /** Which date of an order puts it in a day: its order date, the day it shipped, the day it was paid. */
    public enum Basis {
        ORDER("O", "ordered_on", "受注日"),
        SHIP("S", "shipped_on", "出荷日"),
        PAY("P", "paid_on", "入金日");

        private final String code;
        private final String column;
        private final String label;

        Basis(String code, String column, String label) {
            this.code = code;
            this.column = column;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String column() {
            return column;
        }

        public String label() {
            return label;
        }
    }

    /** The conditions on a fact table (sales_order or sales_line, as {@code alias}) with their parameters. */
    public Where on(String alias) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(alias + "." + basis.column() + " between ? and ?");
        params.add(from);
        params.add(to);
        conditions(alias, sql, params);
        return new Where(sql.toString(), params);
    }

    /**
     * The whole months inside the period, as the first days of the first and the last, or null when it holds none:
     * what the monthly rollup can answer.
     */
    public LocalDate[] wholeMonths() {
        LocalDate first =
                from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastEnd = to.equals(YearMonth.from(to).atEndOfMonth())
                ? to
                : to.withDayOfMonth(1).minusDays(1);
        return first.isAfter(lastEnd) ? null : new LocalDate[] {first, lastEnd.withDayOfMonth(1)};
    }

    /** The parts of the period outside its whole months (the whole period when it holds none): read from the facts. */
    public List<ReportFilter> edges() {
        LocalDate[] months = wholeMonths();
        if (months == null) {
            return List.of(this);
        }
        List<ReportFilter> edges = new ArrayList<>();
        if (from.isBefore(months[0])) {
            edges.add(withPeriod(from, months[0].minusDays(1)));
        }
        LocalDate lastEnd = YearMonth.from(months[1]).atEndOfMonth();
        if (to.isAfter(lastEnd)) {
            edges.add(withPeriod(lastEnd.plusDays(1), to));
        }
        return edges;
    }

    /** The conditions on the monthly rollup (sales_month as {@code alias}) for the months {@code first}..{@code last}. */
    public Where onMonths(String alias, LocalDate first, LocalDate last) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(alias + ".basis = ? and " + alias + ".month between ? and ?");
        params.add(basis.code());
        params.add(first);
        params.add(last);
        conditions(alias, sql, params);
        return new Where(sql.toString(), params);
    }

    /** The conditions on the daily rollup (sales_day as {@code alias}) for the period {@code start}..{@code end}. */
    public Where onDays(String alias, LocalDate start, LocalDate end) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(alias + ".basis = ? and " + alias + ".day between ? and ?");
        params.add(basis.code());
        params.add(start);
        params.add(end);
        conditions(alias, sql, params);
        return new Where(sql.toString(), params);
    }

    private void conditions(String alias, StringBuilder sql, List<Object> params) {
        if (!shops.isEmpty()) {
            sql.append(" and ").append(alias).append(".connection_id = any (?)");
            params.add(shops.toArray(Long[]::new));
        }
        if (!excluded.isEmpty()) {
            sql.append(" and ").append(alias).append(".workflow_status <> all (?)");
            params.add(excluded.toArray(String[]::new));
        }
    }

    public record Where(String sql, List<Object> params) {}
}
