package jp.juchu.shop.orders;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order to record: who bought what for where, and the fees and discounts; the totals and taxes are
 * computed from it. Deliveries' {@code shippingFee} is per destination.
 */
public record NewOrder(
        String shopId,
        OffsetDateTime orderDate,
        Order.Buyer buyer,
        Order.Payment payment,
        List<Order.Delivery> deliveries,
        long codFee,
        long giftWrappingFee,
        long couponDiscount,
        long pointsUsed,
        String remarks,
        OrderStatus orderStatus,
        PaymentStatus paymentStatus) {

    List<Order.Item> items() {
        return deliveries.stream().flatMap(d -> d.items().stream()).toList();
    }

    Order.Amounts amounts() {
        long itemsTotal = items().stream().mapToLong(Order.Item::amount).sum();
        long shipping =
                deliveries.stream().mapToLong(Order.Delivery::shippingFee).sum();
        long fees = shipping + codFee + giftWrappingFee;
        long discounts = couponDiscount + pointsUsed;
        return new Order.Amounts(
                itemsTotal,
                shipping,
                codFee,
                giftWrappingFee,
                couponDiscount,
                pointsUsed,
                itemsTotal + fees - discounts,
                Taxes.of(items(), fees, discounts));
    }
}
