package jp.juchu.oms.stock;

import java.util.Set;

/**
 * Orders of this shop arrived already cancelled or shipped there: the OMS holds no stock for them, but the shop's own
 * quantity of these SKUs moved when it sold them (and a platform does not put it back on a cancellation), so it is no
 * longer the one the stock sync's formula gives. Published inside the import's transaction, like {@link
 * FreeStockChanged}.
 */
public record SettledSaleArrived(long connectionId, Set<Long> productIds) {}
