package jp.juchu.oms.purchasing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jp.juchu.oms.stock.FreeStock;
import jp.juchu.oms.stock.InboundStock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 発注候補: works out each SKU's live suggestion from its free stock and every open purchase order (drafts too,
 * whatever their due dates), and keeps at most one per SKU (a unique index) — or, for a made-to-order SKU, one per
 * order line its open purchase orders and free stock do not cover. Every path (a change of free stock, a purchase
 * order's change, the settings, the nightly task) goes through {@link #refresh}, under a lock per SKU, so two
 * nodes never suggest one SKU twice.
 */
@Service
public class ReorderSuggestions {

    /** Order lines of a made-to-order SKU looked at per refresh. */
    static final int MAX_SHORT_LINES = 500;
    /** Lock keys of SKUs' suggestions: this high part, then the product id. */
    private static final long LOCK_SPACE = 0x5055_0000_0000_0000L;

    /** A live suggestion as the list shows it. */
    public record Suggestion(
            long id,
            long productId,
            String code,
            String name,
            int quantity,
            int position,
            String orderNumber,
            LocalDate snoozedUntil,
            Long supplierId,
            String supplierCode,
            String supplierName,
            long unitPrice,
            Integer reorderPoint,
            Integer orderUpTo,
            int lotSize) {

        public long amount() {
            return quantity * unitPrice;
        }

        public boolean snoozed(LocalDate today) {
            return snoozedUntil != null && snoozedUntil.isAfter(today);
        }
    }

    private record Settings(
            long productId,
            boolean eligible,
            boolean madeToOrder,
            Long supplierId,
            long purchasePrice,
            Integer reorderPoint,
            Integer orderUpTo,
            int lotSize,
            long minimumAmount) {}

    private final JdbcClient jdbc;
    private final FreeStock free;
    private final InboundStock inbound;
    private final PurchaseOrders orders;

    ReorderSuggestions(JdbcClient jdbc, FreeStock free, InboundStock inbound, PurchaseOrders orders) {
        this.jdbc = jdbc;
        this.free = free;
        this.inbound = inbound;
        this.orders = orders;
    }

    /** Locks these SKUs' suggestions for the caller's transaction, in id order (so two paths never deadlock). */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(Collection<Long> productIds) {
        for (long id : new TreeSet<>(productIds)) {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_SPACE + id).query(rs -> {});
        }
    }

    /** Works out these SKUs' suggestions again; idempotent. */
    @Transactional
    public void refresh(Collection<Long> productIds) {
        TreeSet<Long> ids = new TreeSet<>(productIds);
        if (ids.isEmpty()) {
            return;
        }
        lock(ids);
        Map<Long, Settings> settings = new java.util.HashMap<>();
        jdbc.sql("""
                        select p.id, (p.kind = 'SKU' and p.stock_managed and p.active) as eligible, p.made_to_order,
                               pp.supplier_id, coalesce(pp.purchase_price, p.cost_price), pp.reorder_point,
                               pp.order_up_to, coalesce(pp.lot_size, 1), coalesce(s.minimum_amount, 0)
                        from product p left join product_purchasing pp on pp.product_id = p.id
                        left join supplier s on s.id = pp.supplier_id
                        where p.id = any (?)
                        """).param(ids.toArray(Long[]::new)).query(rs -> {
            settings.put(
                    rs.getLong(1),
                    new Settings(
                            rs.getLong(1),
                            rs.getBoolean(2),
                            rs.getBoolean(3),
                            (Long) rs.getObject(4),
                            rs.getLong(5),
                            (Integer) rs.getObject(6),
                            (Integer) rs.getObject(7),
                            rs.getInt(8),
                            rs.getLong(9)));
        });
        Map<Long, Integer> freeStock = free.of(ids);
        Map<Long, Long> open = orders.openQuantities(ids, false);
        for (long id : ids) {
            Settings s = settings.get(id);
            if (s == null || !s.eligible() || (!s.madeToOrder() && s.reorderPoint() == null)) {
                jdbc.sql("delete from reorder_suggestion where product_id = ?")
                        .param(id)
                        .update();
                continue;
            }
            long position = freeStock.getOrDefault(id, 0) + open.getOrDefault(id, 0L);
            if (s.madeToOrder()) {
                madeToOrder(s, Math.max(0, freeStock.getOrDefault(id, 0)) + open.getOrDefault(id, 0L));
            } else {
                jdbc.sql("delete from reorder_suggestion where product_id = ? and order_key is not null")
                        .param(id)
                        .update();
                int quantity = ReorderRule.quantity(
                        position, s.reorderPoint(), s.orderUpTo(), s.lotSize(), s.purchasePrice(), s.minimumAmount());
                if (quantity > 0) {
                    jdbc.sql("""
                                    insert into reorder_suggestion (product_id, quantity, position) values (?, ?, ?)
                                    on conflict (product_id) where order_key is null do update
                                    set quantity = excluded.quantity, position = excluded.position, updated_at = now()
                                    """).params(id, quantity, clamp(position)).update();
                } else {
                    jdbc.sql("delete from reorder_suggestion where product_id = ? and order_key is null")
                            .param(id)
                            .update();
                }
            }
        }
    }

    /** One suggestion per order line waiting for the SKU that free stock and open purchase orders do not cover. */
    private void madeToOrder(Settings s, long covered) {
        jdbc.sql("delete from reorder_suggestion where product_id = ? and order_key is null")
                .param(s.productId())
                .update();
        List<String> keys = new ArrayList<>();
        long left = covered;
        for (InboundStock.ShortLine line : inbound.shortLines(s.productId(), MAX_SHORT_LINES)) {
            if (left >= line.quantity()) {
                left -= line.quantity();
                continue;
            }
            long need = line.quantity() - left;
            left = 0;
            String key = s.productId() + ":" + line.orderId() + ":" + line.deliveryId() + ":" + line.lineNo();
            keys.add(key);
            int quantity = ReorderRule.rounded(need, s.lotSize(), s.purchasePrice(), s.minimumAmount());
            jdbc.sql("""
                            insert into reorder_suggestion (product_id, quantity, position, order_key, order_number)
                            values (?, ?, ?, ?, ?)
                            on conflict (order_key) where order_key is not null do update
                            set quantity = excluded.quantity, position = excluded.position, updated_at = now()
                            """)
                    .params(s.productId(), quantity, clamp(covered), key, line.orderNumber())
                    .update();
        }
        jdbc.sql("delete from reorder_suggestion where product_id = ? and order_key is not null"
                        + " and not (order_key = any (?))")
                .params(s.productId(), keys.toArray(String[]::new))
                .update();
    }

    private static int clamp(long n) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    /** The SKUs the nightly refresh looks at: those with a reorder point, made to order, or with a suggestion. */
    public List<Long> candidates(long afterId, int limit) {
        return jdbc.sql("""
                        select p.id from product p
                        where p.id > ? and (p.made_to_order
                            or exists (select 1 from product_purchasing pp where pp.product_id = p.id and pp.reorder_point is not null)
                            or exists (select 1 from reorder_suggestion r where r.product_id = p.id))
                        order by p.id limit ?
                        """).params(afterId, limit).query(Long.class).list();
    }

    /** The live suggestions, by supplier (those without one last) and SKU. */
    public List<Suggestion> list() {
        return jdbc.sql(LIST + " order by s.code nulls last, p.code, r.order_key nulls first, r.id limit 5000")
                .query(Suggestion.class)
                .list();
    }

    List<Suggestion> find(Collection<Long> ids) {
        return jdbc.sql(LIST + " where r.id = any (?) order by r.id")
                .param(ids.toArray(Long[]::new))
                .query(Suggestion.class)
                .list();
    }

    private static final String LIST = """
            select r.id, r.product_id, p.code, p.name, r.quantity, r.position, r.order_number, r.snoozed_until,
                   s.id as supplier_id, s.code as supplier_code, s.name as supplier_name,
                   coalesce(pp.purchase_price, p.cost_price) as unit_price, pp.reorder_point, pp.order_up_to,
                   coalesce(pp.lot_size, 1) as lot_size
            from reorder_suggestion r join product p on p.id = r.product_id
            left join product_purchasing pp on pp.product_id = p.id
            left join supplier s on s.id = pp.supplier_id
            """;

    /** Hides a suggestion until the day (it stays, and its quantity keeps following the stock). */
    @Transactional
    public void snooze(long id, LocalDate until) {
        int updated = jdbc.sql("update reorder_suggestion set snoozed_until = ?, updated_at = now() where id = ?")
                .params(until, id)
                .update();
        if (updated == 0) {
            throw new PurchasingRefused("発注候補が見つかりません (ほかの操作で更新された可能性があります)");
        }
    }
}
