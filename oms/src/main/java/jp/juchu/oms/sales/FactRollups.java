package jp.juchu.oms.sales;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rollups of the sales facts, written as deltas by every refresh (an order's old rows taken back with sign -1,
 * its new rows added with 1) and folded by a scheduled task: per day, shop and status ({@code sales_day}, for 日次,
 * 月次, ショップ別 and ホーム), and per month, shop, status and the value of each breakdown ({@code sales_month}, for
 * 商品別, 都道府県別, 支払方法別, 配送業者別, 曜日別 and 時間帯別 over whole months).
 */
final class FactRollups {

    /**
     * The month of the day that counts, as a date. Truncated as a timestamp without time zone: a date truncated as it
     * is becomes a {@code timestamptz} through the session's time zone and back, a fifth of the monthly rollups' time.
     */
    private static final String MONTH = "date_trunc('month', b.day::timestamp)::date";

    /** Which day of a fact counts, per basis. */
    private static final String BASES =
            "cross join lateral (values ('O', %1$s.ordered_on), ('S', %1$s.shipped_on), ('P', %1$s.paid_on))"
                    + " as b (basis, day)";

    /** The order breakdowns' dimensions and each one's value for a fact (the weekday of the day that counts). */
    private static final String DIMENSIONS = """
            cross join lateral (values ('PREF', f.prefecture), ('PAY', f.payment_method), ('CARRIER', f.carrier),
                                       ('WDAY', extract(isodow from b.day)::int::text),
                                       ('HOUR', f.ordered_hour::text)) as d (dim, value)""";

    private FactRollups() {}

    /**
     * The months (yyyy-MM and the dimension, at most 20) where the monthly rollup differs from the facts: orders,
     * units or sales of any value of any dimension.
     */
    static String monthDifferences() {
        return """
                with r as (select basis, month, connection_id, workflow_status, dim, value, sum(orders) as orders,
                                  sum(units) as units, sum(sales_incl) as sales, coalesce(sum(fees), 0) as fees
                           from sales_month group by 1, 2, 3, 4, 5, 6),
                     f as (select b.basis, %4$s as month, f.connection_id,
                                  f.workflow_status, d.dim, d.value::varchar as value, count(*) as orders,
                                  sum(f.units) as units, sum(f.sales_incl) as sales, 0 as fees
                           from sales_order f %1$s %2$s
                           where b.day is not null group by 1, 2, 3, 4, 5, 6
                           union all
                           select b.basis, %4$s, l.connection_id, l.workflow_status,
                                  'PRODUCT', coalesce(l.product_code, l.item_code), count(distinct l.order_id),
                                  sum(l.units), sum(l.amount_incl), sum(l.fees)
                           from sales_line l %3$s
                           where b.day is not null group by 1, 2, 3, 4, 5, 6)
                select distinct to_char(coalesce(r.month, f.month), 'YYYY-MM') || ' ' || coalesce(r.dim, f.dim)
                from r full join f on f.basis = r.basis and f.month = r.month and f.connection_id = r.connection_id
                     and f.workflow_status = r.workflow_status and f.dim = r.dim and f.value = r.value
                where coalesce(r.orders, 0) <> coalesce(f.orders, 0) or coalesce(r.units, 0) <> coalesce(f.units, 0)
                   or coalesce(r.sales, 0) <> coalesce(f.sales, 0) or coalesce(r.fees, 0) <> coalesce(f.fees, 0)
                order by 1 limit 20
                """.formatted(BASES.formatted("f"), DIMENSIONS, BASES.formatted("l"), MONTH);
    }

    /**
     * Adds (sign 1) or takes back (sign -1) the rollup rows of the facts matching the conditions: {@code orders} on
     * {@code sales_order f}, {@code lines} on {@code sales_line l}, each with the order ids as its one parameter (or
     * none when null). Both rollups in one statement (a refresh runs per imported page: one round trip, not three).
     */
    static void take(JdbcClient jdbc, String orders, String lines, int sign, Long[] ids) {
        JdbcClient.StatementSpec statement =
                jdbc.sql("with days as (" + days("sales_order f", orders, sign) + "), months as ("
                        + months("sales_order f", orders, sign) + ") " + productMonths("sales_line l", lines, sign));
        if (ids != null) {
            statement = statement.params(ids, ids, ids);
        }
        statement.update();
    }

    /**
     * The rollup rows of facts just written, added as common table expressions of the statement that wrote them:
     * {@code orders} and {@code lines} name its CTEs returning the rows written to {@code sales_order} and
     * {@code sales_line} (so that the facts are not read again).
     */
    static String added(String orders, String lines) {
        return "rolled_days as (" + days(orders + " f", "true", 1) + "), rolled_months as ("
                + months(orders + " f", "true", 1) + "), rolled_products as ("
                + productMonths(lines + " l", "true", 1) + ")";
    }

