package jp.juchu.oms.customers;

import java.time.OffsetDateTime;

/** One order in a customer's history (購入履歴), as linked when the order arrived. */
public record CustomerOrder(
        long orderId, long connectionId, String orderNumber, OffsetDateTime orderedAt, long total, boolean cancelled) {}
