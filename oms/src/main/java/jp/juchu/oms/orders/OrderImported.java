package jp.juchu.oms.orders;

/** A shop's order reached the OMS for the first time. */
public record OrderImported(long orderId, long connectionId, String serialCode) {}
