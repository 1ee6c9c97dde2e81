package jp.juchu.oms.customers;

import jp.juchu.oms.orders.OrderDataReset;
import jp.juchu.oms.orders.OrdersDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deleted orders leave the customers' order history in the same transaction (so counts and totals stay true); a
 * data reset (データリセット) empties the customer records too, since every one of them was made from orders.
 */
@Component
class CustomerOrderCleanup {

    private final JdbcClient jdbc;

    CustomerOrderCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(OrdersDeleted deleted) {
        jdbc.sql("delete from customer_order where order_id = any (?)")
                .param(deleted.orderIds().toArray(Long[]::new))
                .update();
    }

    @EventListener
    void on(OrderDataReset reset) {
        jdbc.sql("delete from customer_order").update();
        jdbc.sql("delete from customer").update();
    }
}
