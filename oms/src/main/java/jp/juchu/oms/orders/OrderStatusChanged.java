package jp.juchu.oms.orders;

/**
 * An order's workflow status changed, by any path (page, bulk, hold and release, tracking numbers, the shop's
 * cancellation on import). Published inside the moving transaction with the order's row locked, so a synchronous
 * listener (the stock's release and shipping) commits or rolls back with the move.
 *
 * @param from the status it left
 * @param to the status it entered
 * @param actor who moved it, for the records
 */
public record OrderStatusChanged(long orderId, String from, String to, String actor) {}
