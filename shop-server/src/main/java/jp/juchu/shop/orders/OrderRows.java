package jp.juchu.shop.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Orders read from their rows: the order, and its deliveries with their items when asked for. */
@Component
class OrderRows {

    private final JdbcClient jdbc;
    /** A tax breakdown as stored, read by a reader made once rather than a type resolved per order. */
    private static final ObjectReader TAX_LINES =
            JsonMapper.builder().build().readerFor(new TypeReference<List<Order.TaxLine>>() {});

    OrderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The orders the query selects (from {@code shop_order}, with its {@code seq}), in its order. */
    List<Order> load(String sql, List<Object> params, boolean withDeliveries) {
        Map<Long, Order> orders = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            orders.put(rs.getLong("seq"), order(rs, List.of()));
        });
        if (orders.isEmpty() || !withDeliveries) {
            return List.copyOf(orders.values());
        }
        Long[] seqs = orders.keySet().toArray(Long[]::new);
        Map<String, List<Order.Item>> items = new HashMap<>();
        jdbc.sql("select * from shop_order_item where order_seq = any (?) order by order_seq, delivery_id, line_no")
                .param(seqs)
                .query(rs -> {
                    items.computeIfAbsent(
                                    rs.getLong("order_seq") + "/" + rs.getInt("delivery_id"), k -> new ArrayList<>())
                            .add(new Order.Item(
                                    rs.getString("item_code"),
                                    rs.getString("variation"),
                                    rs.getString("item_name"),
                                    rs.getLong("unit_price"),
                                    rs.getInt("quantity"),
                                    rs.getInt("tax_rate")));
                });
        Map<Long, List<Order.Delivery>> deliveries = new HashMap<>();
        jdbc.sql("select * from shop_order_delivery where order_seq = any (?) order by order_seq, delivery_id")
                .param(seqs)
                .query(rs -> {
                    long seq = rs.getLong("order_seq");
                    int id = rs.getInt("delivery_id");
                    String slot = rs.getString("time_slot");
                    String carrier = rs.getString("carrier");
                    deliveries
                            .computeIfAbsent(seq, k -> new ArrayList<>())
                            .add(new Order.Delivery(
                                    id,
                                    rs.getString("name"),
                                    rs.getString("kana"),
                                    rs.getString("phone"),
                                    rs.getString("postal_code"),
                                    rs.getString("prefecture"),
                                    rs.getString("address1"),
                                    rs.getString("address2"),
                                    rs.getObject("delivery_date", LocalDate.class),
                                    slot == null ? null : TimeSlot.valueOf(slot),
                                    rs.getBoolean("gift_wrapping"),
                                    rs.getString("noshi"),
                                    rs.getLong("shipping_fee"),
                                    List.copyOf(items.getOrDefault(seq + "/" + id, List.of())),
                                    carrier == null ? null : Carrier.valueOf(carrier),
                                    rs.getString("tracking_number"),
                                    rs.getObject("shipped_date", LocalDate.class)));
                });
        List<Order> result = new ArrayList<>();
        orders.forEach((seq, o) -> result.add(withDeliveries(o, deliveries.getOrDefault(seq, List.of()))));
        return result;
    }

    private static Order withDeliveries(Order o, List<Order.Delivery> deliveries) {
        return new Order(
                o.seq(),
                o.serialCode(),
                o.shopId(),
                o.orderNumber(),
                o.orderDate(),
                o.updatedAt(),
                o.orderStatus(),
                o.paymentStatus(),
                o.shippingStatus(),
                o.buyer(),
                o.payment(),
                List.copyOf(deliveries),
                o.amounts(),
                o.remarks(),
                o.createdAt());
    }

    private Order order(ResultSet rs, List<Order.Delivery> deliveries) throws SQLException {
        return new Order(
                rs.getLong("seq"),
                rs.getString("serial_code"),
                rs.getString("shop_id"),
                rs.getString("order_number"),
                rs.getObject("order_date", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                OrderStatus.valueOf(rs.getString("order_status")),
                PaymentStatus.valueOf(rs.getString("payment_status")),
                ShippingStatus.valueOf(rs.getString("shipping_status")),
                new Order.Buyer(
                        rs.getString("buyer_name"),
                        rs.getString("buyer_kana"),
                        rs.getString("buyer_email"),
                        rs.getString("buyer_phone"),
                        rs.getString("buyer_postal_code"),
                        rs.getString("buyer_prefecture"),
                        rs.getString("buyer_address1"),
                        rs.getString("buyer_address2"),
                        rs.getString("member_account")),
                new Order.Payment(
                        PaymentMethod.valueOf(rs.getString("payment_method")),
                        rs.getString("card_brand"),
                        rs.getString("card_last4")),
                deliveries,
                new Order.Amounts(
                        rs.getLong("items_total"),
                        rs.getLong("shipping_fee"),
                        rs.getLong("cod_fee"),
                        rs.getLong("gift_wrapping_fee"),
                        rs.getLong("coupon_discount"),
                        rs.getLong("points_used"),
                        rs.getLong("total"),
                        TAX_LINES.readValue(rs.getString("tax"))),
                rs.getString("remarks"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
