package jp.juchu.oms.orders;

/** An order moved from one workflow status to another (by a person, a rule, the shop's cancellation, shipping). */
public record OrderStatusChanged(long orderId, String from, String to) {}
