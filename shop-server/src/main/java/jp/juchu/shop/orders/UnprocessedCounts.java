package jp.juchu.shop.orders;

/** 未処理の受注: unconfirmed (未確認), unpaid (未入金), unshipped (未発送). */
public record UnprocessedCounts(long unconfirmed, long unpaid, long unshipped) {}
