package jp.juchu.oms.orders;

/**
 * Every order was deleted (データリセット). Published inside the resetting transaction: a module that keeps
 * order-related data (slip exports, write-backs, import runs …) empties it in a synchronous {@code @EventListener},
 * so the reset commits everywhere or nowhere. Settings, connections and users stay.
 *
 * @param orders how many orders were deleted
 */
public record OrderDataReset(long orders) {}
