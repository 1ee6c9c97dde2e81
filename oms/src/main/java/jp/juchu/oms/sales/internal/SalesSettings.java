package jp.juchu.oms.sales.internal;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the merchant sets for the reports: a goal per shop and month (目標), and the costs of the profit report
 * (収支): each shop's fees, each payment method's fee, each carrier's cost per parcel.
 */
@Component
public class SalesSettings {

    public static final long MAX_GOAL = 99_999_999_999L;

    private final JdbcClient jdbc;

    SalesSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A shop's fees: monthly fixed, hundredths of a percent of sales (350 = 3.50 %), per order. */
    public record ShopFee(long monthlyFixed, int percentBp, long perOrder) {

        public static final ShopFee NONE = new ShopFee(0, 0, 0);
    }

    /** What a payment method costs: hundredths of a percent of the order's sales and a fee per order. */
    public record PaymentFee(int percentBp, long perOrder) {

        public static final PaymentFee NONE = new PaymentFee(0, 0);
    }

    /** Goals of these months, shop id → month → yen. */
    public Map<Long, Map<YearMonth, Long>> goals(YearMonth first, YearMonth last) {
        Map<Long, Map<YearMonth, Long>> goals = new HashMap<>();
        jdbc.sql("select connection_id, month, amount from sales_goal where month between ? and ?")
                .params(first.atDay(1), last.atDay(1))
                .query(rs -> {
                    goals.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(YearMonth.from(rs.getDate(2).toLocalDate()), rs.getLong(3));
                });
        return goals;
    }

    /** Sets (or with null, removes) the goals of one month, shop id → yen. */
    @Transactional
    public void setGoals(YearMonth month, Map<Long, Long> amounts) {
        amounts.forEach((shop, amount) -> {
            if (amount == null) {
                jdbc.sql("delete from sales_goal where connection_id = ? and month = ?")
                        .params(shop, month.atDay(1))
                        .update();
            } else {
                jdbc.sql("insert into sales_goal (connection_id, month, amount) values (?, ?, ?)"
                                + " on conflict (connection_id, month) do update set amount = excluded.amount")
                        .params(shop, month.atDay(1), amount)
                        .update();
            }
        });
    }

    public Map<Long, ShopFee> shopFees() {
        Map<Long, ShopFee> fees = new LinkedHashMap<>();
        jdbc.sql("select connection_id, monthly_fixed, percent_bp, per_order from sales_shop_fee")
                .query(rs -> {
                    fees.put(rs.getLong(1), new ShopFee(rs.getLong(2), rs.getInt(3), rs.getLong(4)));
                });
        return fees;
    }

    public Map<String, PaymentFee> paymentFees() {
        Map<String, PaymentFee> fees = new LinkedHashMap<>();
        jdbc.sql("select payment_method, percent_bp, per_order from sales_payment_fee")
                .query(rs -> {
                    fees.put(rs.getString(1), new PaymentFee(rs.getInt(2), rs.getLong(3)));
                });
        return fees;
    }

    public Map<String, Long> carrierCosts() {
        Map<String, Long> costs = new LinkedHashMap<>();
        jdbc.sql("select carrier, per_shipment from sales_carrier_cost").query(rs -> {
            costs.put(rs.getString(1), rs.getLong(2));
        });
        return costs;
    }

    /**
     * Saves every fee of the profit report at once. When what an order costs changes (a share of sales, a fee per
     * order or parcel — not a monthly fixed fee, which 収支 reads from the settings), the change is recorded, so that
     * 収支 says its orders mix two settings until the facts take the new ones ({@code SalesFacts.applyFees}).
     *
     * @return whether the fees of orders changed
     */
    @Transactional
    public boolean setFees(Map<Long, ShopFee> shops, Map<String, PaymentFee> payments, Map<String, Long> carriers) {
        Set<String> before = orderFees();
        shops.forEach((shop, fee) -> jdbc.sql("""
                        insert into sales_shop_fee (connection_id, monthly_fixed, percent_bp, per_order)
                        values (?, ?, ?, ?) on conflict (connection_id) do update set
                        monthly_fixed = excluded.monthly_fixed, percent_bp = excluded.percent_bp,
                        per_order = excluded.per_order
                        """)
                .params(shop, fee.monthlyFixed(), fee.percentBp(), fee.perOrder())
                .update());
        payments.forEach((method, fee) ->
                jdbc.sql("""
                        insert into sales_payment_fee (payment_method, percent_bp, per_order) values (?, ?, ?)
                        on conflict (payment_method) do update set percent_bp = excluded.percent_bp,
                        per_order = excluded.per_order
                        """).params(method, fee.percentBp(), fee.perOrder()).update());
        carriers.forEach((carrier, cost) -> jdbc.sql("""
                        insert into sales_carrier_cost (carrier, per_shipment) values (?, ?)
                        on conflict (carrier) do update set per_shipment = excluded.per_shipment
                        """).params(carrier, cost).update());
        boolean changed = !before.equals(orderFees());
        if (changed) {
            jdbc.sql("update sales_fee_state set changed_at = clock_timestamp()")
                    .update();
        }
        return changed;
    }

    /** The settings an order's fees are computed from, those that cost something. */
    private Set<String> orderFees() {
        Set<String> fees = new HashSet<>();
        shopFees().forEach((shop, fee) -> {
            if (fee.percentBp() != 0 || fee.perOrder() != 0) {
                fees.add("shop " + shop + " " + fee.percentBp() + " " + fee.perOrder());
            }
        });
        paymentFees().forEach((method, fee) -> {
            if (fee.percentBp() != 0 || fee.perOrder() != 0) {
                fees.add("payment " + method + " " + fee.percentBp() + " " + fee.perOrder());
            }
        });
        carrierCosts().forEach((carrier, cost) -> {
            if (cost != 0) {
                fees.add("carrier " + carrier + " " + cost);
            }
        });
        return fees;
    }

    /** The shops that have a goal in any of these months. */
    public List<Long> shopsWithGoals(YearMonth first, YearMonth last) {
        return jdbc.sql("select distinct connection_id from sales_goal where month between ? and ? order by 1")
                .params(first.atDay(1), last.atDay(1))
                .query(Long.class)
                .list();
    }
}
