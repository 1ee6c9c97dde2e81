package jp.juchu.oms.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import jp.juchu.oms.orders.StoredOrders.Stored;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a shop changed on an order, in the words the order's history shows (注文ステータス: A → B, お届け先が変更されました
 * …): the shop-owned fields of the stored order compared with the shop's new copy.
 */
@Component
class ChangesAtShop {

    /** How a change of a destination's address or date begins. */
    static final String ADDRESS = "お届け先";

    /** How a change of the items begins. */
    static final String ITEMS = "商品";

    private final JdbcClient jdbc;

    ChangesAtShop(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The changes from the stored order to the shop's copy, one line each; none when the shop-owned fields agree. */
    List<String> between(Stored existing, ShopOrder order) {
        List<String> changes = new ArrayList<>();
        change(changes, "注文ステータス", existing.orderStatus(), order.orderStatus());
        change(changes, "入金ステータス", existing.paymentStatus(), order.paymentStatus());
        change(changes, "発送ステータス", existing.shippingStatus(), order.shippingStatus());
        change(
                changes,
                "合計金額",
                String.valueOf(existing.total()),
                String.valueOf(order.amounts().total()));
        ShopOrder.Buyer buyer = order.buyer();
        String address = String.join(
                " ",
                nonNull(buyer.postalCode()),
                nonNull(buyer.prefecture()),
                nonNull(buyer.address1()),
                nonNull(buyer.address2()));
        if (!address.strip().equals(nonNull(existing.buyerAddress()).strip())) {
            changes.add("購入者住所");
        }
        StoredShipments before = storedShipments(existing.id());
        if (!before.addresses().equals(addresses(order.deliveries()))) {
            changes.add(ADDRESS + "が変更されました");
        }
        if (!before.items().equals(items(order.deliveries()))) {
            changes.add(ITEMS + "が変更されました");
        }
        return changes;
    }

    private static void change(List<String> changes, String label, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(label + ": " + before + " → " + after);
        }
    }

    private record StoredShipments(Map<Integer, String> addresses, Map<Integer, String> items) {}

    private StoredShipments storedShipments(long orderId) {
        Map<Integer, String> addresses = new HashMap<>();
        jdbc.sql("""
                        select delivery_id, concat_ws('|', name, phone, postal_code, prefecture, address1, address2,
                               delivery_date, time_slot) as address
                        from shipment where order_id = ?
                        """).param(orderId).query(rs -> {
            addresses.put(rs.getInt("delivery_id"), rs.getString("address"));
        });
        Map<Integer, String> items = new HashMap<>();
        jdbc.sql("""
                        select s.delivery_id, string_agg(concat_ws('|', i.item_code, i.variation, i.unit_price, i.quantity),
                               ';' order by i.line_no) as items
                        from shipment s join order_item i on i.shipment_id = s.id
                        where s.order_id = ? group by s.delivery_id
                        """).param(orderId).query(rs -> {
            items.put(rs.getInt("delivery_id"), rs.getString("items"));
        });
        return new StoredShipments(addresses, items);
    }

    private static Map<Integer, String> addresses(List<ShopOrder.Delivery> deliveries) {
        return deliveries.stream()
                .collect(Collectors.toMap(
                        ShopOrder.Delivery::deliveryId,
                        d -> joinNonNull(
                                d.name(),
                                d.phone(),
                                d.postalCode(),
                                d.prefecture(),
                                d.address1(),
                                d.address2(),
                                d.deliveryDate() == null
                                        ? null
                                        : d.deliveryDate().toString(),
                                d.timeSlot())));
    }

    private static Map<Integer, String> items(List<ShopOrder.Delivery> deliveries) {
        Map<Integer, String> items = new HashMap<>();
        for (ShopOrder.Delivery delivery : deliveries) {
            if (!delivery.items().isEmpty()) {
                items.put(
                        delivery.deliveryId(),
                        delivery.items().stream()
                                .map(i -> joinNonNull(
                                        i.itemCode(),
                                        i.variation(),
                                        String.valueOf(i.unitPrice()),
                                        String.valueOf(i.quantity())))
                                .collect(Collectors.joining(";")));
            }
        }
        return items;
    }

    /** Joins like PostgreSQL's {@code concat_ws}: nulls are skipped. */
    private static String joinNonNull(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null) {
                present.add(part);
            }
        }
        return String.join("|", present);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
