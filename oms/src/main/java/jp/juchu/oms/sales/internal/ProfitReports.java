package jp.juchu.oms.sales.internal;

import static jp.juchu.oms.sales.internal.Report.percent;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.sales.SalesFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 収支: sales (tax excluded) less cost, each shop's fees (monthly fixed, a share of sales, per order), the payment
 * methods' fees and the carriers' costs — per shop, and per product with every order's costs allocated to its lines
 * in proportion to their price and each shop's fixed fee in proportion to the product's share of the shop's sales.
 * Each order's fees and each line's share are worked out with the facts ({@code SalesFacts}), so 収支 reads the daily
 * rollup (per shop) and the monthly one (per product, whole months; the line facts for the days outside them).
 */
@Component
public class ProfitReports {

    /** Said first in 収支 while some orders' fees were computed from settings that have changed since. */
    static final String FEES_PENDING =
            "手数料・配送費の設定の変更が、まだ一部の受注に反映されていません (変更前と変更後の設定で計算した受注が混ざっています)。" + "売上データ → 集計の確認・再集計 で全期間を再集計すると揃います";

    private final JdbcClient jdbc;
    private final Shops shops;
    private final SalesSettings settings;
    private final SalesFacts facts;

    ProfitReports(JdbcClient jdbc, Shops shops, SalesSettings settings, SalesFacts facts) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.shops = shops;
        this.settings = settings;
    }

    /** Each shop's monthly fixed fee for the period, pro rata by the days of each month it covers. */
    Map<Long, Long> fixedFees(ReportFilter filter) {
        Map<Long, Long> fixed = new HashMap<>();
        settings.shopFees().forEach((shop, fee) -> {
            if (fee.monthlyFixed() == 0
                    || (!filter.shops().isEmpty() && !filter.shops().contains(shop))) {
                return;
            }
            long sum = 0;
            for (YearMonth m = YearMonth.from(filter.from());
                    !m.isAfter(YearMonth.from(filter.to()));
                    m = m.plusMonths(1)) {
                LocalDate start = filter.from().isAfter(m.atDay(1)) ? filter.from() : m.atDay(1);
                LocalDate end = filter.to().isBefore(m.atEndOfMonth()) ? filter.to() : m.atEndOfMonth();
                long days = end.toEpochDay() - start.toEpochDay() + 1;
                sum += fee.monthlyFixed() * days / m.lengthOfMonth();
            }
            fixed.put(shop, sum);
        });
        return fixed;
    }

    @Transactional(readOnly = true)
    public Report byShop(ReportFilter filter) {
        ReportFilter.Where where = filter.onDays("d", filter.from(), filter.to());
        Map<Long, String> names = shops.names();
        Map<Long, long[]> figures = new LinkedHashMap<>();
        jdbc.sql("select connection_id, sum(orders), sum(sales_excl), sum(cost), sum(mall_share),"
                        + " sum(mall_per_order), sum(payment_fee), sum(carriage) from sales_day d where "
                        + where.sql() + " group by 1 having sum(orders) <> 0 order by 3 desc")
                .params(where.params())
                .query(rs -> {
                    long[] f = new long[7];
                    for (int i = 0; i < 7; i++) {
                        f[i] = rs.getLong(i + 2);
                    }
                    figures.put(rs.getLong(1), f);
                });
        Map<Long, Long> fixed = fixedFees(filter);
        fixed.keySet().forEach(shop -> figures.putIfAbsent(shop, new long[7]));
        List<Report.Column> columns = List.of(
                Report.Column.text("ショップ"),
                Report.Column.count("受注件数"),
                Report.Column.yen("売上(税抜)"),
                Report.Column.yen("原価"),
                Report.Column.yen("粗利"),
                Report.Column.yen("モール固定費"),
                Report.Column.yen("モール販売手数料"),
                Report.Column.yen("モール受注手数料"),
                Report.Column.yen("決済手数料"),
                Report.Column.yen("配送費"),
                Report.Column.yen("利益"),
                Report.Column.percent("利益率(%)"));
        List<List<Object>> rows = new ArrayList<>();
        long[] sum = new long[9];
        List<String> categories = new ArrayList<>();
        List<Number> profits = new ArrayList<>();
        List<Number> costs = new ArrayList<>();
        figures.forEach((shop, f) -> {
            long fixedFee = fixed.getOrDefault(shop, 0L);
            long[] line = {f[0], f[1], f[2], f[1] - f[2], fixedFee, f[3], f[4], f[5], f[6]};
            for (int i = 0; i < line.length; i++) {
                sum[i] += line[i];
            }
            String name = names.getOrDefault(shop, "#" + shop);
            rows.add(profitRow(name, line));
            categories.add(name);
            long profit = profit(line);
            profits.add(profit);
            costs.add(line[4] + line[5] + line[6] + line[7] + line[8]);
        });
        return new Report(
                "profit",
                "収支 (ショップ別) " + PeriodReports.period(filter),
                columns,
                rows,
                profitRow("合計", sum),
                new Report.Chart(
                        "bar",
                        "円",
                        categories,
                        List.of(
                                new Report.Series("利益", "bar", null, profits),
                                new Report.Series("手数料・配送費", "bar", null, costs))),
                notes("モール固定費は月額を期間の日数で按分、販売手数料・決済手数料は税込売上に対する率で受注ごとに切り捨て", "手数料・配送費は 売上データ → 目標・費用の設定 で登録します"));
    }

    /** The report's notes, after the warning that the orders mix two fee settings when they do. */
    private List<String> notes(String... notes) {
        List<String> all = new ArrayList<>();
        if (facts.feesPending()) {
            all.add(FEES_PENDING);
        }
        all.addAll(List.of(notes));
        return all;
    }

    private static long profit(long[] line) {
        return line[3] - line[4] - line[5] - line[6] - line[7] - line[8];
    }

    private static List<Object> profitRow(String name, long[] line) {
        long profit = profit(line);
        List<Object> row = new ArrayList<>(
                List.of(name, line[0], line[1], line[2], line[3], line[4], line[5], line[6], line[7], line[8], profit));
        row.add(percent(profit, line[1]));
        return row;
    }

    /** 商品別収支: each order's fees and carriage shared over its lines by price, fixed fees by share of the shop. */
    @Transactional(readOnly = true)
    public Report byProduct(ReportFilter filter) {
        record Part(
                String code,
                String name,
                long shop,
                long units,
                long amountIncl,
                long salesExcl,
                long cost,
                double fees) {}
        List<String> sources = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        LocalDate[] months = filter.wholeMonths();
        if (months != null) {
            ReportFilter.Where where = filter.onMonths("m", months[0], months[1]);
            sources.add("select m.value as code, m.name, m.connection_id, m.orders, m.units, m.sales_incl,"
                    + " m.sales_excl, m.cost, m.fees from sales_month m where m.dim = 'PRODUCT' and " + where.sql());
            params.addAll(where.params());
        }
        for (ReportFilter edge : filter.edges()) {
            ReportFilter.Where where = edge.on("l");
            sources.add("select coalesce(l.product_code, l.item_code) as code, max(l.name) as name, l.connection_id,"
                    + " count(distinct l.order_id) as orders, sum(l.units) as units, sum(l.amount_incl) as sales_incl,"
                    + " sum(l.amount_excl) as sales_excl, sum(l.cost) as cost, sum(l.fees) as fees"
                    + " from sales_line l where " + where.sql() + " group by 1, 3");
            params.addAll(where.params());
        }
        List<Part> parts = jdbc.sql("select code, max(name), connection_id, sum(units), sum(sales_incl),"
                        + " sum(sales_excl), coalesce(sum(cost), 0), coalesce(sum(fees), 0) from ("
                        + String.join(" union all ", sources) + ") x group by code, connection_id"
                        + " having sum(orders) <> 0")
                .params(params)
                .query((rs, n) -> new Part(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getDouble(8)))
                .list();
        Map<Long, Long> fixed = fixedFees(filter);
        Map<Long, Long> shopAmount = new HashMap<>();
        parts.forEach(p -> shopAmount.merge(p.shop(), p.amountIncl(), Long::sum));
        record Product(String name, long units, long salesExcl, long cost, double fees) {}
        Map<String, Product> products = new LinkedHashMap<>();
        for (Part p : parts) {
            long shopTotal = shopAmount.getOrDefault(p.shop(), 0L);
            double fixedShare =
                    shopTotal == 0 ? 0 : fixed.getOrDefault(p.shop(), 0L) * (double) p.amountIncl() / shopTotal;
            products.merge(
                    p.code(),
                    new Product(p.name(), p.units(), p.salesExcl(), p.cost(), p.fees() + fixedShare),
                    (a, b) -> new Product(
                            a.name(),
                            a.units() + b.units(),
                            a.salesExcl() + b.salesExcl(),
                            a.cost() + b.cost(),
                            a.fees() + b.fees()));
        }
        List<Map.Entry<String, Product>> sorted = new ArrayList<>(products.entrySet());
        sorted.sort((a, b) -> Long.compare(
                b.getValue().salesExcl() - b.getValue().cost(),
                a.getValue().salesExcl() - a.getValue().cost()));
        List<Report.Column> columns = List.of(
                Report.Column.text("商品コード"),
                Report.Column.text("商品名"),
                Report.Column.count("数量"),
                Report.Column.yen("売上(税抜)"),
                Report.Column.yen("原価"),
                Report.Column.yen("粗利"),
                Report.Column.yen("按分した手数料・配送費"),
                Report.Column.yen("利益"),
                Report.Column.percent("利益率(%)"));
        List<List<Object>> rows = new ArrayList<>();
        long[] sum = new long[5];
        List<String> categories = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        for (Map.Entry<String, Product> e : sorted) {
            Product p = e.getValue();
            long fees = Math.round(p.fees());
            long gross = p.salesExcl() - p.cost();
            long profit = gross - fees;
            sum[0] += p.units();
            sum[1] += p.salesExcl();
            sum[2] += p.cost();
            sum[3] += fees;
            sum[4] += profit;
            if (rows.size() < BreakdownReports.MAX_PRODUCTS) {
                List<Object> row = new ArrayList<>(
                        List.of(e.getKey(), p.name(), p.units(), p.salesExcl(), p.cost(), gross, fees, profit));
                row.add(percent(profit, p.salesExcl()));
                rows.add(row);
            }
            if (categories.size() < 20) {
                categories.add(e.getKey());
                values.add(profit);
            }
        }
        List<Object> totals =
                new ArrayList<>(List.of("合計", "", sum[0], sum[1], sum[2], sum[1] - sum[2], sum[3], sum[4]));
        totals.add(percent(sum[4], sum[1]));
        return new Report(
                "profit-products",
                "収支 (商品別) " + PeriodReports.period(filter),
                columns,
                rows,
                totals,
                new Report.Chart("bar", "円", categories, List.of(new Report.Series("利益", "bar", null, values))),
                notes("受注ごとの手数料・配送費は明細の金額の比で、モール固定費はショップの売上に占める比で各商品に按分しています"));
    }
}
