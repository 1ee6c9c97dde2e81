package jp.juchu.oms.sales;

/**
 * The rule that turns orders into sales facts, written as SQL so that every path — an import, an edit, a status
 * change, a deletion, a rebuild — computes them by the same statement: the facts of an order and of its lines, and
 * the order's fees (収支) from the fee settings as they are now.
 */
final class FactRule {

    private FactRule() {}

    /** The day the OMS saw an order {@code o} paid: the shop's last update of it. */
    private static final String PAID_SEEN = "(o.shop_updated_at at time zone 'Asia/Tokyo')::date";

    /** An order's shipping day: its last shipment's (ours, else the shop's), over its shipments {@code s}. */
    static final String SHIPPED_ON = "max(coalesce(s.shipped_date, s.shop_shipped_date))";

    /**
     * The one rule that turns orders into facts. Sales are the order's total (tax included, after coupon and
     * points: the amount the consumption tax is computed on); the tax per rate is the order's own; the prefecture
     * and carrier are the first destination's; the shipping day is the last shipment's; a line's cost is the
     * product master's cost price of the SKU (or of a set's components) the shop's item is mapped to.
     */
    static String compute(String where) {
        return facts(where, "", true) + ORDERS + REWRITTEN;
    }

    /**
     * The rule as {@link #compute} applies it, adding the rollup rows of the facts it writes in the same statement
     * ({@link FactRollups#added}) instead of reading them again; the statement answers how many orders it wrote.
     *
     * @param none whether the caller knows that none of the orders has facts (their locks held): their rows are then
     *     inserted without looking for a conflict, a quarter of the cost of writing them, and no earlier payment day
     *     is looked for
     */
    static String computeAndRollUp(String where, boolean none) {
        return facts(where, "returning *", !none) + ", written as (" + ORDERS + (none ? "" : REWRITTEN)
                + " returning *), "
                + FactRollups.added("written", "inserted") + " select count(*) from written";
    }

    /**
     * The rule's common table expressions, up to the lines written ({@code inserted}, with {@code returning}).
     *
     * @param held whether some orders may have facts already: an order keeps the payment day its facts have (the day
     *     the OMS first saw it paid)
     */
    private static String facts(String where, String returning, boolean held) {
        return """
                with ord as (
                    select o.id as order_id, o.connection_id,
                           (o.ordered_at at time zone 'Asia/Tokyo')::date as ordered_on,
                           extract(hour from o.ordered_at at time zone 'Asia/Tokyo')::smallint as ordered_hour,
                           sh.shipped_on,
                           case when o.shop_payment_status = 'Paid'
                                then %s end as paid_on,
                           o.workflow_status,
                           left(coalesce(sh.prefecture, o.buyer_prefecture, ''), 10) as prefecture,
                           o.payment_method,
                           case lower(coalesce(sh.carrier, ''))
                                when 'yamato' then 'YAMATO' when 'sagawa' then 'SAGAWA'
                                when 'japanpost' then 'JAPAN_POST' when 'japan_post' then 'JAPAN_POST'
                                else coalesce(sh.carrier, '') end as carrier,
                           coalesce(sh.shipments, 0) as shipments,
                           o.total as sales_incl,
                           coalesce(tx.tax, 0) as tax, coalesce(tx.tax_10, 0) as tax_10, coalesce(tx.tax_8, 0) as tax_8,
                           o.shipping_fee, o.cod_fee, o.coupon_discount, o.points_used
                    from oms_order o
                    %s
                    left join lateral (
                        select count(*) as shipments,
                               %s as shipped_on,
                               (array_agg(s.prefecture order by s.delivery_id))[1] as prefecture,
                               (array_agg(coalesce(s.carrier, s.shop_carrier) order by s.delivery_id))[1] as carrier
                        from shipment s where s.order_id = o.id) sh on true
                    left join lateral (
                        select sum((t ->> 'tax')::bigint) as tax,
                               sum((t ->> 'tax')::bigint) filter (where (t ->> 'rate')::int = 10) as tax_10,
                               sum((t ->> 'tax')::bigint) filter (where (t ->> 'rate')::int = 8) as tax_8
                        from jsonb_array_elements(case when jsonb_typeof(o.tax) = 'array' then o.tax
                                                       else '[]'::jsonb end) t) tx on true
                    where %s
                ),
                fees as (%s),
                lines as (
                    select s.order_id, i.id as item_id, i.item_code, coalesce(btrim(i.variation), '') as variation,
                           i.name, i.quantity, i.unit_price * i.quantity as amount, i.tax_rate,
                           p.id as product_id, p.code as product_code, p.kind as product_kind,
                           case when p.kind = 'SET' then nullif(sc.cost, 0) else nullif(p.cost_price, 0) end
                               * l.multiplier * i.quantity as cost
                    from ord
                    join shipment s on s.order_id = ord.order_id
                    join order_item i on i.shipment_id = s.id
                    left join listing l on l.connection_id = ord.connection_id and l.item_code = i.item_code
                                       and l.variation = coalesce(btrim(i.variation), '')
                    left join product p on p.id = l.product_id
                    left join lateral (
                        select sum(cp.cost_price * c.quantity) as cost from product_set_component c
                        join product cp on cp.id = c.component_id where c.set_id = p.id) sc on p.kind = 'SET'
                ),
                inserted as (
                    insert into sales_line (order_id, item_id, connection_id, ordered_on, shipped_on, paid_on,
                                            workflow_status, item_code, variation, name, product_id, product_code,
                                            product_kind, units, amount_incl, amount_excl, tax_rate, cost, fees)
                    select l.order_id, l.item_id, o.connection_id, o.ordered_on, o.shipped_on, o.paid_on,
                           o.workflow_status, l.item_code, l.variation, l.name, l.product_id, l.product_code,
                           l.product_kind, l.quantity, l.amount,
                           l.amount - floor(l.amount * l.tax_rate::numeric / (100 + l.tax_rate))::bigint,
                           l.tax_rate, l.cost,
                           coalesce((fe.mall_share + fe.mall_per_order + fe.payment_fee + fe.carriage)
                                        * l.amount::numeric
                                        / nullif(sum(l.amount) over (partition by l.order_id), 0), 0)
                    from lines l join ord o on o.order_id = l.order_id join fees fe on fe.order_id = l.order_id
                    %s
                ),
                per_order as (
                    select order_id, sum(quantity) as units, sum(cost) as cost from lines group by order_id
                )
                """.formatted(
                        held ? "coalesce(old.paid_on, " + PAID_SEEN + ")" : PAID_SEEN,
                        held ? "left join sales_order old on old.order_id = o.id" : "",
                        SHIPPED_ON,
                        where,
                        fees("ord"),
                        returning);
    }

