package jp.juchu.oms.orders;

/** The shop cancelled an order the OMS already had. */
public record OrderCancelledAtShop(long orderId, long connectionId, String serialCode, boolean shippingStarted) {}
