package jp.juchu.oms.stocksync.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.stock.StockLedger;
import jp.juchu.oms.stock.StockMovement;
import jp.juchu.oms.stocksync.StockSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's shared stock: with {@code oms.demo.enabled}, on the first start with an empty product master, the demo
 * shops' products become SKUs (one per variation), every linked demo shop's items are mapped to them, the stock the
 * shops started with is booked once as the OMS's stock, and the sync is confirmed for the demo shops, so that a sale
 * at one shop lowers the other's stock.
 */
@Component
@ConditionalOnProperty(name = "oms.demo.enabled", havingValue = "true")
class StockSyncDemo {

    private static final Logger log = LoggerFactory.getLogger(StockSyncDemo.class);

    /** Units per SKU beyond the shop's count, for the demo's unshipped orders to be allocated. */
    static final int OPEN_ORDERS_ROOM = 300;

    /** The shop server demo's catalogue (DemoCatalog): item code, name, stock per variation. */
    private record Item(String code, String name, Map<String, Integer> stock) {}

    private static final List<Item> ITEMS = List.of(
            new Item("tea-sencha-100", "静岡 深蒸し煎茶", ordered("100g", 120, "200g", 45)),
            new Item("tea-gyokuro-50", "八女 玉露", ordered("", 3)),
            new Item("tea-hojicha-200", "京都 ほうじ茶", ordered("", 80)),
            new Item("tea-matcha-30", "宇治抹茶 (薄茶用)", ordered("30g缶", 40)),
            new Item("tea-genmai-200", "玄米茶", ordered("", 150)),
            new Item("sweets-yokan", "本練り羊羹", ordered("", 36)),
            new Item("sweets-monaka-6", "最中 6個入", ordered("", 4)),
            new Item("sweets-dorayaki-5", "どら焼き 5個入", ordered("", 0)),
            new Item("ware-yunomi", "有田焼 湯呑み", ordered("藍", 18, "白", 2)),
            new Item("ware-kyusu", "常滑焼 急須", ordered("", 12)),
            new Item("goods-tenugui", "注染 手ぬぐい", ordered("桜", 30, "青海波", 25, "麻の葉", 0)),
            new Item("goods-tshirt", "茶柄 Tシャツ", ordered("白/S", 8, "白/M", 12, "白/L", 6, "紺/S", 0, "紺/M", 10, "紺/L", 4)),
            new Item("gift-set-a", "煎茶と羊羹の詰め合わせ", ordered("", 20)));

    private final JdbcClient jdbc;
    private final MallConnections connections;
    private final StockLedger ledger;
    private final StockSync sync;
    private final TransactionTemplate transactions;

    StockSyncDemo(
            JdbcClient jdbc,
            MallConnections connections,
            StockLedger ledger,
            StockSync sync,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.ledger = ledger;
        this.sync = sync;
        this.transactions = transactions;
    }

    /** After the demo shops are linked (order 0). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void shareTheDemoStock() {
        List<MallConnection> shops = connections.all();
        boolean empty = jdbc.sql("select not exists (select 1 from product)")
                .query(Boolean.class)
                .single();
        if (shops.isEmpty() || !empty) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            List<StockMovement> initial = new ArrayList<>();
            for (Item item : ITEMS) {
                int n = 0;
                for (Map.Entry<String, Integer> variation : item.stock().entrySet()) {
                    n++;
                    String code = item.stock().size() == 1 && variation.getKey().isEmpty()
                            ? item.code()
                            : item.code() + "-" + n;
                    String name = item.name() + (variation.getKey().isEmpty() ? "" : " " + variation.getKey());
                    long sku = jdbc.sql("insert into product (code, name, variation_1) values (?, ?, ?) returning id")
                            .params(code, name, variation.getKey().isEmpty() ? null : variation.getKey())
                            .query(Long.class)
                            .single();
                    for (MallConnection shop : shops) {
                        jdbc.sql("insert into listing (connection_id, item_code, variation, product_id)"
                                        + " values (?, ?, ?, ?) on conflict do nothing")
                                .params(shop.id(), item.code(), variation.getKey(), sku)
                                .update();
                    }
                    // the shops' stock is what is left after the demo's orders; the OMS holds those orders' units
                    // too until they ship, so the warehouse starts with the shop's count plus room for them
                    initial.add(new StockMovement(
                            sku, "ADJUST", variation.getValue() + OPEN_ORDERS_ROOM, 0, null, null, "初期在庫 (デモ)", "デモ"));
                }
            }
            ledger.book(initial);
        });
        for (MallConnection shop : shops) {
            sync.confirm(shop.id(), "デモ");
        }
        log.info("Demo: {} products mapped in {} shops, stock booked and synced", ITEMS.size(), shops.size());
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
