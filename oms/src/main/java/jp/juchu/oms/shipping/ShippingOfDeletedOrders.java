package jp.juchu.oms.shipping;

import java.util.List;
import jp.juchu.oms.orders.OrderDataReset;
import jp.juchu.oms.orders.OrdersDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets the shipping work on deleted orders. Synchronous listeners, unlike our after-commit ones: the orders
 * and these rows are deleted in one transaction, so a failure here keeps the orders too.
 */
@Component
class ShippingOfDeletedOrders {

    private final JdbcClient jdbc;

    ShippingOfDeletedOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void forget(OrdersDeleted deleted) {
        Long[] orderIds = deleted.orderIds().toArray(Long[]::new);
        jdbc.sql("delete from write_back where order_id = any (?)")
                .param(orderIds)
                .update();
        List<Long> exports = jdbc.sql("delete from slip_export_order where order_id = any (?) returning export_id")
                .param(orderIds)
                .query(Long.class)
                .list();
        // a slip export none of whose orders is left could only be downloaded as an empty file
        jdbc.sql("delete from slip_export e where e.id = any (?)"
                        + " and not exists (select 1 from slip_export_order o where o.export_id = e.id)")
                .param(exports.stream().distinct().toArray(Long[]::new))
                .update();
    }

    /** Carrier settings stay; the exports, tracking imports and write-backs go with the orders. */
    @EventListener
    void forgetAll(OrderDataReset reset) {
        jdbc.sql("delete from write_back").update();
        jdbc.sql("delete from slip_export").update();
        jdbc.sql("delete from tracking_import").update();
    }
}
