package jp.juchu.oms.customers;

import java.time.OffsetDateTime;

/**
 * A customer (顧客) with what their orders add up to. Order count and total spent leave out orders the shop
 * cancelled.
 *
 * @param mergedInto the customer this one was merged into (名寄せ), or null while it stands on its own
 * @param totalSpent yen, tax included
 */
public record Customer(
        long id,
        String name,
        String kana,
        String email,
        String phone,
        String postalCode,
        String prefecture,
        String address,
        boolean blacklisted,
        String blacklistReason,
        String note,
        Long mergedInto,
        long orderCount,
        long totalSpent,
        OffsetDateTime lastOrderedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public boolean mergedAway() {
        return mergedInto != null;
    }
}
