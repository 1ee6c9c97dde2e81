package jp.juchu.oms.purchasing.internal;

/**
 * How much to suggest ordering of a SKU (発注候補の数量). The stock position is free stock plus every open purchase
 * order's remaining quantity, whatever its due date — so a postponed delivery never makes a second order. At or under
 * the reorder point, the suggestion brings the position up to the order-up-to level, rounded up to whole lots, and
 * further up to whole lots reaching the supplier's minimum order amount.
 */
public final class ReorderRule {

    /** No suggestion is larger than this (a quantity a purchase order line can hold). */
    public static final int MAX_QUANTITY = 9_999_999;

    private ReorderRule() {}

    /**
     * @param position free stock + open purchase-order quantity
     * @param reorderPoint 発注点; null: the SKU is never suggested
     * @param orderUpTo 適正在庫
     * @param lot 発注単位 (≥ 1)
     * @param unitPrice 仕入単価 in yen
     * @param minimumAmount the supplier's minimum order amount in yen (0: none)
     * @return the quantity to suggest; 0 for none
     */
    public static int quantity(
            long position, Integer reorderPoint, Integer orderUpTo, int lot, long unitPrice, long minimumAmount) {
        if (reorderPoint == null || position > reorderPoint) {
            return 0;
        }
        long target = orderUpTo == null ? reorderPoint + 1L : Math.max(orderUpTo, reorderPoint + 1L);
        return rounded(target - position, lot, unitPrice, minimumAmount);
    }

    /** A need (≥ 1) rounded up to whole lots, then to the lots that reach the minimum amount; capped. */
    public static int rounded(long need, int lot, long unitPrice, long minimumAmount) {
        int l = Math.max(1, lot);
        long quantity = ceil(Math.max(1, need), l) * l;
        if (unitPrice > 0 && minimumAmount > 0 && quantity * unitPrice < minimumAmount) {
            long units = ceil(minimumAmount, unitPrice);
            quantity = ceil(units, l) * l;
        }
        return (int) Math.min(quantity, (long) MAX_QUANTITY / l * l);
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
