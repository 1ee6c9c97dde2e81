package jp.juchu.oms.exchange;

import jp.juchu.oms.orders.OrderDataReset;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At a data reset the history of imported CSV files goes with the orders they created; export layouts and import
 * templates stay. (Exchange keeps no order ids, so deleting some orders leaves it alone.) Synchronous, in the
 * resetting transaction.
 */
@Component
class CsvImportsOfDeletedOrders {

    private final JdbcClient jdbc;

    CsvImportsOfDeletedOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void forgetAll(OrderDataReset reset) {
        jdbc.sql("delete from csv_import").update();
    }
}
