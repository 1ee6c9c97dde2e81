package jp.juchu.shop.orders;

import java.time.LocalDate;

/**
 * A change of an order's states; null fields stay as they are. Shipping as {@code Shipped} needs a carrier
 * and a tracking number; {@code deliveryId} null means every delivery of the order.
 */
public record StateChange(
        OrderStatus orderStatus,
        PaymentStatus paymentStatus,
        ShippingStatus shippingStatus,
        Carrier carrier,
        String trackingNumber,
        LocalDate shippedDate,
        Integer deliveryId) {}