    /** The facts of the orders, written (or rewritten) from the expressions of {@link #facts}. */
    private static final String ORDERS = """
                insert into sales_order (order_id, connection_id, ordered_on, ordered_hour, shipped_on, paid_on,
                                         workflow_status, prefecture, payment_method, carrier, shipments, units,
                                         sales_incl, sales_excl, tax_10, tax_8, shipping, cod_fee, discount, points,
                                         cost, mall_share, mall_per_order, payment_fee, carriage, refreshed_at)
                select o.order_id, o.connection_id, o.ordered_on, o.ordered_hour, o.shipped_on, o.paid_on,
                       o.workflow_status, o.prefecture, o.payment_method, left(o.carrier, 20), o.shipments,
                       coalesce(p.units, 0), o.sales_incl, o.sales_incl - o.tax, o.tax_10, o.tax_8, o.shipping_fee,
                       o.cod_fee, o.coupon_discount, o.points_used, coalesce(p.cost, 0), fe.mall_share,
                       fe.mall_per_order, fe.payment_fee, fe.carriage, now()
                from ord o join fees fe on fe.order_id = o.order_id left join per_order p on p.order_id = o.order_id
                """;

    /** An order whose facts exist has them rewritten. */
    private static final String REWRITTEN = """
                on conflict (order_id) do update set
                    connection_id = excluded.connection_id, ordered_on = excluded.ordered_on,
                    ordered_hour = excluded.ordered_hour, shipped_on = excluded.shipped_on,
                    paid_on = excluded.paid_on, workflow_status = excluded.workflow_status,
                    prefecture = excluded.prefecture, payment_method = excluded.payment_method,
                    carrier = excluded.carrier, shipments = excluded.shipments, units = excluded.units,
                    sales_incl = excluded.sales_incl, sales_excl = excluded.sales_excl, tax_10 = excluded.tax_10,
                    tax_8 = excluded.tax_8, shipping = excluded.shipping, cod_fee = excluded.cod_fee,
                    discount = excluded.discount, points = excluded.points, cost = excluded.cost,
                    mall_share = excluded.mall_share, mall_per_order = excluded.mall_per_order,
                    payment_fee = excluded.payment_fee, carriage = excluded.carriage, refreshed_at = excluded.refreshed_at
                """;

    /**
     * The one rule for an order's fees (収支), from the fee settings as they are now: the shop's share of sales and
     * fee per order, the payment method's share and fee, the carrier's cost per parcel, each share rounded down per
     * order. {@code orders} is a relation with order_id, connection_id, sales_incl, payment_method, carrier and
     * shipments.
     */
    static String fees(String orders) {
        return """
                select o.order_id,
                       floor(o.sales_incl * coalesce(sf.percent_bp, 0) / 10000.0)::bigint as mall_share,
                       coalesce(sf.per_order, 0) as mall_per_order,
                       (floor(o.sales_incl * coalesce(pf.percent_bp, 0) / 10000.0) + coalesce(pf.per_order, 0))::bigint
                           as payment_fee,
                       coalesce(cc.per_shipment, 0) * o.shipments as carriage
                from %s o
                left join sales_shop_fee sf on sf.connection_id = o.connection_id
                left join sales_payment_fee pf on pf.payment_method = o.payment_method
                left join sales_carrier_cost cc on cc.carrier = left(o.carrier, 20)
                """.formatted(orders);
    }
}
