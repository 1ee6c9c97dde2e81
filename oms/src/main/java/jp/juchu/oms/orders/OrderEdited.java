package jp.juchu.oms.orders;

/** A person edited an order's lines, amounts, buyer or destinations in the OMS (受注の修正). */
public record OrderEdited(long orderId) {}
