package jp.juchu.oms.sales.internal;

import static jp.juchu.oms.sales.internal.Report.percent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.PaymentMethods;
import jp.juchu.oms.shipping.Carrier;
import jp.juchu.support.address.Prefectures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports read from the order and line facts of a period: by product (with gross profit, margin and ABC rank),
 * by prefecture, payment method, carrier, weekday and hour.
 */
@Component
public class BreakdownReports {

    /** Products listed at most; the totals still count every product. */
    public static final int MAX_PRODUCTS = 1000;

    /** ABC ranks: A up to 70 % of sales, B up to 90 %, C the rest. */
    static final double RANK_A = 70.0;

    static final double RANK_B = 90.0;

    private static final String[] WEEKDAYS = {"月", "火", "水", "木", "金", "土", "日"};

    private final JdbcClient jdbc;

    BreakdownReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * 商品別: each product (the SKU or set the shop's item is mapped to; the shop's item code when it is not) with
     * units, sales, cost, gross profit (tax excluded), margin, its share, the running share and its ABC rank.
     * By supplier (仕入先別): {@link SupplierReports}.
     */
    @Transactional(readOnly = true)
    public Report byProduct(ReportFilter filter) {
        String amount = filter.withTax() ? "l.amount_incl" : "l.amount_excl";
        String monthAmount = filter.withTax() ? "m.sales_incl" : "m.sales_excl";
        record Row(
                String code,
                String name,
                String kind,
                long orders,
                long units,
                long sales,
                long salesExcl,
                Long cost) {}
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        LocalDate[] months = filter.wholeMonths();
        if (months != null) {
            ReportFilter.Where where = filter.onMonths("m", months[0], months[1]);
            parts.add("select m.value as code, m.name, m.kind, m.orders, m.units, " + monthAmount + " as sales,"
                    + " m.sales_excl, m.cost from sales_month m where m.dim = 'PRODUCT' and " + where.sql());
            params.addAll(where.params());
        }
        for (ReportFilter edge : filter.edges()) {
            ReportFilter.Where where = edge.on("l");
            parts.add("select coalesce(l.product_code, l.item_code) as code, max(l.name) as name,"
                    + " max(l.product_kind) as kind, count(distinct l.order_id) as orders, sum(l.units) as units,"
                    + " sum(" + amount + ") as sales, sum(l.amount_excl) as sales_excl, sum(l.cost) as cost"
                    + " from sales_line l where " + where.sql() + " group by 1");
            params.addAll(where.params());
        }
        List<Row> products = jdbc.sql("select code, max(name), coalesce(max(kind), ''), sum(orders), sum(units),"
                        + " sum(sales), sum(sales_excl), sum(cost) from (" + String.join(" union all ", parts)
                        + ") x group by code having sum(orders) <> 0 order by 6 desc, 1")
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getObject(8) == null ? null : rs.getLong(8)))
                .list();
        long all = products.stream().mapToLong(Row::sales).sum();
        List<Report.Column> columns = List.of(
                Report.Column.text("商品コード"),
                Report.Column.text("商品名"),
                Report.Column.text("種別"),
                Report.Column.count("受注件数"),
                Report.Column.count("数量"),
                Report.Column.yen(filter.withTax() ? "売上(税込)" : "売上(税抜)"),
                Report.Column.yen("原価"),
                Report.Column.yen("粗利(税抜)"),
                Report.Column.percent("粗利率(%)"),
                Report.Column.percent("構成比(%)"),
                Report.Column.percent("累計構成比(%)"),
                Report.Column.text("ABC"));
        List<List<Object>> rows = new ArrayList<>();
        long running = 0;
        long orders = 0;
        long units = 0;
        long salesExcl = 0;
        long cost = 0;
        long profitAll = 0;
        List<String> categories = new ArrayList<>();
        List<Number> bars = new ArrayList<>();
        List<Number> line = new ArrayList<>();
        for (Row p : products) {
            running += p.sales();
            double share = all == 0 ? 0 : running * 100.0 / all;
            String rank = share <= RANK_A || running == p.sales() ? "A" : share <= RANK_B ? "B" : "C";
            Long profit = p.cost() == null ? null : p.salesExcl() - p.cost();
            orders += p.orders();
            units += p.units();
            salesExcl += p.salesExcl();
            if (p.cost() != null) {
                cost += p.cost();
                profitAll += profit;
            }
            if (rows.size() < MAX_PRODUCTS) {
                List<Object> row = new ArrayList<>();
                row.add(p.code());
                row.add(p.name());
                row.add(kind(p.kind()));
                row.add(p.orders());
                row.add(p.units());
                row.add(p.sales());
                row.add(p.cost());
                row.add(profit);
                row.add(profit == null ? null : percent(profit, p.salesExcl()));
                row.add(percent(p.sales(), all));
                row.add(all == 0 ? null : Math.round(share * 10) / 10.0);
                row.add(rank);
                rows.add(row);
            }
            if (categories.size() < 20) {
                categories.add(p.code());
                bars.add(p.sales());
                line.add(all == 0 ? 0 : Math.round(share * 10) / 10.0);
            }
        }
        List<Object> totals = new ArrayList<>(List.of("合計", "", ""));
        totals.add(orders);
        totals.add(units);
        totals.add(all);
        totals.add(cost);
        totals.add(profitAll);
        totals.add(percent(profitAll, salesExcl));
        totals.add(all == 0 ? null : 100.0);
        totals.add(null);
        totals.add("");
        List<String> notes = new ArrayList<>(
                List.of("ABC: 累計構成比 70% までが A、90% までが B、残りが C", "原価・粗利は、商品対応表で商品マスタに対応づき原価が登録された商品だけに出ます"));
        if (products.size() > MAX_PRODUCTS) {
            notes.add("売上の多い順に " + MAX_PRODUCTS + " 商品を表示しています (全 " + products.size() + " 商品、合計はすべての商品)");
        }
        return new Report(
                "products",
                "商品別売上 " + PeriodReports.period(filter),
                columns,
                rows,
                totals,
                new Report.Chart(
                        "bar",
                        "円",
                        categories,
                        List.of(
                                new Report.Series("売上", "bar", null, bars),
                                new Report.Series("累計構成比(%)", "line", null, line))),
                notes);
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "SKU" -> "単品";
            case "SET" -> "セット";
            default -> "未登録";
        };
    }

    /** 都道府県別: by the first destination's prefecture, in the national order (北海道 … 沖縄県). */
    @Transactional(readOnly = true)
    public Report byPrefecture(ReportFilter filter) {
        Map<String, long[]> figures = grouped(filter, "PREF", "f.prefecture");
        Map<String, long[]> ordered = new LinkedHashMap<>();
        for (String p : Prefectures.ALL) {
            ordered.put(p, figures.getOrDefault(p, new long[3]));
        }
        figures.forEach((p, f) -> {
            if (!ordered.containsKey(p)) {
                ordered.put(p.isBlank() ? "不明" : p, f);
            }
        });
        return simple("prefectures", "都道府県別売上", "都道府県", filter, ordered, "bar");
    }

    @Transactional(readOnly = true)
    public Report byPayment(ReportFilter filter) {
        Map<String, long[]> labelled = new LinkedHashMap<>();
        grouped(filter, "PAY", "f.payment_method").forEach((code, f) -> labelled.put(PaymentMethods.labelOf(code), f));
        return simple("payments", "支払方法別売上", "支払方法", filter, labelled, "pie");
    }

    @Transactional(readOnly = true)
    public Report byCarrier(ReportFilter filter) {
        Map<String, long[]> labelled = new LinkedHashMap<>();
        grouped(filter, "CARRIER", "f.carrier")
                .forEach((code, f) ->
                        labelled.merge(code.isBlank() ? "未設定" : Carrier.labelOf(code), f, BreakdownReports::add));
        return simple("carriers", "配送業者別売上", "配送業者", filter, labelled, "pie");
    }

    @Transactional(readOnly = true)
    public Report byWeekday(ReportFilter filter) {
        Map<String, long[]> figures = grouped(
                filter, "WDAY", "extract(isodow from f." + filter.basis().column() + ")::int::text");
        Map<String, long[]> ordered = new LinkedHashMap<>();
        for (int d = 1; d <= 7; d++) {
            ordered.put(WEEKDAYS[d - 1] + "曜日", figures.getOrDefault(String.valueOf(d), new long[3]));
        }
        return simple("weekdays", "曜日別売上", "曜日", filter, ordered, "bar");
    }

    /** 時間帯別: by the hour the order was placed (Japan time), whichever date counts for the period. */
    @Transactional(readOnly = true)
    public Report byHour(ReportFilter filter) {
        Map<String, long[]> figures = grouped(filter, "HOUR", "f.ordered_hour::text");
        Map<String, long[]> ordered = new LinkedHashMap<>();
        for (int h = 0; h < 24; h++) {
            ordered.put(h + "時台", figures.getOrDefault(String.valueOf(h), new long[3]));
        }
        return simple("hours", "時間帯別売上 (注文時刻)", "時間帯", filter, ordered, "bar");
    }

    private static long[] add(long[] a, long[] b) {
        return new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    /**
     * Orders, units and sales per value of a dimension: the whole months of the period from the monthly rollup
     * ({@code dim}), the days outside them from the order facts ({@code dimension}, the same value computed).
     */
    private Map<String, long[]> grouped(ReportFilter filter, String dim, String dimension) {
        String sales = filter.withTax() ? "f.sales_incl" : "f.sales_excl";
        String monthSales = filter.withTax() ? "m.sales_incl" : "m.sales_excl";
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        LocalDate[] months = filter.wholeMonths();
        if (months != null) {
            ReportFilter.Where where = filter.onMonths("m", months[0], months[1]);
            parts.add("select m.value as k, m.orders as n, m.units as u, " + monthSales + " as s from sales_month m"
                    + " where m.dim = '" + dim + "' and " + where.sql());
            params.addAll(where.params());
        }
        for (ReportFilter edge : filter.edges()) {
            ReportFilter.Where where = edge.on("f");
            parts.add("select " + dimension + " as k, count(*) as n, sum(f.units) as u, sum(" + sales + ") as s"
                    + " from sales_order f where " + where.sql() + " group by 1");
            params.addAll(where.params());
        }
        Map<String, long[]> figures = new LinkedHashMap<>();
        jdbc.sql("select k, sum(n), sum(u), sum(s) from (" + String.join(" union all ", parts)
                        + ") x group by k having sum(n) <> 0 order by 4 desc")
                .params(params)
                .query(rs -> {
                    String key = rs.getString(1);
                    figures.merge(
                            key == null ? "" : key,
                            new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)},
                            BreakdownReports::add);
                });
        return figures;
    }

    private static Report simple(
            String key,
            String title,
            String dimension,
            ReportFilter filter,
            Map<String, long[]> figures,
            String chart) {
        long orders = figures.values().stream().mapToLong(f -> f[0]).sum();
        long units = figures.values().stream().mapToLong(f -> f[1]).sum();
        long sales = figures.values().stream().mapToLong(f -> f[2]).sum();
        List<Report.Column> columns = List.of(
                Report.Column.text(dimension),
                Report.Column.count("受注件数"),
                Report.Column.count("点数"),
                Report.Column.yen(filter.withTax() ? "売上(税込)" : "売上(税抜)"),
                Report.Column.percent("構成比(%)"),
                Report.Column.yen("客単価"));
        List<List<Object>> rows = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        figures.forEach((name, f) -> {
            rows.add(new ArrayList<>(List.of(name, f[0], f[1], f[2])));
            rows.get(rows.size() - 1).add(percent(f[2], sales));
            rows.get(rows.size() - 1).add(f[0] == 0 ? 0L : f[2] / f[0]);
            if (!"pie".equals(chart) || f[2] != 0) {
                categories.add(name);
                values.add(f[2]);
            }
        });
        List<Object> totals = new ArrayList<>(List.of("合計", orders, units, sales));
        totals.add(sales == 0 ? null : 100.0);
        totals.add(orders == 0 ? 0L : sales / orders);
        return new Report(
                key,
                title + " " + PeriodReports.period(filter),
                columns,
                rows,
                totals,
                new Report.Chart(chart, "円", categories, List.of(new Report.Series("売上", chart, null, values))),
                List.of());
    }
}
