package jp.juchu.oms.sales;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A shop of its own for each test (so other tests' orders never count), orders imported into it as a shop's would
 * be, and the wait for the (asynchronous) sales facts.
 */
record SalesFixture(Orders orders, JdbcClient jdbc, long shop, String prefix) {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    static SalesFixture create(Orders orders, JdbcClient jdbc) {
        String prefix = "s" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        long shop = jdbc.sql("""
                        insert into mall_connection (mall, shop_id, auto_fetch, write_back, status)
                        values ('SHOP_SERVE', ?, false, false, 'OK') returning id
                        """).param(prefix).query(Long.class).single();
        return new SalesFixture(orders, jdbc, shop, prefix);
    }

    /** A product of the master with a cost, and this shop's item mapped to it. */
    long product(String code, long cost, String itemCode) {
        long id = jdbc.sql("insert into product (code, name, cost_price) values (?, ?, ?) returning id")
                .params(code, code + " の商品", cost)
                .query(Long.class)
                .single();
        jdbc.sql("insert into listing (connection_id, item_code, product_id) values (?, ?, ?)")
                .params(shop, itemCode, id)
                .update();
        return id;
    }

    /** One line of an order: item code, name, unit price (tax included), quantity, rate. */
    record Line(String itemCode, String name, long price, int quantity, int rate) {}

    /** Imports an order placed at {@code orderedAt} (Japan time), paid by card unless told, to {@code prefecture}. */
    long order(
            String serial,
            LocalDate day,
            int hour,
            String status,
            String payment,
            String prefecture,
            long shipping,
            List<Line> lines) {
        OffsetDateTime at = day.atTime(hour, 15).atZone(TOKYO).toOffsetDateTime();
        return order(serial, at, at, status, payment, prefecture, shipping, lines);
    }

    /** Imports an order as the shop last updated it at {@code updatedAt}. */
    long order(
            String serial,
            OffsetDateTime at,
            OffsetDateTime updatedAt,
            String status,
            String payment,
            String prefecture,
            long shipping,
            List<Line> lines) {
        Map<Integer, Long> byRate = new java.util.TreeMap<>();
        lines.forEach(l -> byRate.merge(l.rate(), l.price() * l.quantity(), Long::sum));
        ShopOrder order = new ShopOrder(
                prefix + serial,
                prefix + serial,
                at,
                updatedAt,
                status,
                "Paid",
                "NotShipped",
                new ShopOrder.Buyer(
                        "売上 太郎",
                        "ウリアゲ タロウ",
                        serial + "@example.jp",
                        "03-1234-5678",
                        "150-0001",
                        prefecture,
                        "1-1",
                        null,
                        null),
                payment,
                List.of(new ShopOrder.Delivery(
                        1,
                        "売上 太郎",
                        null,
                        "03-1234-5678",
                        "150-0001",
                        prefecture,
                        "1-1",
                        null,
                        null,
                        null,
                        false,
                        null,
                        shipping,
                        lines.stream()
                                .map(l -> new ShopOrder.Item(
                                        l.itemCode(), "", l.name(), l.price(), l.quantity(), l.rate()))
                                .toList(),
                        null,
                        null,
                        null)),
                ShopOrder.Amounts.of(byRate, shipping, 0, 0, 0, 0),
                null);
        orders.applyFromShop(shop, List.of(new IncomingOrder(order, "{}", serial + status + lines.hashCode())));
        return jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(shop, prefix + serial)
                .query(Long.class)
                .single();
    }

    /** Orders, sales and units of this shop as the orders hold them, as the facts hold them, and as the rollup does. */
    record Sums(long orders, long sales, long units) {}

    Sums ofOrders() {
        return jdbc.sql("""
                        select count(*), coalesce(sum(total), 0),
                               coalesce(sum((select sum(i.quantity) from shipment s join order_item i
                                             on i.shipment_id = s.id where s.order_id = o.id)), 0)
                        from oms_order o where connection_id = ?
                        """)
                .param(shop)
                .query((rs, n) -> new Sums(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    Sums ofFacts() {
        return jdbc.sql("select count(*), coalesce(sum(sales_incl), 0), coalesce(sum(units), 0) from sales_order"
                        + " where connection_id = ?")
                .param(shop)
                .query((rs, n) -> new Sums(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    Sums ofRollup() {
        return jdbc.sql("select coalesce(sum(orders), 0), coalesce(sum(sales_incl), 0), coalesce(sum(units), 0)"
                        + " from sales_day where basis = 'O' and connection_id = ?")
                .param(shop)
                .query((rs, n) -> new Sums(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Waits until the facts and the rollup of this shop equal its orders (the listeners run after commit). */
    void awaitFactsEqualOrders() {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> ofOrders().equals(ofFacts()) && ofOrders().equals(ofRollup()));
    }

    /** The facts of one order column by column, as a string, for waits on one change. */
    String fact(long orderId, String column) {
        return jdbc.sql("select " + column + "::text from sales_order where order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
