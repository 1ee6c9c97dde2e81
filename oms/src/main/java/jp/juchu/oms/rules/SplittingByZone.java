package jp.juchu.oms.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.CashOnDelivery;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderEdit;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShippingInstructions;
import jp.juchu.oms.products.Listings;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import jp.juchu.oms.rules.OrderChanges.Result;
import org.springframework.stereotype.Component;

/**
 * The action 温度帯で分ける: a destination whose items need different temperature zones (常温, 冷蔵, 冷凍) becomes one
 * destination per zone, through the order edit, each new shipment's cool type set to its zone.
 */
@Component
class SplittingByZone {

    private final Orders orders;
    private final ShippingInstructions instructions;
    private final Products products;
    private final Listings listings;
    private final OrderEditByRule edit;

    SplittingByZone(
            Orders orders,
            ShippingInstructions instructions,
            Products products,
            Listings listings,
            OrderEditByRule edit) {
        this.orders = orders;
        this.instructions = instructions;
        this.products = products;
        this.listings = listings;
        this.edit = edit;
    }

    /**
     * Each destination's lines grouped by the product master's temperature zone (a set by its coldest component, an
     * unknown item as 常温): the destination keeps its first zone's lines, each further zone gets a new destination
     * with the same recipient, date and slot; the new shipments' cool type is their zone.
     */
    Result split(OrderFacts facts, String actor, boolean write) {
        OrderDetail order = facts.order();
        Map<String, String> zoneOfItem = new LinkedHashMap<>();
        List<OrderEdit.Destination> destinations = new ArrayList<>();
        List<OrderEdit.Line> lines = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        int nextKey = 0;
        OrderEdit current = OrderEdit.from(order);
        for (OrderDetail.Shipment s : order.shipments()) {
            Map<String, List<OrderDetail.Item>> byZone = new LinkedHashMap<>();
            for (OrderDetail.Item item : s.items()) {
                String zone = zoneOfItem.computeIfAbsent(
                        item.itemCode() + "\u0000" + (item.variation() == null ? "" : item.variation()),
                        k -> zone(order.connectionId(), item));
                byZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(item);
            }
            OrderEdit.Destination kept = current.destinations().stream()
                    .filter(d -> d.key() == s.deliveryId())
                    .findFirst()
                    .orElseThrow();
            boolean first = true;
            for (var group : byZone.entrySet()) {
                int key = first ? s.deliveryId() : --nextKey;
                if (first) {
                    destinations.add(kept);
                } else {
                    destinations.add(new OrderEdit.Destination(
                            key,
                            kept.recipient(),
                            kept.deliveryDate(),
                            kept.timeSlot(),
                            kept.codAmount() == null ? null : 0L));
                    changes.add("お届け先" + s.deliveryId() + "の" + ActionValues.coolLabel(group.getKey()) + "の商品 "
                            + group.getValue().size() + "行を別のお届け先に分けました");
                }
                for (OrderDetail.Item i : group.getValue()) {
                    lines.add(new OrderEdit.Line(
                            key, i.itemCode(), i.variation(), i.name(), i.unitPrice(), i.taxRate(), i.quantity()));
                }
                first = false;
            }
        }
        if (changes.isEmpty()) {
            return Result.skipped("温度帯の違う商品を含むお届け先がありません");
        }
        if (CashOnDelivery.applies(order.paymentMethod()) && order.shipments().size() == 1) {
            // the whole amount stays collected by the first parcel
            destinations.set(
                    0,
                    new OrderEdit.Destination(
                            destinations.get(0).key(),
                            destinations.get(0).recipient(),
                            destinations.get(0).deliveryDate(),
                            destinations.get(0).timeSlot(),
                            order.total()));
            for (int i = 1; i < destinations.size(); i++) {
                OrderEdit.Destination d = destinations.get(i);
                destinations.set(
                        i, new OrderEdit.Destination(d.key(), d.recipient(), d.deliveryDate(), d.timeSlot(), 0L));
            }
        }
        Result result = edit.save(facts, write, actor, changes, e -> e.withShipments(destinations, lines));
        if (!write || !result.done()) {
            return result;
        }
        // the new shipments are numbered after the highest delivery id, in the order the edit listed them
        OrderDetail after = orders.detail(order.id()).orElseThrow();
        for (OrderDetail.Shipment s : after.shipments()) {
            String zone = s.items().stream()
                    .map(i -> zoneOfItem.get(i.itemCode() + "\u0000" + (i.variation() == null ? "" : i.variation())))
                    .filter(z -> z != null)
                    .findFirst()
                    .orElse("NORMAL");
            instructions.cool(order.id(), s.deliveryId(), zone);
        }
        return result;
    }

    private String zone(long connectionId, OrderDetail.Item item) {
        return listings.resolve(connectionId, item.itemCode(), item.variation())
                .map(components -> components.stream()
                        .map(c -> products.find(c.productId())
                                .map(Product::temperatureZone)
                                .orElse("NORMAL"))
                        .reduce("NORMAL", SplittingByZone::colder))
                .orElse("NORMAL");
    }

    private static String colder(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(String zone) {
        return switch (zone == null ? "" : zone) {
            case "FROZEN" -> 2;
            case "CHILLED" -> 1;
            default -> 0;
        };
    }
}
