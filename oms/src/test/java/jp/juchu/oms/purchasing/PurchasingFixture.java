package jp.juchu.oms.purchasing;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import jp.juchu.oms.purchasing.internal.PurchasingSettings;
import jp.juchu.oms.purchasing.internal.Suppliers;
import jp.juchu.oms.stock.StockLedger;
import jp.juchu.oms.stock.StockLevel;
import jp.juchu.oms.stock.StockMovement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Suppliers, SKUs with stock and purchasing settings, and shop orders for the purchasing tests. */
final class PurchasingFixture {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcClient jdbc;
    private final Orders orders;
    private final StockLedger ledger;
    private final TransactionTemplate tx;
    private final Suppliers suppliers;
    private final PurchasingSettings settings;
    final long connectionId;

    PurchasingFixture(
            JdbcClient jdbc,
            Orders orders,
            StockLedger ledger,
            TransactionTemplate tx,
            Suppliers suppliers,
            PurchasingSettings settings) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.ledger = ledger;
        this.tx = tx;
        this.suppliers = suppliers;
        this.settings = settings;
        this.connectionId = jdbc.sql("insert into mall_connection (mall, shop_id, open_key_enc, manager_key_enc,"
                        + " open_key_hint, manager_key_hint, management_url, item_url)"
                        + " values ('SHOP_SERVE', ?, 'x', 'x', 'x', 'x', 'u', 'u') returning id")
                .param("purchasing-" + unique())
                .query(Long.class)
                .single();
    }

    static String unique() {
        return Long.toString(SEQ.incrementAndGet(), 36).toUpperCase();
    }

    /** A supplier with this lead time and minimum order amount; returns its code. */
    String supplier(int leadTimeDays, long minimumAmount) {
        String code = "S" + unique();
        Map<String, String> f = new HashMap<>();
        f.put("code", code);
        f.put("name", "株式会社 仕入" + code);
        f.put("email", code.toLowerCase() + "@supplier.example.jp");
        f.put("contactPerson", "佐藤");
        f.put("leadTimeDays", String.valueOf(leadTimeDays));
        f.put("minimumAmount", String.valueOf(minimumAmount));
        f.put("sendMethod", "EMAIL");
        f.put("orderNote", "納品時に発注番号を記載してください");
        suppliers.save(null, f);
        return code;
    }

    /** A stock-managed SKU with this on hand, listed in the shop under its own code. */
    long sku(String code, int onHand) {
        return sku(code, onHand, false);
    }

    long sku(String code, int onHand, boolean madeToOrder) {
        long id = jdbc.sql("insert into product (code, name, made_to_order) values (?, ?, ?) returning id")
                .params(code, "商品 " + code, madeToOrder)
                .query(Long.class)
                .single();
        if (onHand != 0) {
            ledger.book(List.of(new StockMovement(id, "ADJUST", onHand, 0, null, null, "初期在庫", "テスト")));
        }
        jdbc.sql("insert into listing (connection_id, item_code, product_id, multiplier) values (?, ?, ?, 1)")
                .params(connectionId, code, id)
                .update();
        return id;
    }

    void settings(String code, String supplier, long price, Integer reorderPoint, Integer orderUpTo, int lot) {
        Map<String, String> f = new HashMap<>();
        f.put("supplier", supplier);
        f.put("purchasePrice", String.valueOf(price));
        f.put("reorderPoint", reorderPoint == null ? "" : String.valueOf(reorderPoint));
        f.put("orderUpTo", orderUpTo == null ? "" : String.valueOf(orderUpTo));
        f.put("lotSize", String.valueOf(lot));
        tx.executeWithoutResult(s -> settings.save(code, f));
    }

    long order(String serial, String itemCode, int quantity) {
        OffsetDateTime at = OffsetDateTime.now().minusHours(1);
        ShopOrder.Delivery delivery = new ShopOrder.Delivery(
                1,
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
                List.of(new ShopOrder.Item(itemCode, "", "商品 " + itemCode, 1000, quantity, 10)),
                null,
                null,
                null);
        long total = 1000L * quantity;
        ShopOrder order = new ShopOrder(
                serial,
                serial,
                at,
                at,
                "New",
                "Paid",
                "NotShipped",
                new ShopOrder.Buyer(
                        "山田 太郎", null, serial + "@example.jp", "03-1234-5678", "150-0001", "東京都", "渋谷区", null, null),
                "CreditCard",
                List.of(delivery),
                new ShopOrder.Amounts(total, 0, 0, 0, 0, 0, total, List.of()),
                null);
        tx.executeWithoutResult(s -> orders.applyFromShop(connectionId, List.of(new IncomingOrder(order, "{}", "v1"))));
        return jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(connectionId, serial)
                .query(Long.class)
                .single();
    }

    String status(long orderId) {
        return jdbc.sql("select workflow_status from oms_order where id = ?")
                .param(orderId)
                .query(String.class)
                .single();
    }

    StockLevel level(long productId) {
        return ledger.level(productId).orElseThrow();
    }

    /** The live suggestions of a SKU: quantity per suggestion. */
    List<Integer> suggestions(long productId) {
        return jdbc.sql("select quantity from reorder_suggestion where product_id = ? order by id")
                .param(productId)
                .query(Integer.class)
                .list();
    }

    long suggestionId(long productId) {
        return jdbc.sql("select id from reorder_suggestion where product_id = ? order by id limit 1")
                .param(productId)
                .query(Long.class)
                .single();
    }
}
