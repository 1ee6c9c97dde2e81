package jp.juchu.oms.shipping;

import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An order in the OMS with one destination and no tracking number, for page tests. */
record ShippingFixture(Orders orders, JdbcClient jdbc) {

    long order(String serial) {
        ShopOrder order = new ShopOrder(
                serial,
                serial,
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                "New",
                "Paid",
                "NotShipped",
                new ShopOrder.Buyer(
                        "山田 太郎", "ヤマダ タロウ", "t@example.jp", "03-1234-5678", "150-0001", "東京都", "渋谷区", null, null),
                "CreditCard",
                List.of(new ShopOrder.Delivery(
                        1,
                        "佐藤 花子",
                        "サトウ ハナコ",
                        "06-1234-5678",
                        "530-0001",
                        "大阪府",
                        "大阪市北区梅田2-4-9",
                        null,
                        null,
                        null,
                        false,
                        null,
                        800,
                        List.of(new ShopOrder.Item("tea-1", "", "煎茶", 1080, 1, 8)),
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(1080, 800, 0, 0, 0, 0, 1880, List.of()),
                null);
        orders.applyFromShop(5555, List.of(new IncomingOrder(order, "{}", serial)));
        return jdbc.sql("select id from oms_order where serial_code = ?")
                .param(serial)
                .query(Long.class)
                .single();
    }
}
