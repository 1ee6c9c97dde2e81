package jp.juchu.oms.stock;

import java.util.Set;

/**
 * The free stock of these SKUs changed. Published inside the transaction that changed it, so a synchronous listener
 * (e.g. marking the SKUs for pushing to the shops) commits or rolls back with the change.
 */
public record FreeStockChanged(Set<Long> productIds) {}
