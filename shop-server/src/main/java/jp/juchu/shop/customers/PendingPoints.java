package jp.juchu.shop.customers;

import java.time.OffsetDateTime;

/** Points a member earned on an order, awaiting approval (承認待ちポイント). */
public record PendingPoints(
        long id,
        String shopId,
        String account,
        String memberName,
        long points,
        String orderSerial,
        OffsetDateTime earnedAt) {}
