package jp.juchu.oms.malls;

/** How much of each order a page of orders carries. */
public enum OrderBlocks {
    /** Serial code, number, states and dates: enough to tell which orders changed. */
    BASIC,
    /** The whole order: buyer, payment, deliveries with their items, amounts. */
    ALL
}
