package jp.juchu.oms.orders;

import java.time.OffsetDateTime;
import java.util.List;

/** One page of the order list (受注一覧), newest first. */
public record OrderList(List<Row> rows, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public record Row(
            long id,
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
            int shipments) {}
}
