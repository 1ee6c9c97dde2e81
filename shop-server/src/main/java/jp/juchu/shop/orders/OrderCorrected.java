package jp.juchu.shop.orders;

import java.time.OffsetDateTime;

/** An order's details were corrected (a delivery address); published inside the correcting transaction. */
public record OrderCorrected(String shopId, String serialCode, OffsetDateTime updatedAt) {}
