package jp.juchu.oms.customers;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders from buyers the tests choose, imported through {@link Orders#applyFromShop} like a shop's, and a
 * wait for the (asynchronous) link to their customer. The shipping fixture has one fixed buyer, which is
 * exactly what matching tests cannot use.
 */
record CustomerFixture(Orders orders, Customers customers, JdbcClient jdbc) {

    long order(long connectionId, String serial, String name, String email, String phone, long total) {
        return apply(connectionId, serial, name, email, phone, total, "New");
    }

    /** The same order again, now cancelled at the shop. */
    void cancelAtShop(long connectionId, String serial, String name, String email, String phone, long total) {
        apply(connectionId, serial, name, email, phone, total, "Cancelled");
    }

    private long apply(
            long connectionId, String serial, String name, String email, String phone, long total, String status) {
        ShopOrder order = new ShopOrder(
                serial,
                serial,
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                status,
                "Paid",
                "NotShipped",
                new ShopOrder.Buyer(name, "テスト", email, phone, "150-0001", "東京都", "渋谷区神宮前1-2-3", null, null),
                "CreditCard",
                List.of(new ShopOrder.Delivery(
                        1,
                        name,
                        null,
                        phone,
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-2-3",
                        null,
                        null,
                        null,
                        false,
                        null,
                        0,
                        List.of(new ShopOrder.Item("tea-1", "", "煎茶", total, 1, 8)),
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(total, 0, 0, 0, 0, 0, total, List.of()),
                null);
        orders.applyFromShop(connectionId, List.of(new IncomingOrder(order, "{}", serial + status)));
        return jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(connectionId, serial)
                .query(Long.class)
                .single();
    }

    /** The customer the order is linked to, once the listener has linked it. */
    Customer customerOf(long orderId) {
        return await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> customers.ofOrder(orderId), Optional::isPresent)
                .orElseThrow();
    }
}
