package jp.juchu.oms.stock;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * フリー在庫 of SKUs and sets, as the shops are told: a SKU's is on hand − allocated (0 without stock); a set's is
 * the fewest sets its components make, min over components of floor(free / quantity).
 */
@Service
public class FreeStock {

    private final JdbcClient jdbc;

    FreeStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The free stock of each of these products that exists (SKU or set). */
    public Map<Long, Integer> of(Collection<Long> productIds) {
        return query(productIds, "coalesce(s.on_hand - s.allocated, 0)");
    }

    /**
     * What the shops may sell of each of these products: the free stock, plus — for SKUs whose purchasing settings
     * let inbound stock (入荷予定) be sold before it arrives — the inbound stock not yet claimed by orders waiting for
     * it (引当待ち). The one figure the stock sync pushes.
     */
    public Map<Long, Integer> forSale(Collection<Long> productIds) {
        return query(productIds, """
                coalesce(s.on_hand - s.allocated + case when s.sell_inbound then greatest(s.inbound
                    - (select coalesce(sum(w.quantity), 0) from order_allocation_line w
                       join order_allocation wa on wa.order_id = w.order_id and wa.state = 'SHORT'
                       where w.product_id = s.product_id and not w.allocated), 0) else 0 end, 0)""");
    }

    /** What the shops may sell of one SKU or set; 0 when it does not exist. */
    public int forSale(long productId) {
        return forSale(java.util.List.of(productId)).getOrDefault(productId, 0);
    }

    private Map<Long, Integer> query(Collection<Long> productIds, String skuFigure) {
        Map<Long, Integer> free = new HashMap<>();
        if (productIds.isEmpty()) {
            return free;
        }
        jdbc.sql("""
                        select p.id,
                               case when p.kind = 'SET' then
                                   (select coalesce(min(floor(%1$s::numeric / c.quantity)), 0)
                                    from product_set_component c
                                    left join stock s on s.product_id = c.component_id and s.warehouse_id = 1
                                    where c.set_id = p.id)
                               else coalesce((select %1$s from stock s
                                              where s.product_id = p.id and s.warehouse_id = 1), 0)
                               end as free
                        from product p where p.id = any (?)
                        """.formatted(skuFigure))
                .param(productIds.toArray(Long[]::new))
                .query(rs -> {
                    free.put(rs.getLong(1), rs.getInt(2));
                });
        return free;
    }

    /**
     * What these orders could be allocated now, read in one statement (one snapshot, so an allocation committing
     * meanwhile is seen whole or not at all).
     *
     * @param free the free stock of each of the SKUs
     * @param held the units of each SKU each order holds now (allocated to its lines), by order id; an order holding
     *     nothing is left out
     */
    public record Availability(Map<Long, Integer> free, Map<Long, Map<Long, Integer>> held) {}

    /** The free stock of these SKUs and what these orders hold of them, as one snapshot. */
    public Availability forOrders(Collection<Long> orderIds, Collection<Long> skuIds) {
        Map<Long, Integer> free = new HashMap<>();
        Map<Long, Map<Long, Integer>> held = new HashMap<>();
        jdbc.sql("""
                        select null::bigint as order_id, p.id,
                               coalesce((select s.on_hand - s.allocated from stock s
                                         where s.product_id = p.id and s.warehouse_id = 1), 0) as units
                        from product p where p.id = any (:skus)
                        union all
                        select order_id, product_id, sum(quantity) from order_allocation_line
                        where allocated and order_id = any (:orders) group by order_id, product_id
                        """)
                .param("skus", skuIds.toArray(Long[]::new))
                .param("orders", orderIds.toArray(Long[]::new))
                .query(rs -> {
                    long order = rs.getLong(1);
                    if (rs.wasNull()) {
                        free.put(rs.getLong(2), rs.getInt(3));
                    } else {
                        held.computeIfAbsent(order, k -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3));
                    }
                });
        return new Availability(free, held);
    }

    /** The free stock of one SKU or set; 0 when it does not exist. */
    public int of(long productId) {
        return of(java.util.List.of(productId)).getOrDefault(productId, 0);
    }
}
