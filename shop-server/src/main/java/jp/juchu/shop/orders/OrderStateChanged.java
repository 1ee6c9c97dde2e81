package jp.juchu.shop.orders;

import java.time.OffsetDateTime;

/** An order's states changed (at the admin or through the API); published inside the changing transaction. */
public record OrderStateChanged(
        String shopId,
        String serialCode,
        OrderStatus orderStatus,
        PaymentStatus paymentStatus,
        ShippingStatus shippingStatus,
        OffsetDateTime updatedAt) {}
