package jp.juchu.oms.shipping;

import java.time.OffsetDateTime;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SampleOrders;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An order in the OMS with one destination and no tracking number, for page tests. */
record ShippingFixture(Orders orders, JdbcClient jdbc) {

    long order(String serial) {
        return SampleOrders.apply(orders, jdbc, 5555, SampleOrders.order(serial, OffsetDateTime.now()));
    }
}
