package jp.juchu.oms.orders;

/**
 * An order's lines changed (a person's edit, or the shop's change on import). Published inside the changing
 * transaction, so a synchronous listener (the stock's allocation) commits or rolls back with the change.
 */
public record OrderLinesChanged(long orderId) {}
