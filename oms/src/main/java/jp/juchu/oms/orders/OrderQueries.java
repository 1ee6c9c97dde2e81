package jp.juchu.oms.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads for the order pages. */
final class OrderQueries {

    private OrderQueries() {}

    static OrderList list(JdbcClient jdbc, OrderFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("true");
        List<Object> params = new ArrayList<>();
        if (present(filter.status())) {
            where.append(" and o.workflow_status = ?");
            params.add(filter.status());
        }
        if (present(filter.keyword())) {
            where.append(
                    " and (o.order_number ilike ? or replace(o.buyer_name, ' ', '') ilike ?"
                            + " or replace(o.buyer_kana, ' ', '') ilike ? or replace(o.buyer_phone, '-', '') ilike ?"
                            + " or o.buyer_email ilike ? or concat(o.buyer_prefecture, o.buyer_address1, o.buyer_address2) ilike ?)");
            String k = filter.keyword()
                    .strip()
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            String like = "%" + k.replace(" ", "").replace("　", "") + "%";
            params.addAll(
                    List.of("%" + k + "%", like, like, "%" + k.replace("-", "") + "%", "%" + k + "%", "%" + k + "%"));
        }
        if (filter.from() != null) {
            where.append(" and o.ordered_at >= ?");
            params.add(filter.from().atStartOfDay(TOKYO).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.append(" and o.ordered_at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay(TOKYO).toOffsetDateTime());
        }
        if (present(filter.paymentMethod())) {
            where.append(" and o.payment_method = ?");
            params.add(filter.paymentMethod());
        }
        if (filter.alertsOnly()) {
            where.append(" and o.alert is not null");
        }
        long total = jdbc.sql("select count(*) from oms_order o where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<OrderList.Row> rows = jdbc.sql(
                        "select o.id, o.order_number, o.ordered_at, o.buyer_name, o.total, o.payment_method,"
                                + " o.shop_order_status, o.shop_payment_status, o.shop_shipping_status,"
                                + " w.name as workflow_status_name, o.alert,"
                                + " (select count(*) from shipment s where s.order_id = o.id) as shipments"
                                + " from oms_order o join workflow_status w on w.code = o.workflow_status"
                                + " where " + where
                                + " order by o.ordered_at desc, o.id desc limit ? offset ?")
                .params(pageParams)
                .query(OrderList.Row.class)
                .list();
        return new OrderList(rows, total, page, size);
    }

    /** Orders per workflow status, for the list's tabs. */
    static Map<String, Long> statusCounts(JdbcClient jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select workflow_status, count(*) from oms_order group by workflow_status")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static final java.time.ZoneId TOKYO = java.time.ZoneId.of("Asia/Tokyo");

    static Optional<OrderDetail> detail(JdbcClient jdbc, long id) {
        Map<Integer, List<OrderDetail.Item>> items = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.delivery_id, i.item_code, i.variation, i.name, i.unit_price, i.quantity, i.tax_rate
                        from order_item i join shipment s on s.id = i.shipment_id
                        where s.order_id = ? order by s.delivery_id, i.line_no
                        """).param(id).query(rs -> {
            items.computeIfAbsent(rs.getInt("delivery_id"), k -> new ArrayList<>())
                    .add(new OrderDetail.Item(
                            rs.getString("item_code"),
                            rs.getString("variation"),
                            rs.getString("name"),
                            rs.getLong("unit_price"),
                            rs.getInt("quantity"),
                            rs.getInt("tax_rate")));
        });
        List<OrderDetail.Shipment> shipments = jdbc.sql("""
                        select delivery_id, name, phone, postal_code, prefecture, address1, address2, delivery_date,
                               time_slot, gift_wrapping, noshi, shipping_fee,
                               coalesce(tracking_number, shop_tracking_number) as tracking_number
                        from shipment where order_id = ? order by delivery_id
                        """)
                .param(id)
                .query((rs, n) -> new OrderDetail.Shipment(
                        rs.getInt("delivery_id"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("postal_code"),
                        rs.getString("prefecture"),
                        rs.getString("address1"),
                        rs.getString("address2"),
                        rs.getObject("delivery_date", java.time.LocalDate.class),
                        rs.getString("time_slot"),
                        rs.getBoolean("gift_wrapping"),
                        rs.getString("noshi"),
                        rs.getLong("shipping_fee"),
                        rs.getString("tracking_number"),
                        items.getOrDefault(rs.getInt("delivery_id"), List.of())))
                .list();
        List<OrderDetail.HistoryEntry> history = jdbc.sql(
                        "select at, kind, actor, summary from order_history where order_id = ? order by at, id")
                .param(id)
                .query(OrderDetail.HistoryEntry.class)
                .list();
        return jdbc.sql("""
                        select o.id, o.connection_id, o.serial_code, o.order_number, o.ordered_at, o.shop_updated_at,
                               o.shop_order_status, o.shop_payment_status, o.shop_shipping_status, o.buyer_name,
                               o.buyer_kana, o.buyer_email, o.buyer_phone, o.buyer_postal_code, o.buyer_prefecture,
                               o.buyer_address1, o.buyer_address2, o.member_account, o.payment_method, o.items_total,
                               o.shipping_fee, o.cod_fee, o.gift_wrapping_fee, o.coupon_discount, o.points_used,
                               o.total, o.tax::text as tax_json, o.remarks, w.name as workflow_status_name, o.memo,
                               o.alert, jsonb_pretty(o.payload) as payload
                        from oms_order o join workflow_status w on w.code = o.workflow_status
                        where o.id = ?
                        """)
                .param(id)
                .query((rs, n) -> new OrderDetail(
                        rs.getLong("id"),
                        rs.getLong("connection_id"),
                        rs.getString("serial_code"),
                        rs.getString("order_number"),
                        rs.getObject("ordered_at", java.time.OffsetDateTime.class),
                        rs.getObject("shop_updated_at", java.time.OffsetDateTime.class),
                        rs.getString("shop_order_status"),
                        rs.getString("shop_payment_status"),
                        rs.getString("shop_shipping_status"),
                        rs.getString("buyer_name"),
                        rs.getString("buyer_kana"),
                        rs.getString("buyer_email"),
                        rs.getString("buyer_phone"),
                        rs.getString("buyer_postal_code"),
                        rs.getString("buyer_prefecture"),
                        rs.getString("buyer_address1"),
                        rs.getString("buyer_address2"),
                        rs.getString("member_account"),
                        rs.getString("payment_method"),
                        rs.getLong("items_total"),
                        rs.getLong("shipping_fee"),
                        rs.getLong("cod_fee"),
                        rs.getLong("gift_wrapping_fee"),
                        rs.getLong("coupon_discount"),
                        rs.getLong("points_used"),
                        rs.getLong("total"),
                        rs.getString("tax_json"),
                        rs.getString("remarks"),
                        rs.getString("workflow_status_name"),
                        rs.getString("memo"),
                        rs.getString("alert"),
                        rs.getString("payload"),
                        shipments,
                        history))
                .optional();
    }
}