    /**
     * Folds the groups that have more than one row (deltas since the last fold) into one; the rest is left alone, so
     * that a fold over quiet rollups writes nothing (it used to rewrite both tables every five minutes). A delta
     * written meanwhile by another transaction is not seen, stays a row of its own, and is folded next time.
     */
    static void fold(JdbcClient jdbc) {
        jdbc.sql("""
                        with twice as (select basis, day, connection_id, workflow_status from sales_day
                                       group by 1, 2, 3, 4 having count(*) > 1),
                             gone as (delete from sales_day d using twice t
                                      where d.basis = t.basis and d.day = t.day and d.connection_id = t.connection_id
                                        and d.workflow_status = t.workflow_status
                                      returning d.*)
                        insert into sales_day (basis, day, connection_id, workflow_status, orders, units, sales_incl,
                                               sales_excl, tax_10, tax_8, shipping, cod_fee, discount, points, cost,
                                               mall_share, mall_per_order, payment_fee, carriage)
                        select basis, day, connection_id, workflow_status, sum(orders), sum(units), sum(sales_incl),
                               sum(sales_excl), sum(tax_10), sum(tax_8), sum(shipping), sum(cod_fee), sum(discount),
                               sum(points), sum(cost), sum(mall_share), sum(mall_per_order), sum(payment_fee),
                               sum(carriage)
                        from gone group by basis, day, connection_id, workflow_status
                        having sum(orders) <> 0 or sum(units) <> 0 or sum(sales_incl) <> 0 or sum(cost) <> 0
                            or sum(mall_share) <> 0 or sum(mall_per_order) <> 0 or sum(payment_fee) <> 0
                            or sum(carriage) <> 0
                        """).update();
        jdbc.sql("""
                        with twice as (select basis, month, connection_id, workflow_status, dim, value from sales_month
                                       group by 1, 2, 3, 4, 5, 6 having count(*) > 1),
                             gone as (delete from sales_month m using twice t
                                      where m.basis = t.basis and m.month = t.month
                                        and m.connection_id = t.connection_id and m.workflow_status = t.workflow_status
                                        and m.dim = t.dim and m.value = t.value
                                      returning m.*)
                        insert into sales_month (basis, month, connection_id, workflow_status, dim, value, name, kind,
                                                 orders, units, sales_incl, sales_excl, cost, fees)
                        select basis, month, connection_id, workflow_status, dim, value, max(name), max(kind),
                               sum(orders), sum(units), sum(sales_incl), sum(sales_excl), sum(cost), sum(fees)
                        from gone group by basis, month, connection_id, workflow_status, dim, value
                        having sum(orders) <> 0 or sum(units) <> 0 or sum(sales_incl) <> 0 or sum(sales_excl) <> 0
                            or coalesce(sum(cost), 0) <> 0 or coalesce(sum(fees), 0) <> 0
                        """).update();
    }

    private static String days(String from, String where, int sign) {
        return """
                insert into sales_day (basis, day, connection_id, workflow_status, orders, units, sales_incl,
                                       sales_excl, tax_10, tax_8, shipping, cod_fee, discount, points, cost,
                                       mall_share, mall_per_order, payment_fee, carriage)
                select b.basis, b.day, f.connection_id, f.workflow_status, %1$d * count(*), %1$d * sum(f.units),
                       %1$d * sum(f.sales_incl), %1$d * sum(f.sales_excl), %1$d * sum(f.tax_10), %1$d * sum(f.tax_8),
                       %1$d * sum(f.shipping), %1$d * sum(f.cod_fee), %1$d * sum(f.discount), %1$d * sum(f.points),
                       %1$d * sum(f.cost), %1$d * sum(f.mall_share), %1$d * sum(f.mall_per_order),
                       %1$d * sum(f.payment_fee), %1$d * sum(f.carriage)
                from %3$s
                cross join lateral (values ('O', f.ordered_on), ('S', f.shipped_on), ('P', f.paid_on)) as b (basis, day)
                where %2$s and b.day is not null
                group by b.basis, b.day, f.connection_id, f.workflow_status
                """.formatted(sign, where, from);
    }

    /** The order breakdowns: the dimension's value as the report groups by it (weekday of the day that counts). */
    private static String months(String from, String where, int sign) {
        return """
                insert into sales_month (basis, month, connection_id, workflow_status, dim, value, orders, units,
                                         sales_incl, sales_excl)
                select b.basis, %5$s, f.connection_id, f.workflow_status, d.dim, d.value,
                       %1$d * count(*), %1$d * sum(f.units), %1$d * sum(f.sales_incl), %1$d * sum(f.sales_excl)
                from %6$s %3$s %4$s
                where %2$s and b.day is not null
                group by 1, 2, 3, 4, 5, 6
                """.formatted(sign, where, BASES.formatted("f"), DIMENSIONS, MONTH, from);
    }

    /** 商品別: per product (or unmapped item code), with distinct orders, which add up over months. */
    private static String productMonths(String from, String where, int sign) {
        return """
                insert into sales_month (basis, month, connection_id, workflow_status, dim, value, name, kind, orders,
                                         units, sales_incl, sales_excl, cost, fees)
                select b.basis, %4$s, l.connection_id, l.workflow_status, 'PRODUCT',
                       coalesce(l.product_code, l.item_code), max(l.name), max(l.product_kind),
                       %1$d * count(distinct l.order_id), %1$d * sum(l.units), %1$d * sum(l.amount_incl),
                       %1$d * sum(l.amount_excl), %1$d * sum(l.cost), %1$d * sum(l.fees)
                from %5$s %3$s
                where %2$s and b.day is not null
                group by 1, 2, 3, 4, 5, 6
                """.formatted(sign, where, BASES.formatted("l"), MONTH, from);
    }
}
