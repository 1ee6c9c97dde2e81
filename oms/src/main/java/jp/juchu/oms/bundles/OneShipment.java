package jp.juchu.oms.bundles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.juchu.oms.orders.OrderDetail;

/**
 * A merged group as its one slip sees it: the first order's destination carrying every order's lines, collecting (for
 * cash on delivery) the orders' totals together with the tax they contain. Made for the slip only; the orders
 * themselves never change.
 */
public final class OneShipment {

    private OneShipment() {}

    /** The orders (of one merged group, first order first) as one order with one shipment. */
    public static OrderDetail of(List<OrderDetail> orders) {
        OrderDetail first = orders.get(0);
        if (orders.size() == 1) {
            return first;
        }
        OrderDetail.Shipment s = first.shipments().get(0);
        List<OrderDetail.Item> items = new ArrayList<>();
        Map<Integer, long[]> taxes = new TreeMap<>();
        long itemsTotal = 0;
        long shipping = 0;
        long cod = 0;
        long wrapping = 0;
        long coupon = 0;
        long points = 0;
        long total = 0;
        for (OrderDetail order : orders) {
            for (OrderDetail.Shipment shipment : order.shipments()) {
                for (OrderDetail.Item item : shipment.items()) {
                    items.add(new OrderDetail.Item(
                            item.itemCode(),
                            item.variation(),
                            item.name(),
                            item.unitPrice(),
                            item.quantity(),
                            item.taxRate(),
                            items.size() + 1));
                }
            }
            for (OrderDetail.TaxLine line : order.taxLines()) {
                long[] sum = taxes.computeIfAbsent(line.rate(), r -> new long[2]);
                sum[0] += line.taxableAmount();
                sum[1] += line.tax();
            }
            itemsTotal += order.itemsTotal();
            shipping += order.shippingFee();
            cod += order.codFee();
            wrapping += order.giftWrappingFee();
            coupon += order.couponDiscount();
            points += order.pointsUsed();
            total += order.total();
        }
        StringBuilder taxJson = new StringBuilder("[");
        taxes.forEach((rate, sum) -> taxJson.append(taxJson.length() > 1 ? "," : "")
                .append("{\"rate\":")
                .append(rate)
                .append(",\"taxableAmount\":")
                .append(sum[0])
                .append(",\"tax\":")
                .append(sum[1])
                .append('}'));
        taxJson.append(']');
        OrderDetail.Shipment one = new OrderDetail.Shipment(
                s.deliveryId(),
                s.name(),
                s.phone(),
                s.postalCode(),
                s.prefecture(),
                s.address1(),
                s.address2(),
                s.deliveryDate(),
                s.timeSlot(),
                s.giftWrapping(),
                s.noshi(),
                shipping,
                s.trackingNumber(),
                List.copyOf(items),
                null);
        return new OrderDetail(
                first.id(),
                first.connectionId(),
                first.serialCode(),
                first.orderNumber(),
                first.orderedAt(),
                first.shopUpdatedAt(),
                first.shopOrderStatus(),
                first.shopPaymentStatus(),
                first.shopShippingStatus(),
                first.buyerName(),
                first.buyerKana(),
                first.buyerEmail(),
                first.buyerPhone(),
                first.buyerPostalCode(),
                first.buyerPrefecture(),
                first.buyerAddress1(),
                first.buyerAddress2(),
                first.memberAccount(),
                first.paymentMethod(),
                itemsTotal,
                shipping,
                cod,
                wrapping,
                coupon,
                points,
                total,
                taxJson.toString(),
                first.remarks(),
                first.workflowStatus(),
                first.workflowStatusName(),
                first.memo(),
                first.alert(),
                first.holdReason(),
                first.version(),
                null,
                List.of(one),
                List.of());
    }
}
