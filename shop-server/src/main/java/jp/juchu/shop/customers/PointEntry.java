package jp.juchu.shop.customers;

import java.time.OffsetDateTime;

/** One change of a member's points (ポイント履歴) and the balance after it. */
public record PointEntry(long change, long balanceAfter, String reason, String orderSerial, OffsetDateTime actedAt) {}
