package jp.juchu.oms.orders;

import java.util.List;

/**
 * Orders were deleted (受注データ削除), with their shipments. Published inside the deleting transaction: a module
 * that keeps rows about these orders or shipments deletes them in a synchronous {@code @EventListener}, so the
 * deletion commits everywhere or nowhere.
 */
public record OrdersDeleted(List<Long> orderIds, List<Long> shipmentIds) {

    public OrdersDeleted {
        orderIds = List.copyOf(orderIds);
        shipmentIds = List.copyOf(shipmentIds);
    }
}
