package jp.juchu.oms.stock;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SKUs with stock, sets, listings and shop orders, applied the way an import applies them: for the stock's tests and
 * every other module's tests that need products with stock (purchasing).
 */
public final class StockFixture {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcClient jdbc;
    private final Orders orders;
    private final StockLedger ledger;
    private final TransactionTemplate tx;
    public final long connectionId;

    public StockFixture(JdbcClient jdbc, Orders orders, StockLedger ledger, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.ledger = ledger;
        this.tx = tx;
        this.connectionId = jdbc.sql("insert into mall_connection (mall, shop_id, open_key_enc, manager_key_enc,"
                        + " open_key_hint, manager_key_hint, management_url, item_url)"
                        + " values ('SHOP_SERVE', ?, 'x', 'x', 'x', 'x', 'u', 'u') returning id")
                .param("stock-" + unique())
                .query(Long.class)
                .single();
    }

    public static String unique() {
        return Long.toString(SEQ.incrementAndGet(), 36).toUpperCase();
    }

    /** A stock-managed SKU with this on hand (初期在庫), listed in the shop under its own code. */
    public long sku(String code, int onHand) {
        return sku(code, "商品 " + code, onHand, false);
    }

    /** A SKU with this name and on hand (初期在庫), made to order (受注生産) or not, listed under its own code. */
    public long sku(String code, String name, int onHand, boolean madeToOrder) {
        long id = jdbc.sql("insert into product (code, name, made_to_order) values (?, ?, ?) returning id")
                .params(code, name, madeToOrder)
                .query(Long.class)
                .single();
        if (onHand != 0) {
            ledger.book(List.of(new StockMovement(id, "ADJUST", onHand, 0, null, null, "初期在庫", "テスト")));
        }
        list(code, id, 1);
        return id;
    }

    long set(String code, long componentId, int quantity, long otherId, int otherQuantity) {
        long id = jdbc.sql("insert into product (code, kind, name) values (?, 'SET', ?) returning id")
                .params(code, "セット " + code)
                .query(Long.class)
                .single();
        jdbc.sql("insert into product_set_component (set_id, component_id, quantity) values (?, ?, ?), (?, ?, ?)")
                .params(id, componentId, quantity, id, otherId, otherQuantity)
                .update();
        list(code, id, 1);
        return id;
    }

    void list(String itemCode, long productId, int multiplier) {
        jdbc.sql("insert into listing (connection_id, item_code, product_id, multiplier) values (?, ?, ?, ?)")
                .params(connectionId, itemCode, productId, multiplier)
                .update();
    }

    /** One line of an order: the shop's item code and quantity, in a shipment (お届け先). */
    public record Item(int deliveryId, String itemCode, int quantity) {}

    public static Item item(String itemCode, int quantity) {
        return new Item(1, itemCode, quantity);
    }

    /** Imports a paid card order with these lines (in one transaction, as an import page is) and returns its id. */
    public long order(String serial, OffsetDateTime orderedAt, Item... items) {
        return order(serial, orderedAt, "New", "v1", items);
    }

    long order(String serial, OffsetDateTime orderedAt, String orderStatus, String hash, Item... items) {
        ShopOrder order = shopOrder(serial, orderedAt, orderStatus, items);
        tx.executeWithoutResult(s -> orders.applyFromShop(connectionId, List.of(new IncomingOrder(order, "{}", hash))));
        return jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(connectionId, serial)
                .query(Long.class)
                .single();
    }

    static ShopOrder shopOrder(String serial, OffsetDateTime orderedAt, String orderStatus, Item... items) {
        List<ShopOrder.Delivery> deliveries = new ArrayList<>();
        long total = 0;
        for (int d = 1; d <= 3; d++) {
            List<ShopOrder.Item> lines = new ArrayList<>();
            for (Item i : items) {
                if (i.deliveryId() == d) {
                    lines.add(new ShopOrder.Item(i.itemCode(), "", "商品 " + i.itemCode(), 1000, i.quantity(), 10));
                    total += 1000L * i.quantity();
                }
            }
            if (!lines.isEmpty()) {
                deliveries.add(new ShopOrder.Delivery(
                        d,
                        "山田 太郎",
                        null,
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区1-1",
                        null,
                        null,
                        null,
                        false,
                        null,
                        0,
                        lines,
                        null,
                        null,
                        null));
            }
        }
        return new ShopOrder(
                serial,
                serial,
                orderedAt,
                orderedAt,
                orderStatus,
                "Paid",
                "NotShipped",
                new ShopOrder.Buyer(
                        "山田 太郎", null, serial + "@example.jp", "03-1234-5678", "150-0001", "東京都", "渋谷区", null, null),
                "CreditCard",
                deliveries,
                new ShopOrder.Amounts(total, 0, 0, 0, 0, 0, total, List.of()),
                null);
    }

    public String status(long orderId) {
        return jdbc.sql("select workflow_status from oms_order where id = ?")
                .param(orderId)
                .query(String.class)
                .single();
    }

    String allocationState(long orderId) {
        return jdbc.sql("select state from order_allocation where order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse("NONE");
    }

    public StockLevel level(long productId) {
        return ledger.level(productId).orElseThrow();
    }
}
