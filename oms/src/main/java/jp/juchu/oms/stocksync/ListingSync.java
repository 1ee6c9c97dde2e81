package jp.juchu.oms.stocksync;

import java.time.OffsetDateTime;

/**
 * A listing as the sync page shows it: the shop's item, the OMS's free stock and the quantity it gives, the rule, and
 * the last push.
 */
public record ListingSync(
        long listingId,
        String itemCode,
        String variation,
        String productCode,
        int multiplier,
        long free,
        int quantity,
        boolean enabled,
        SyncRule rule,
        Row row) {

    /** The stored part; null fields where nothing was pushed or failed yet. */
    public record Row(
            long listingId,
            boolean enabled,
            int sharePercent,
            int reserve,
            Integer upperLimit,
            int floorQuantity,
            Integer pushedQuantity,
            OffsetDateTime pushedAt,
            String lastError,
            OffsetDateTime lastErrorAt,
            boolean waiting) {}
}
