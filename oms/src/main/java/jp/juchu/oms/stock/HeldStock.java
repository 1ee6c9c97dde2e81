package jp.juchu.oms.stock;

import static jp.juchu.oms.stock.OrderAllocations.ALLOCATED;
import static jp.juchu.oms.stock.OrderAllocations.PENDING;
import static jp.juchu.oms.stock.OrderAllocations.RELEASED;
import static jp.juchu.oms.stock.OrderAllocations.SHIPPED;
import static jp.juchu.oms.stock.OrderAllocations.SHORT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.juchu.oms.orders.OrderLines;
import jp.juchu.oms.products.Listings;
import jp.juchu.oms.products.Products;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What orders hold leaving them: released (RELEASE) when an order is cancelled, edited or deleted, shipped (SHIP)
 * when it ships, taken back (UNSHIP) when a shipped order is moved back. Each reads what the order's lines hold from
 * {@link OrderAllocations}, so it books exactly that.
 */
@Service
class HeldStock {

    private final JdbcClient jdbc;
    private final OrderAllocations allocations;
    private final StockLedger ledger;
    private final Listings listings;
    private final Products products;

    HeldStock(JdbcClient jdbc, OrderAllocations allocations, StockLedger ledger, Listings listings, Products products) {
        this.jdbc = jdbc;
        this.allocations = allocations;
        this.ledger = ledger;
        this.listings = listings;
        this.products = products;
    }

    /** Releases (RELEASE) what the order's lines hold and leaves the order in {@code newState}. */
    void release(long orderId, String reason, String actor, String newState) {
        if (allocations.state(orderId).filter(SHIPPED::equals).isPresent()) {
            return; // a shipped order holds nothing: cancelling it afterwards does not bring its goods back
        }
        Map<Long, Integer> held = new TreeMap<>();
        for (AllocationLine l : allocations.lines(orderId)) {
            if (l.allocated()) {
                held.merge(l.productId(), l.quantity(), Integer::sum);
            }
        }
        List<StockMovement> movements = new ArrayList<>();
        held.forEach((productId, quantity) ->
                movements.add(new StockMovement(productId, "RELEASE", 0, -quantity, orderId, null, reason, actor)));
        book(movements);
        jdbc.sql("update order_allocation_line set allocated = false where order_id = ? and allocated")
                .param(orderId)
                .update();
        allocations.setState(orderId, newState, null);
    }

    /**
     * Ships the order (SHIP): on hand and allocated fall together by what its lines hold; a line that was short
     * lowers on hand only (the goods left anyway, so free stock may go negative). Once per order: a shipped order
     * books nothing again.
     */
    void ship(long orderId, OrderLines.Order order, String actor) {
        Optional<String> state = allocations.state(orderId);
        if (state.isEmpty() || SHIPPED.equals(state.get()) || RELEASED.equals(state.get())) {
            return;
        }
        List<AllocationLine> lines;
        if (PENDING.equals(state.get())) {
            lines = new SkuResolver(listings, products).lines(order);
            allocations.insertLines(
                    lines.stream().map(l -> OrderAllocations.row(orderId, l)).toList());
        } else {
            lines = allocations.lines(orderId);
        }
        book(movements(orderId, lines, -1, "SHIP", null, actor));
        allocations.setState(orderId, SHIPPED, null);
    }

    /** Takes back a shipment (UNSHIP, an admin moved a shipped order back): the reverse of {@link #ship}. */
    void unship(long orderId, String actor) {
        if (!allocations.state(orderId).filter(SHIPPED::equals).isPresent()) {
            return;
        }
        List<AllocationLine> lines = allocations.lines(orderId);
        book(movements(orderId, lines, 1, "UNSHIP", "出荷済みから戻しました", actor));
        allocations.setState(orderId, lines.stream().allMatch(AllocationLine::allocated) ? ALLOCATED : SHORT, null);
    }

    /** Releases what these orders held (they are being deleted) and forgets them. */
    void forget(Collection<Long> orderIds, String reason, String actor) {
        if (orderIds.isEmpty()) {
            return;
        }
        Long[] ids = orderIds.toArray(Long[]::new);
        List<StockMovement> movements = new ArrayList<>();
        jdbc.sql("""
                        select l.order_id, l.product_id, sum(l.quantity) from order_allocation_line l
                        join order_allocation a on a.order_id = l.order_id
                        where l.order_id = any (?) and l.allocated and a.state <> 'SHIPPED'
                        group by l.order_id, l.product_id order by l.product_id, l.order_id
                        """).param(ids).query(rs -> {
            movements.add(
                    new StockMovement(rs.getLong(2), "RELEASE", 0, -rs.getInt(3), rs.getLong(1), null, reason, actor));
        });
        book(movements);
        jdbc.sql("delete from order_allocation_line where order_id = any (?)")
                .param(ids)
                .update();
        jdbc.sql("delete from order_allocation where order_id = any (?)")
                .param(ids)
                .update();
    }

    /** Releases everything every order holds and forgets every order (データリセット). */
    void forgetAll(String reason, String actor) {
        List<StockMovement> movements = new ArrayList<>();
        jdbc.sql("""
                        select l.product_id, sum(l.quantity) from order_allocation_line l
                        join order_allocation a on a.order_id = l.order_id
                        where l.allocated and a.state <> 'SHIPPED'
                        group by l.product_id order by l.product_id
                        """).query(rs -> {
            movements.add(new StockMovement(rs.getLong(1), "RELEASE", 0, -rs.getInt(2), null, null, reason, actor));
        });
        book(movements);
        jdbc.sql("delete from order_allocation_line").update();
        jdbc.sql("delete from order_allocation").update();
    }

    /**
     * One movement per SKU of the order's lines, in SKU order: on hand by all they take, allocated by what they hold,
     * each times {@code sign}.
     */
    private static List<StockMovement> movements(
            long orderId, List<AllocationLine> lines, int sign, String kind, String reason, String actor) {
        Map<Long, int[]> change = new TreeMap<>();
        for (AllocationLine l : lines) {
            int[] c = change.computeIfAbsent(l.productId(), k -> new int[2]);
            c[0] += sign * l.quantity();
            c[1] += l.allocated() ? sign * l.quantity() : 0;
        }
        List<StockMovement> movements = new ArrayList<>();
        change.forEach((productId, c) ->
                movements.add(new StockMovement(productId, kind, c[0], c[1], orderId, null, reason, actor)));
        return movements;
    }

    private void book(List<StockMovement> movements) {
        if (!movements.isEmpty()) {
            ledger.book(movements);
        }
    }
}
