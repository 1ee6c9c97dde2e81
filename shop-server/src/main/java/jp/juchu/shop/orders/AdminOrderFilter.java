package jp.juchu.shop.orders;

/** The admin order list's filters; null means any. */
public record AdminOrderFilter(OrderStatus status, PaymentStatus payment, ShippingStatus shipping, String keyword) {}
