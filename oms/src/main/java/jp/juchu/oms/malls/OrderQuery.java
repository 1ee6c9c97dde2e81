package jp.juchu.oms.malls;

import java.time.OffsetDateTime;

/**
 * Which page of a shop's orders to read: those placed or changed since {@code since}, by offset ({@code from}) or
 * after the cursor of the previous page when the mall gave one ({@code searchAfter}, null for offset paging), and
 * how much of each order ({@link OrderBlocks}).
 */
public record OrderQuery(OffsetDateTime since, int from, int size, String searchAfter, OrderBlocks blocks) {}
