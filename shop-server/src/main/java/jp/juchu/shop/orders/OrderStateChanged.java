package jp.juchu.shop.orders;

/** An order's states changed (at the admin or through the API). */
public record OrderStateChanged(
        String shopId,
        String serialCode,
        OrderStatus orderStatus,
        PaymentStatus paymentStatus,
        ShippingStatus shippingStatus) {}
