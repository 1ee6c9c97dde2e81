package jp.juchu.oms.stock;

/**
 * One change to a SKU's stock, as a ledger row records it.
 *
 * @param kind what happened, e.g. ALLOCATE, RELEASE, SHIP, RECEIVE, ADJUST
 * @param onHandChange the change to on hand (実在庫)
 * @param allocatedChange the change to allocated (引当数)
 * @param orderId the order it belongs to, or null
 * @param document the document it belongs to (a purchase order, a stocktake …), or null
 * @param reason why, in the merchant's words, or null
 * @param actor who: a person's name or the OMS's part that did it
 */
public record StockMovement(
        long productId,
        String kind,
        int onHandChange,
        int allocatedChange,
        Long orderId,
        String document,
        String reason,
        String actor) {}
