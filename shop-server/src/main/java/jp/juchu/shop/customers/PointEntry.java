package jp.juchu.shop.customers;

import java.time.OffsetDateTime;

/**
 * One change of a member's points (ポイント履歴). Points earned on an order are {@code PENDING} until approved
 * (or {@code REFUSED}); only {@code APPROVED} entries count in the balance, and only they have a balance after.
 *
 * @param balanceAfter the balance once this entry was approved; {@code null} while pending or when refused
 */
public record PointEntry(
        long id,
        long change,
        Long balanceAfter,
        String reason,
        String orderSerial,
        OffsetDateTime actedAt,
        PointState state) {}
