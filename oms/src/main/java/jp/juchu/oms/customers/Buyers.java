package jp.juchu.oms.customers;

/**
 * The customers who ordered in a period: new (their first order is in it) and repeat (they had ordered before).
 * Cancelled orders do not count.
 */
public record Buyers(long newBuyers, long repeatBuyers) {}
