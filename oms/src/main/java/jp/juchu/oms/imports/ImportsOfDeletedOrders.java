package jp.juchu.oms.imports;

import jp.juchu.oms.orders.OrderDataReset;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At a data reset the import starts afresh, as on a new connection: finished runs and quarantined orders are
 * forgotten and the watermark is cleared, so the next run reads the connection's fetch window (取得日数) again.
 * A run in progress keeps its row and its lease. Synchronous, in the resetting transaction.
 */
@Component
class ImportsOfDeletedOrders {

    private final JdbcClient jdbc;

    ImportsOfDeletedOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void forgetAll(OrderDataReset reset) {
        jdbc.sql("delete from import_run where status <> 'RUNNING'").update();
        jdbc.sql("delete from quarantined_order").update();
        jdbc.sql("update import_state set watermark = null").update();
    }
}
