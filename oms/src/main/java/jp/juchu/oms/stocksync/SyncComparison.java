package jp.juchu.oms.stocksync;

import java.time.OffsetDateTime;

/**
 * One full comparison (照合) of a shop: every listing's stock read at the shop against what the OMS pushes.
 *
 * @param corrected differences queued to be pushed (through the same push as every change)
 */
public record SyncComparison(
        long id,
        long connectionId,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        String trigger,
        int checked,
        int differing,
        int corrected,
        int failed,
        String message) {

    public boolean running() {
        return finishedAt == null;
    }

    /** @param shopQuantity null when the shop had no such item or variation */
    public record Difference(
            long listingId,
            String itemCode,
            String variation,
            Integer shopQuantity,
            int omsQuantity,
            boolean corrected) {}
}
