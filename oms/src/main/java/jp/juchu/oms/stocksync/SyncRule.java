package jp.juchu.oms.stocksync;

/**
 * What a listing pushes to its shop: {@code floor(free × share% / multiplier) − reserve}, capped at the upper limit,
 * and 0 when the free stock is under the floor (or the result below zero).
 *
 * @param sharePercent the listing's share of the free stock, 0–100
 * @param multiplier units of the SKU (or sets) one unit of the shop's item takes (商品対応表)
 * @param reserve units kept back from this shop
 * @param upperLimit the most ever shown at the shop; null for none
 * @param floor free stock under which the shop shows 0
 */
public record SyncRule(int sharePercent, int multiplier, int reserve, Integer upperLimit, int floor) {

    public static final int MAX_UNITS = 999_999;

    public SyncRule {
        if (sharePercent < 0 || sharePercent > 100) {
            throw new IllegalArgumentException("share " + sharePercent);
        }
        if (multiplier < 1 || reserve < 0 || floor < 0 || (upperLimit != null && upperLimit < 0)) {
            throw new IllegalArgumentException("rule out of range");
        }
    }

    /** The defaults of a listing nobody set up: all of the free stock, no reserve, no limit. */
    public static SyncRule defaults(int multiplier) {
        return new SyncRule(100, multiplier, 0, null, 0);
    }

    /** The quantity to show at the shop for this free stock (of the SKU, or the sets the components make). */
    public int quantity(long free) {
        if (free <= 0 || free < floor) {
            return 0;
        }
        long shared = free * sharePercent / 100 / multiplier - reserve;
        long capped = upperLimit == null ? shared : Math.min(shared, upperLimit);
        return (int) Math.max(0, Math.min(capped, MAX_UNITS));
    }
}
