package jp.juchu.shop.orders;

import java.time.OffsetDateTime;

/** An order was placed at a shop; published inside the transaction that records it. */
public record OrderPlaced(String shopId, String serialCode, String orderNumber, long total, OffsetDateTime updatedAt) {}
