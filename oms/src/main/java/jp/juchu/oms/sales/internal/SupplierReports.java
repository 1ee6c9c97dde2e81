package jp.juchu.oms.sales.internal;

import static jp.juchu.oms.sales.internal.Report.percent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.purchasing.Purchasing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 仕入先別: the product report's figures grouped by each SKU's supplier (purchasing's API says which; sales never
 * reads purchasing's tables). Sets, unregistered items and SKUs without a supplier get groups of their own.
 */
@Component
public class SupplierReports {

    static final String SETS = "(セット商品)";
    static final String UNMAPPED = "(未登録商品)";
    static final String NONE = "(仕入先未設定)";

    private final JdbcClient jdbc;
    private final Purchasing purchasing;

    SupplierReports(JdbcClient jdbc, Purchasing purchasing) {
        this.jdbc = jdbc;
        this.purchasing = purchasing;
    }

    @Transactional(readOnly = true)
    public Report bySupplier(ReportFilter filter) {
        ReportFilter.Where where = filter.on("l");
        String amount = filter.withTax() ? "l.amount_incl" : "l.amount_excl";
        record Row(String code, String kind, long units, long sales, long salesExcl, Long cost) {}
        List<Row> products = jdbc.sql("select l.product_code, coalesce(max(l.product_kind), ''), sum(l.units),"
                        + " sum(" + amount + "), sum(l.amount_excl), sum(l.cost)"
                        + " from sales_line l where " + where.sql() + " group by 1")
                .params(where.params())
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getObject(6) == null ? null : rs.getLong(6)))
                .list();
        Map<String, Purchasing.SupplierRef> suppliers = purchasing.suppliersOf(products.stream()
                .filter(r -> r.code() != null && "SKU".equals(r.kind()))
                .map(Row::code)
                .toList());
        record Group(String code, String name, long[] figures, Long[] cost) {}
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Row r : products) {
            String code;
            String name;
            if (r.code() == null) {
                code = UNMAPPED;
                name = "";
            } else if ("SET".equals(r.kind())) {
                code = SETS;
                name = "";
            } else if (suppliers.containsKey(r.code())) {
                code = suppliers.get(r.code()).code();
                name = suppliers.get(r.code()).name();
            } else {
                code = NONE;
                name = "";
            }
            Group g = groups.computeIfAbsent(code, k -> new Group(k, name, new long[4], new Long[] {null}));
            g.figures()[0] += 1;
            g.figures()[1] += r.units();
            g.figures()[2] += r.sales();
            g.figures()[3] += r.salesExcl();
            if (r.cost() != null) {
                g.cost()[0] = (g.cost()[0] == null ? 0 : g.cost()[0]) + r.cost();
            }
        }
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort((a, b) -> Long.compare(b.figures()[2], a.figures()[2]));
        long all = sorted.stream().mapToLong(g -> g.figures()[2]).sum();
        List<List<Object>> rows = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<Number> bars = new ArrayList<>();
        long products_ = 0;
        long units = 0;
        long cost = 0;
        long profitAll = 0;
        long salesExcl = 0;
        for (Group g : sorted) {
            Long c = g.cost()[0];
            Long profit = c == null ? null : g.figures()[3] - c;
            List<Object> row = new ArrayList<>();
            row.add(g.code());
            row.add(g.name());
            row.add(g.figures()[0]);
            row.add(g.figures()[1]);
            row.add(g.figures()[2]);
            row.add(c);
            row.add(profit);
            row.add(profit == null ? null : percent(profit, g.figures()[3]));
            row.add(percent(g.figures()[2], all));
            rows.add(row);
            products_ += g.figures()[0];
            units += g.figures()[1];
            salesExcl += g.figures()[3];
            if (c != null) {
                cost += c;
                profitAll += profit;
            }
            if (categories.size() < 20) {
                categories.add(g.name().isEmpty() ? g.code() : g.name());
                bars.add(g.figures()[2]);
            }
        }
        List<Object> totals = new ArrayList<>(List.of("合計", ""));
        totals.add(products_);
        totals.add(units);
        totals.add(all);
        totals.add(cost);
        totals.add(profitAll);
        totals.add(percent(profitAll, salesExcl));
        totals.add(all == 0 ? null : 100.0);
        return new Report(
                "suppliers",
                "仕入先別売上 " + PeriodReports.period(filter),
                List.of(
                        Report.Column.text("仕入先コード"),
                        Report.Column.text("仕入先名"),
                        Report.Column.count("商品数"),
                        Report.Column.count("数量"),
                        Report.Column.yen(filter.withTax() ? "売上(税込)" : "売上(税抜)"),
                        Report.Column.yen("原価"),
                        Report.Column.yen("粗利(税抜)"),
                        Report.Column.percent("粗利率(%)"),
                        Report.Column.percent("構成比(%)")),
                rows,
                totals,
                new Report.Chart("bar", "円", categories, List.of(new Report.Series("売上", "bar", null, bars))),
                List.of("商品の仕入先は 発注処理 → 商品の発注設定 で設定します。セット商品と未登録商品はそれぞれ1行にまとめます", "原価・粗利は、原価が登録された商品だけに出ます"));
    }
}
