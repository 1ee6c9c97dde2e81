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

    /** Beyond this many matching orders a filtered list says "1,000件以上" instead of counting them all. */
    static final int COUNT_CAP = 1000;

    private static final Map<String, String> SORTS = Map.of(
            "date", "o.ordered_at desc, o.id desc",
            "date_asc", "o.ordered_at, o.id",
            "total", "o.total desc, o.ordered_at desc, o.id desc",
            "total_asc", "o.total, o.ordered_at desc, o.id desc",
            "number", "o.order_number, o.id",
            "number_desc", "o.order_number desc, o.id desc",
            "buyer", "o.buyer_kana nulls last, o.buyer_name, o.id",
            "buyer_desc", "o.buyer_kana desc nulls last, o.buyer_name desc, o.id desc");

    static OrderList list(JdbcClient jdbc, OrderFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("true");
        List<Object> params = new ArrayList<>();
        if (present(filter.status())) {
            where.append(" and o.workflow_status = ?");
            params.add(filter.status());
        }
        if (present(filter.keyword())) {
            // the keywords are folded by oms_fold (V110, kept off the order row by V342): the same fold here finds
            // ﾔﾏﾀﾞ as やまだ, ０９０ as 090
            String k = jp.juchu.support.text.KanaFold.fold(filter.keyword())
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            where.append(" and o.id in (select k.order_id from order_keyword k"
                    + " where k.keywords like ? or k.keywords like ?)");
            params.add("%" + k + "%");
            params.add("%" + k.replace("-", "") + "%");
        }
        if (filter.from() != null) {
            where.append(" and o.ordered_at >= ?");
            params.add(filter.from().atStartOfDay(TOKYO).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.append(" and o.ordered_at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay(TOKYO).toOffsetDateTime());
        }
        if (present(filter.payment())) {
            where.append(" and o.payment_method = ?");
            params.add(filter.payment());
        }
        if (filter.alerts()) {
            where.append(" and o.alert is not null");
        }
        if (filter.shop() != null) {
            where.append(" and o.connection_id = ?");
            params.add(filter.shop());
        }
        if (present(filter.paid())) {
            where.append(" and o.shop_payment_status = ?");
            params.add(filter.paid());
        }
        if (present(filter.shipped())) {
            where.append(" and o.shop_shipping_status = ?");
            params.add(filter.shipped());
        }
        if (present(filter.item())) {
            where.append(" and o.id in (select s.order_id from order_item i join shipment s on s.id = i.shipment_id"
                    + " where i.item_code = ?)");
            params.add(filter.item().strip());
        }
        if (filter.min() != null) {
            where.append(" and o.total >= ?");
            params.add(filter.min());
        }
        if (filter.max() != null) {
            where.append(" and o.total <= ?");
            params.add(filter.max());
        }
        long total;
        boolean capped = false;
        if (filter.onlyStatus()) {
            // the tab's own count, one sum over the tally (see V70)
            String status = present(filter.status()) ? filter.status() : null;
            total = jdbc.sql("select coalesce(sum(orders), 0) from workflow_status_tally"
                            + " where cast(? as varchar) is null or workflow_status = ?")
                    .params(status, status)
                    .query(Long.class)
                    .single();
        } else {
            List<Object> countParams = new ArrayList<>(params);
            countParams.add(COUNT_CAP + 1);
            total = jdbc.sql("select count(*) from (select 1 from oms_order o where " + where + " limit ?) c")
                    .params(countParams)
                    .query(Long.class)
                    .single();
            capped = total > COUNT_CAP;
            total = Math.min(total, COUNT_CAP);
        }
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<OrderList.Row> rows = jdbc.sql(
                        "select o.id, o.connection_id, o.order_number, o.ordered_at, o.buyer_name, o.total,"
                                + " o.payment_method, o.shop_order_status, o.shop_payment_status,"
                                + " o.shop_shipping_status, w.name as workflow_status_name, o.alert, o.hold_reason,"
                                + " (select count(*) from shipment s where s.order_id = o.id) as shipments"
                                + " from oms_order o join workflow_status w on w.code = o.workflow_status"
                                + " where " + where
                                + " order by " + SORTS.get(filter.sortOrDefault()) + " limit ? offset ?")
                .params(pageParams)
                .query(OrderList.Row.class)
                .list();
        return new OrderList(rows, total, capped, page, size);
    }

    /** Orders per workflow status, for the list's tabs: the tally's deltas summed (see V70). */
    static Map<String, Long> statusCounts(JdbcClient jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select workflow_status, sum(orders) from workflow_status_tally group by workflow_status")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Folds the tally's deltas into one row per status, so that summing stays cheap. */
    static void foldStatusTally(JdbcClient jdbc) {
        jdbc.sql("""
                with gone as (delete from workflow_status_tally returning workflow_status, orders)
                insert into workflow_status_tally (workflow_status, orders)
                select workflow_status, sum(orders) from gone group by workflow_status
                """).update();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static final java.time.ZoneId TOKYO = java.time.ZoneId.of("Asia/Tokyo");

    static Optional<OrderDetail> detail(JdbcClient jdbc, long id) {
        List<OrderDetail.Shipment> shipments = shipments(jdbc, List.of(id)).getOrDefault(id, List.of());
        List<OrderDetail.HistoryEntry> history = jdbc.sql(
                        "select at, kind, actor, summary from order_history where order_id = ? order by at, id")
                .param(id)
                .query(OrderDetail.HistoryEntry.class)
                .list();
        return jdbc.sql(ORDER.formatted(", jsonb_pretty(o.payload::jsonb) as payload") + " where o.id = ?")
                .param(id)
                .query((rs, n) -> order(rs, shipments, history, rs.getString("payload")))
                .optional();
    }

    /** The orders with their shipments and lines (no history, no payload) in three reads, in id order. */
    static List<OrderDetail> withLines(JdbcClient jdbc, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<OrderDetail.Shipment>> shipments = shipments(jdbc, ids);
        return jdbc.sql(ORDER.formatted("") + " where o.id = any (?) order by o.id")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> order(rs, shipments.getOrDefault(rs.getLong("id"), List.of()), List.of(), null))
                .list();
    }

    /** The shipments of these orders with their lines, per order id, each in delivery order. */
    private static Map<Long, List<OrderDetail.Shipment>> shipments(JdbcClient jdbc, java.util.Collection<Long> ids) {
        Long[] orderIds = ids.toArray(Long[]::new);
        Map<Long, List<OrderDetail.Item>> items = new java.util.HashMap<>();
        jdbc.sql("""
                        select i.shipment_id, i.item_code, i.variation, i.name, i.unit_price, i.quantity, i.tax_rate, i.line_no
                        from order_item i join shipment s on s.id = i.shipment_id
                        where s.order_id = any (?) order by i.shipment_id, i.line_no
                        """).param(orderIds).query(rs -> {
            items.computeIfAbsent(rs.getLong("shipment_id"), k -> new ArrayList<>())
                    .add(new OrderDetail.Item(
                            rs.getString("item_code"),
                            rs.getString("variation"),
                            rs.getString("name"),
                            rs.getLong("unit_price"),
                            rs.getInt("quantity"),
                            rs.getInt("tax_rate"),
                            rs.getInt("line_no")));
        });
        Map<Long, List<OrderDetail.Shipment>> shipments = new java.util.HashMap<>();
        jdbc.sql("""
                        select id, order_id, delivery_id, name, phone, postal_code, prefecture, address1, address2,
                               delivery_date, time_slot, gift_wrapping, noshi, shipping_fee,
                               coalesce(tracking_number, shop_tracking_number) as tracking_number, cod_amount
                        from shipment where order_id = any (?) order by order_id, delivery_id
                        """).param(orderIds).query(rs -> {
            shipments
                    .computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>())
                    .add(new OrderDetail.Shipment(
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
                            items.getOrDefault(rs.getLong("id"), List.of()),
                            rs.getObject("cod_amount", Long.class)));
        });
        return shipments;
    }

    /** The orders' own fields, without shipments, history or payload, in the order of {@code ids}. */
    static List<OrderDetail> headers(JdbcClient jdbc, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ORDER.formatted("") + " where o.id = any (?) order by o.id")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> order(rs, List.of(), List.of(), null))
                .list();
    }

    /** An order's own columns; {@code %s} adds more (the pretty payload on the order page). */
    private static final String ORDER = """
                        select o.id, o.connection_id, o.serial_code, o.order_number, o.ordered_at, o.shop_updated_at,
                               o.shop_order_status, o.shop_payment_status, o.shop_shipping_status, o.buyer_name,
                               o.buyer_kana, o.buyer_email, o.buyer_phone, o.buyer_postal_code, o.buyer_prefecture,
                               o.buyer_address1, o.buyer_address2, o.member_account, o.payment_method, o.items_total,
                               o.shipping_fee, o.cod_fee, o.gift_wrapping_fee, o.coupon_discount, o.points_used,
                               o.total, o.tax::text as tax_json, o.remarks, o.workflow_status, w.name as workflow_status_name,
                               o.memo, o.alert, o.hold_reason, o.version%s
                        from oms_order o join workflow_status w on w.code = o.workflow_status
                        """;

    private static OrderDetail order(
            java.sql.ResultSet rs,
            List<OrderDetail.Shipment> shipments,
            List<OrderDetail.HistoryEntry> history,
            String payload)
            throws java.sql.SQLException {
        return new OrderDetail(
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
                rs.getString("workflow_status"),
                rs.getString("workflow_status_name"),
                rs.getString("memo"),
                rs.getString("alert"),
                rs.getString("hold_reason"),
                rs.getLong("version"),
                payload,
                shipments,
                history);
    }
}
