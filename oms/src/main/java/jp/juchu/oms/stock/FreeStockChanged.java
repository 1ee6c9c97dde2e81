package jp.juchu.oms.stock;

import java.util.Set;

/**
 * The free stock of these SKUs changed. Published inside the transaction that changed it, so a synchronous listener
 * (e.g. marking the SKUs for pushing to the shops) commits or rolls back with the change.
 *
 * @param onlyFell every change lowered free stock (allocations): no order waiting for these SKUs can be allocated now
 */
public record FreeStockChanged(Set<Long> productIds, boolean onlyFell) {}
