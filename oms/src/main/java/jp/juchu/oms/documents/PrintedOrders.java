package jp.juchu.oms.documents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;

/**
 * The orders of one print, read a hundred at a time with their shipments and lines (three reads per hundred, no
 * history nor payload) and handed over one by one in the order given; orders deleted since are skipped. Only one
 * hundred orders sit in the heap at a time.
 */
final class PrintedOrders {

    static final int CHUNK = 100;

    private PrintedOrders() {}

    /** @return how many of the orders still exist */
    static int each(Orders orders, List<Long> ids, Consumer<OrderDetail> action) {
        int found = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, OrderDetail> read = new HashMap<>();
            orders.withLines(chunk).forEach(order -> read.put(order.id(), order));
            for (Long id : chunk) {
                OrderDetail order = read.get(id);
                if (order != null) {
                    action.accept(order);
                    found++;
                }
            }
        }
        return found;
    }
}
