package jp.juchu.oms.orders;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shop orders for tests in every module: what an import would apply, and applying it. */
public final class SampleOrders {

    private SampleOrders() {}

    /** A paid card order to one address in Osaka: one 8 % item (煎茶 1,080円) and 800円 shipping. */
    public static ShopOrder order(String serial, OffsetDateTime orderedAt) {
        return order(serial, orderedAt, "山田 太郎", "CreditCard", "Paid", "tea-1", 1080, true);
    }

    /** An order with one item at {@code price} (8 %) and no fees, to the buyer's own address in Tokyo. */
    public static ShopOrder order(
            String serial,
            OffsetDateTime orderedAt,
            String buyer,
            String payment,
            String paymentStatus,
            String itemCode,
            long price) {
        return order(serial, orderedAt, buyer, payment, paymentStatus, itemCode, price, false);
    }

    private static ShopOrder order(
            String serial,
            OffsetDateTime orderedAt,
            String buyer,
            String payment,
            String paymentStatus,
            String itemCode,
            long price,
            boolean sample) {
        long shipping = sample ? 800 : 0;
        return new ShopOrder(
                serial,
                serial,
                orderedAt,
                orderedAt,
                "New",
                paymentStatus,
                "NotShipped",
                new ShopOrder.Buyer(
                        buyer,
                        sample ? "ヤマダ タロウ" : "テスト",
                        sample ? "t@example.jp" : serial + "@example.jp",
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区",
                        null,
                        null),
                payment,
                List.of(new ShopOrder.Delivery(
                        1,
                        sample ? "佐藤 花子" : buyer,
                        sample ? "サトウ ハナコ" : null,
                        sample ? "06-1234-5678" : "03-1234-5678",
                        sample ? "530-0001" : "150-0001",
                        sample ? "大阪府" : "東京都",
                        sample ? "大阪市北区梅田2-4-9" : "渋谷区",
                        null,
                        null,
                        null,
                        false,
                        null,
                        shipping,
                        List.of(new ShopOrder.Item(itemCode, "", "煎茶", price, 1, 8)),
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(price, shipping, 0, 0, 0, 0, price + shipping, List.of()),
                null);
    }

    /** The same order with the shop's order and shipping states changed (e.g. cancelled at the shop). */
    public static ShopOrder withStates(ShopOrder o, String orderStatus, String shippingStatus) {
        return new ShopOrder(
                o.serialCode(),
                o.orderNumber(),
                o.orderedAt(),
                o.shopUpdatedAt(),
                orderStatus,
                o.paymentStatus(),
                shippingStatus,
                o.buyer(),
                o.paymentMethod(),
                o.deliveries(),
                o.amounts(),
                o.remarks());
    }

    /** Applies the order as an import of that connection would, and returns its OMS id. */
    public static long apply(Orders orders, JdbcClient jdbc, long connectionId, ShopOrder order) {
        orders.applyFromShop(connectionId, List.of(new IncomingOrder(order, "{}", order.serialCode())));
        return jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(connectionId, order.serialCode())
                .query(Long.class)
                .single();
    }
}
