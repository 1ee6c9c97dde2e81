package jp.juchu.oms.purchasing;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.purchasing.internal.PurchasingSettings;
import jp.juchu.oms.purchasing.internal.Suppliers;
import jp.juchu.oms.stock.StockFixture;
import jp.juchu.oms.stock.StockLedger;
import jp.juchu.oms.stock.StockLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suppliers and purchasing settings for the purchasing tests, over the stock's fixture for the SKUs with stock and the
 * shop orders.
 */
final class PurchasingFixture {

    private final JdbcClient jdbc;
    private final StockFixture stock;
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
        this.stock = new StockFixture(jdbc, orders, ledger, tx);
        this.tx = tx;
        this.suppliers = suppliers;
        this.settings = settings;
        this.connectionId = stock.connectionId;
    }

    static String unique() {
        return StockFixture.unique();
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
        return stock.sku(code, onHand);
    }

    long sku(String code, int onHand, boolean madeToOrder) {
        return stock.sku(code, "商品 " + code, onHand, madeToOrder);
    }

    long sku(String code, String name, int onHand, boolean madeToOrder) {
        return stock.sku(code, name, onHand, madeToOrder);
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

    /** A paid card order of this many of the item, placed an hour ago, imported; returns its id. */
    long order(String serial, String itemCode, int quantity) {
        return stock.order(serial, OffsetDateTime.now().minusHours(1), StockFixture.item(itemCode, quantity));
    }

    String status(long orderId) {
        return stock.status(orderId);
    }

    StockLevel level(long productId) {
        return stock.level(productId);
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
