package jp.juchu.oms.orders;

import java.util.List;

/**
 * Orders reached the OMS for the first time — one event per imported page (or hand-entered order), so that a
 * 100,000-order import records a thousand events, not a hundred thousand.
 */
public record OrdersImported(long connectionId, List<Long> orderIds) {

    public OrdersImported {
        orderIds = List.copyOf(orderIds);
    }
}
