package jp.juchu.oms.stock;

import static jp.juchu.oms.stock.OrderAllocations.ALLOCATED;
import static jp.juchu.oms.stock.OrderAllocations.PENDING;
import static jp.juchu.oms.stock.OrderAllocations.SHIPPED;
import static jp.juchu.oms.stock.OrderAllocations.SHORT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderLines;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.products.Listings;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocation (引当): gives orders their SKUs' free stock, oldest order first, all or nothing per shipment (お届け先),
 * with one conditional update per SKU ({@link StockLedger#allocate}). An order a shipment of which falls short goes
 * to 引当待ち with its short lines marked, and moves on when its stock is allocated later. Releasing (cancel, edit,
 * deletion) and shipping ({@link HeldStock}) read what each line holds from {@link OrderAllocations}, so they are
 * exact.
 */
@Service
class Allocation {

    static final String ACTOR = "システム (在庫引当)";
    static final Actor SYSTEM = Actor.system(ACTOR);

    static final String AWAITING_STOCK = "AWAITING_STOCK";
    static final String CANCELLED = "CANCELLED";
    static final String SHIPPED_STATUS = "SHIPPED";

    /** How many waiting orders one pass allocates at most (the rest in the next pass). */
    static final int WAITING_BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final OrderAllocations allocations;
    private final HeldStock heldStock;
    private final OrderLines orderLines;
    private final Orders orders;
    private final OrderWorkflow workflow;
    private final Listings listings;
    private final Products products;
    private final StockLedger ledger;

    Allocation(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            OrderAllocations allocations,
            HeldStock heldStock,
            OrderLines orderLines,
            Orders orders,
            OrderWorkflow workflow,
            Listings listings,
            Products products,
            StockLedger ledger) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.allocations = allocations;
        this.heldStock = heldStock;
        this.orderLines = orderLines;
        this.orders = orders;
        this.workflow = workflow;
        this.listings = listings;
        this.products = products;
        this.ledger = ledger;
    }

    /** Marks orders to be allocated (state PENDING), in the caller's transaction. Orders marked already stay. */
    void markPending(List<OrderLines.Header> orders) {
        List<OrderLines.Header> pending =
                orders.stream().filter(order -> !settled(order.status())).toList();
        if (pending.isEmpty()) {
            return;
        }
        jdbc.sql("insert into order_allocation (order_id, state, ordered_at)"
                        + " select id, 'PENDING', ordered_at from unnest(?::bigint[], ?::text[]::timestamptz[])"
                        + " as o(id, ordered_at) on conflict (order_id) do nothing")
                .params(
                        pending.stream().map(OrderLines.Header::id).toArray(Long[]::new),
                        pending.stream()
                                .map(order -> order.orderedAt().toString())
                                .toArray(String[]::new))
                .update();
    }

    /** Cancelled or shipped: nothing to allocate (the status change's own hook settles what it held). */
    private static boolean settled(String status) {
        return CANCELLED.equals(status) || SHIPPED_STATUS.equals(status);
    }

    /**
     * The stock-managed SKUs of the orders among these that arrived cancelled or shipped at their shop (nothing to
     * allocate), by shop: from the items they sold, each once, not from their lines.
     */
    Map<Long, Set<Long>> settledAtShop(List<OrderLines.Header> imported) {
        List<Long> settled = imported.stream()
                .filter(order -> settled(order.status()))
                .map(OrderLines.Header::id)
                .toList();
        if (settled.isEmpty()) {
            return Map.of();
        }
        return new SkuResolver(listings, products).skus(this.orders.itemsSold(settled));
    }

    /**
     * Allocates the orders among these that wait for it (PENDING or SHORT), oldest first, under their row locks.
     *
     * @param goingTo where an order that falls short would have gone (its status now when null)
     * @return the orders allocated in full
     */
    @Transactional
    List<Long> allocate(Collection<Long> orderIds, String goingTo) {
        // only the orders waiting for allocation are locked and read (an import's settled orders are most of its
        // pages); their states are read again under the locks
        List<Long> candidates = allocations.states(orderIds).entrySet().stream()
                .filter(e -> PENDING.equals(e.getValue().state())
                        || SHORT.equals(e.getValue().state()))
                .map(Map.Entry::getKey)
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<OrderLines.Order> orders = orderLines.of(candidates, true);
        Map<Long, OrderAllocations.State> states = allocations.states(candidates);
        SkuResolver resolver = new SkuResolver(listings, products);
        StockLedger.Batch batch = new StockLedger.Batch();
        List<Object[]> newLines = new ArrayList<>();
        List<Long> allocatedState = new ArrayList<>();
        List<Long> allocated = new ArrayList<>();
        Map<Long, List<AllocationLine>> toAllocate = new LinkedHashMap<>();
        SortedSet<Long> skus = new TreeSet<>();
        resolver.prefetch(orders.stream()
                .filter(o -> states.containsKey(o.id())
                        && PENDING.equals(states.get(o.id()).state()))
                .toList());
        for (OrderLines.Order order : orders) {
            OrderAllocations.State state = states.get(order.id());
            if (state == null || !(PENDING.equals(state.state()) || SHORT.equals(state.state()))) {
                continue;
            }
            if (settled(order.status())) {
                continue; // the status change's own hook settles these
            }
            List<AllocationLine> lines =
                    PENDING.equals(state.state()) ? resolver.lines(order) : allocations.lines(order.id());
            toAllocate.put(order.id(), lines);
            lines.forEach(l -> skus.add(l.productId()));
        }
        // every SKU's row locked up front in id order: allocations running at once on many nodes never deadlock
        ledger.lock(skus, batch);
        for (OrderLines.Order order : orders) {
            List<AllocationLine> lines = toAllocate.get(order.id());
            if (lines == null) {
                continue;
            }
            OrderAllocations.State state = states.get(order.id());
            boolean fresh = PENDING.equals(state.state());
            List<AllocationLine> after = allocateShipments(order.id(), lines, batch);
            boolean complete = after.stream().allMatch(AllocationLine::allocated);
            if (fresh) {
                after.forEach(l -> newLines.add(OrderAllocations.row(order.id(), l)));
            } else {
                markAllocated(order.id(), lines, after);
            }
            boolean waiting = AWAITING_STOCK.equals(order.status());
            if (complete && !waiting) {
                allocatedState.add(order.id());
                allocated.add(order.id());
                continue;
            }
            // the workflow's own hook reads the state: write it before moving the order
            allocations.insertLines(newLines);
            if (complete) {
                allocations.setState(order.id(), ALLOCATED, null);
                workflow.stockAllocated(order.id(), state.resumeStatus(), SYSTEM);
                allocated.add(order.id());
            } else {
                String resume = waiting ? state.resumeStatus() : (goingTo != null ? goingTo : order.status());
                allocations.setState(order.id(), SHORT, resume);
                // a product not released yet waits in 発売日待ち (the rules' wait), not in 引当待ち
                if (!waiting && !resolver.anyUnreleased(after)) {
                    workflow.awaitStock(order.id(), SYSTEM, "在庫不足: " + shortCodes(after));
                }
            }
        }
        allocations.insertLines(newLines);
        if (!allocatedState.isEmpty()) {
            // one statement for the page's orders allocated in full, not one per order
            jdbc.sql("update order_allocation set state = 'ALLOCATED', updated_at = now() where order_id = any (?)")
                    .param(allocatedState.toArray(Long[]::new))
                    .update();
        }
        ledger.flush(batch);
        return allocated;
    }

    /** The waiting orders (oldest first) a short line of which needs one of these SKUs; all waiting when null. */
    List<Long> waitingFor(Set<Long> productIds) {
        if (productIds == null) {
            return jdbc.sql("select order_id from order_allocation where state in ('PENDING', 'SHORT')"
                            + " order by ordered_at, order_id limit ?")
                    .param(WAITING_BATCH)
                    .query(Long.class)
                    .list();
        }
        return jdbc.sql("""
                        select a.order_id from order_allocation a
                        where a.state = 'SHORT' and exists (select 1 from order_allocation_line l
                            where l.order_id = a.order_id and not l.allocated and l.product_id = any (?))
                        order by a.ordered_at, a.order_id limit ?
                        """)
                .params(productIds.toArray(Long[]::new), WAITING_BATCH)
                .query(Long.class)
                .list();
    }

    /** An order back in 引当待ち with its stock allocated meanwhile moves on to where it was going. */
    void moveOn(long orderId) {
        String resume = jdbc.sql("select resume_status from order_allocation where order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
        workflow.stockAllocated(orderId, resume, SYSTEM);
    }

    /**
     * Makes the order wait for allocation from scratch: what it holds released, its lines to be read again. A
     * shipped order stays shipped.
     */
    void reset(long orderId, OffsetDateTime orderedAt, String reason, String actor) {
        if (allocations.state(orderId).filter(SHIPPED::equals).isPresent()) {
            return; // its goods left once: the ledger never ships it again
        }
        // the rows it held and the rows its lines need now, locked in id order before any changes, as every
        // allocation locks them: releasing first and then allocating would take them out of order and deadlock
        SortedSet<Long> skus = new TreeSet<>();
        allocations.lines(orderId).forEach(l -> skus.add(l.productId()));
        SkuResolver resolver = new SkuResolver(listings, products);
        orderLines.of(List.of(orderId), true).forEach(o -> resolver.lines(o).forEach(l -> skus.add(l.productId())));
        ledger.lock(skus, new StockLedger.Batch());
        heldStock.release(orderId, reason, actor, PENDING);
        jdbc.sql("delete from order_allocation_line where order_id = ?")
                .param(orderId)
                .update();
        jdbc.sql("""
                        insert into order_allocation (order_id, state, ordered_at) values (?, 'PENDING', ?)
                        on conflict (order_id) do update set state = 'PENDING', updated_at = now()
                        """).params(orderId, orderedAt).update();
    }

    /** Allocates each shipment's unallocated lines, all or nothing per shipment; returns the lines after. */
    private List<AllocationLine> allocateShipments(long orderId, List<AllocationLine> lines, StockLedger.Batch batch) {
        Map<Integer, SortedMap<Long, Integer>> needs = new LinkedHashMap<>();
        for (AllocationLine l : lines) {
            if (!l.allocated()) {
                needs.computeIfAbsent(l.deliveryId(), d -> new TreeMap<>())
                        .merge(l.productId(), l.quantity(), Integer::sum);
            }
        }
        List<Integer> done = new ArrayList<>();
        needs.forEach((deliveryId, need) -> {
            if (ledger.allocate(orderId, need, ACTOR, batch)) {
                done.add(deliveryId);
            }
        });
        return lines.stream()
                .map(l -> done.contains(l.deliveryId()) ? l.asAllocated() : l)
                .toList();
    }

    private void markAllocated(long orderId, List<AllocationLine> before, List<AllocationLine> after) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            AllocationLine l = after.get(i);
            if (l.allocated() && !before.get(i).allocated()) {
                rows.add(new Object[] {orderId, l.deliveryId(), l.lineNo(), l.productId()});
            }
        }
        jdbcTemplate.batchUpdate(
                "update order_allocation_line set allocated = true"
                        + " where order_id = ? and delivery_id = ? and line_no = ? and product_id = ?",
                rows);
    }

    private String shortCodes(List<AllocationLine> lines) {
        return lines.stream()
                .filter(l -> !l.allocated())
                .map(l -> products.find(l.productId()).map(Product::code).orElse("#" + l.productId()))
                .distinct()
                .limit(10)
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }
}
