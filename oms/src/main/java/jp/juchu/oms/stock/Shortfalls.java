package jp.juchu.oms.stock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import jp.juchu.oms.orders.OrderLines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On hand taken below what is allocated (a count short of the books, goods broken or lost): the youngest orders
 * holding the SKU give their stock back and are allocated again through {@link Allocation} — the same path a line
 * edit takes — until what is allocated fits on hand. Their short shipments send them to 引当待ち, and they move on
 * when stock comes in, oldest first.
 */
@Service
public class Shortfalls {

    private final JdbcClient jdbc;
    private final Allocation allocation;
    private final OrderLines orderLines;

    Shortfalls(JdbcClient jdbc, Allocation allocation, OrderLines orderLines) {
        this.jdbc = jdbc;
        this.allocation = allocation;
        this.orderLines = orderLines;
    }

    /**
     * In the caller's transaction: for each of these SKUs whose allocated exceeds on hand, releases and allocates
     * again its youngest orders until it does not.
     *
     * @return the orders that were allocated again
     */
    @Transactional
    public List<Long> reallocateBeyondOnHand(Collection<Long> productIds, String reason, String actor) {
        List<Long> reallocated = new ArrayList<>();
        for (long productId : new TreeSet<>(productIds)) {
            while (overAllocated(productId)) {
                Long orderId = jdbc.sql("""
                                select a.order_id from order_allocation a
                                where a.state in ('ALLOCATED', 'SHORT') and exists (select 1 from order_allocation_line l
                                    where l.order_id = a.order_id and l.product_id = ? and l.allocated)
                                order by a.ordered_at desc, a.order_id desc limit 1
                                """)
                        .param(productId)
                        .query(Long.class)
                        .optional()
                        .orElse(null);
                if (orderId == null || reallocated.contains(orderId)) {
                    break;
                }
                OrderLines.Order order = orderLines.of(List.of(orderId), true).stream()
                        .findFirst()
                        .orElse(null);
                if (order == null) {
                    break;
                }
                allocation.reset(orderId, order.orderedAt(), reason, actor);
                allocation.allocate(List.of(orderId), null);
                reallocated.add(orderId);
            }
        }
        return reallocated;
    }

    private boolean overAllocated(long productId) {
        return jdbc.sql("select allocated > greatest(on_hand, 0) from stock where warehouse_id = ? and product_id = ?")
                .params(StockLedger.WAREHOUSE, productId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
