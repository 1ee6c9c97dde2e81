package jp.juchu.oms.products.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.OrderChangedAtShop;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.OrdersImported;
import jp.juchu.oms.products.Listings;
import jp.juchu.oms.products.Listings.ItemKey;
import jp.juchu.support.db.LockRetry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shop items seen in orders, and the alert 未登録商品 on an order with a line no listing resolves. Every path that
 * creates orders (a shop's import, the CSV import, 受注登録) announces {@link OrdersImported}; this records each
 * line's item in {@code shop_item} (the 商品候補一覧 counts) and, for the unmapped ones, a row per order and the
 * alert. Mapping the item later ({@link #mapped}) takes only that alert off the orders that had it.
 */
@Service
public class UnmappedItems {

    /** The first words of the alert line: how it is found again to be taken off. */
    public static final String ALERT = "未登録商品";

    static final String ACTOR = "システム (商品管理)";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Orders orders;
    private final Listings listings;
    private final MallConnections connections;
    private final TransactionTemplate transactions;

    UnmappedItems(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            Orders orders,
            Listings listings,
            MallConnections connections,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.orders = orders;
        this.listings = listings;
        this.connections = connections;
    }

    /**
     * After the import's commit, in a transaction of its own per attempt: the alerts touch the same orders the rules
     * change at the same time, and a lost deadlock is simply tried again.
     */
    @Async
    @TransactionalEventListener
    void on(OrdersImported imported) {
        LockRetry.retrying(
                "未登録商品",
                () -> transactions.execute(status -> {
                    seen(imported.connectionId(), imported.orderIds());
                    return null;
                }));
    }

    /** The shop changed an order's items: its alert follows its lines now. */
    @ApplicationModuleListener
    void on(OrderChangedAtShop changed) {
        if (changed.changes().stream().noneMatch(c -> c.startsWith("商品"))) {
            return;
        }
        recheck(changed.connectionId(), changed.orderId());
    }

    /** Records the items of new orders and puts the alert on those with an unmapped item. */
    @Transactional
    public void seen(long connectionId, List<Long> orderIds) {
        if (connections.find(connectionId).isEmpty()) {
            return; // a channel the OMS does not know (tests' orders): there is no shop to map its items to
        }
        List<Orders.ItemOrdered> ordered = orders.itemsOrdered(orderIds);
        record(ordered);
        Set<ItemKey> unmappedItems = listings.unmapped(connectionId, keys(ordered));
        if (unmappedItems.isEmpty()) {
            return; // every item is mapped: no order's lines need reading
        }
        Map<Long, Set<ItemKey>> unmapped = byOrder(orders.lines(orderIds), unmappedItems);
        List<Object[]> rows = new ArrayList<>();
        unmapped.forEach((orderId, items) ->
                items.forEach(i -> rows.add(new Object[] {orderId, connectionId, i.itemCode(), i.variation()})));
        jdbcTemplate.batchUpdate(
                "insert into unmapped_order_item (order_id, connection_id, item_code, variation) values (?, ?, ?, ?)"
                        + " on conflict do nothing",
                rows);
        unmapped.forEach((orderId, items) -> orders.raiseAlert(orderId, alert(items), ACTOR));
    }

    /** An order's lines changed: its unmapped items are those of its lines now, and the alert follows. */
    @Transactional
    public void recheck(long connectionId, long orderId) {
        if (connections.find(connectionId).isEmpty()) {
            return;
        }
        List<Orders.ItemOrdered> items = orders.itemsOrdered(List.of(orderId));
        record(items);
        boolean had = jdbc.sql("delete from unmapped_order_item where order_id = ?")
                        .param(orderId)
                        .update()
                > 0;
        Set<ItemKey> now = listings.unmapped(connectionId, keys(items));
        for (ItemKey i : now) {
            jdbc.sql("insert into unmapped_order_item (order_id, connection_id, item_code, variation)"
                            + " values (?, ?, ?, ?) on conflict do nothing")
                    .params(orderId, connectionId, i.itemCode(), i.variation())
                    .update();
        }
        if (had) {
            orders.clearAlert(orderId, ALERT, ACTOR);
        }
        if (!now.isEmpty()) {
            orders.raiseAlert(orderId, alert(now), ACTOR);
        }
    }

    /**
     * A shop's item was mapped: the orders waiting for it lose it, and those with no unmapped item left lose the
     * alert 未登録商品 (their other alerts stay). Runs in the transaction that wrote the listing.
     *
     * @return how many orders lost the alert
     */
    @Transactional
    public int mapped(long connectionId, String itemCode, String variation) {
        List<Long> affected = jdbc.sql("delete from unmapped_order_item where connection_id = ? and item_code = ?"
                        + " and variation = ? returning order_id")
                .params(connectionId, itemCode, variation == null ? "" : variation)
                .query(Long.class)
                .list();
        if (affected.isEmpty()) {
            return 0;
        }
        List<Long> cleared = jdbc.sql("select o.id from unnest(?) as o(id) where not exists"
                        + " (select 1 from unmapped_order_item u where u.order_id = o.id) order by o.id")
                .param(affected.toArray(Long[]::new))
                .query(Long.class)
                .list();
        int count = 0;
        for (long orderId : cleared) {
            if (orders.clearAlert(orderId, ALERT, ACTOR)) {
                count++;
            }
        }
        return count;
    }

    /** How many orders wait for each unmapped item (for 商品候補一覧). */
    public long ordersWaiting(long connectionId, String itemCode, String variation) {
        return jdbc.sql("select count(*) from unmapped_order_item where connection_id = ? and item_code = ?"
                        + " and variation = ?")
                .params(connectionId, itemCode, variation)
                .query(Long.class)
                .single();
    }

    private static Set<ItemKey> keys(List<Orders.ItemOrdered> items) {
        Set<ItemKey> keys = new LinkedHashSet<>();
        items.forEach(i -> keys.add(new ItemKey(i.itemCode(), i.variation())));
        return keys;
    }

    /** Each order's lines among these items, per order. */
    private static Map<Long, Set<ItemKey>> byOrder(List<Orders.OrderLine> lines, Set<ItemKey> items) {
        Map<Long, Set<ItemKey>> byOrder = new LinkedHashMap<>();
        for (Orders.OrderLine l : lines) {
            ItemKey key = new ItemKey(l.itemCode(), l.variation());
            if (items.contains(key)) {
                byOrder.computeIfAbsent(l.orderId(), id -> new LinkedHashSet<>())
                        .add(key);
            }
        }
        return byOrder;
    }

    /**
     * Adds the items to the items seen: their count of order lines and the last time ordered, in item order for every
     * node, so that two imports never wait on each other's rows.
     */
    private void record(List<Orders.ItemOrdered> items) {
        jdbcTemplate.batchUpdate(
                "insert into shop_item (connection_id, item_code, variation, name, unit_price, order_lines,"
                        + " last_ordered_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (connection_id, item_code,"
                        + " variation) do update set name = excluded.name, unit_price = excluded.unit_price,"
                        + " order_lines = shop_item.order_lines + excluded.order_lines,"
                        + " last_ordered_at = greatest(shop_item.last_ordered_at, excluded.last_ordered_at)",
                items.stream()
                        .map(i -> new Object[] {
                            i.connectionId(),
                            i.itemCode(),
                            i.variation(),
                            abbreviate(i.name()),
                            i.unitPrice(),
                            i.lines(),
                            i.lastOrderedAt()
                        })
                        .toList());
    }

    private static String abbreviate(String name) {
        return name == null ? "" : name.length() > 400 ? name.substring(0, 400) : name;
    }

    static String alert(Set<ItemKey> items) {
        List<String> names = items.stream()
                .limit(10)
                .map(i -> i.variation().isEmpty() ? i.itemCode() : i.itemCode() + " (" + i.variation() + ")")
                .toList();
        return ALERT + ": 商品対応表にない商品があります — " + String.join(", ", names)
                + (items.size() > names.size() ? " ほか" + (items.size() - names.size()) + "件" : "")
                + "。商品候補一覧で登録・紐付けしてください";
    }
}
