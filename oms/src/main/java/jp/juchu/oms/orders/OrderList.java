package jp.juchu.oms.orders;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of the order list (受注一覧).
 *
 * @param total how many orders match; when {@code capped}, only that at least this many do
 */
public record OrderList(List<Row> rows, long total, boolean capped, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return capped ? rows.size() == size : page + 1 < pages();
    }

    public record Row(
            long id,
            long connectionId,
            String orderNumber,
            OffsetDateTime orderedAt,
            String buyerName,
            long total,
            String paymentMethod,
            String shopOrderStatus,
            String shopPaymentStatus,
            String shopShippingStatus,
            String workflowStatusName,
            String alert,
            String holdReason,
            int shipments) {}
}
