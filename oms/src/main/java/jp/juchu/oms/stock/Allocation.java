package jp.juchu.oms.stock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderLines;
import jp.juchu.oms.orders.OrderWorkflow;
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
 * deletion) and shipping read what each line holds from {@code order_allocation_line}, so they are exact.
 */
@Service
class Allocation {

    static final String ACTOR = "システム (在庫引当)";
    static final Actor SYSTEM = Actor.system(ACTOR);

    static final String PENDING = "PENDING";
    static final String ALLOCATED = "ALLOCATED";
    static final String SHORT = "SHORT";
    static final String SHIPPED = "SHIPPED";
    static final String RELEASED = "RELEASED";

    static final String AWAITING_STOCK = "AWAITING_STOCK";
    static final String CANCELLED = "CANCELLED";
    static final String SHIPPED_STATUS = "SHIPPED";

    /** How many waiting orders one pass allocates at most (the rest in the next pass). */
    static final int WAITING_BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final OrderLines orderLines;
    private final OrderWorkflow workflow;
    private final Listings listings;
    private final Products products;
    private final StockLedger ledger;

    Allocation(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            OrderLines orderLines,
            OrderWorkflow workflow,
            Listings listings,
            Products products,
            StockLedger ledger) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.orderLines = orderLines;
        this.workflow = workflow;
        this.listings = listings;
        this.products = products;
        this.ledger = ledger;
    }

    /** What one order line takes of one SKU. */
    record Line(int deliveryId, int lineNo, long productId, int quantity, boolean allocated) {

        Line asAllocated() {
            return new Line(deliveryId, lineNo, productId, quantity, true);
        }
    }

    private record State(String state, String resumeStatus) {}

    /** Marks orders to be allocated (state PENDING), in the caller's transaction. Orders marked already stay. */
    void markPending(List<OrderLines.Order> orders) {
        List<Object[]> rows = new ArrayList<>();
        for (OrderLines.Order order : orders) {
            if (!CANCELLED.equals(order.status()) && !SHIPPED_STATUS.equals(order.status())) {
                rows.add(new Object[] {order.id(), order.orderedAt()});
            }
        }
        jdbcTemplate.batchUpdate(
                "insert into order_allocation (order_id, state, ordered_at) values (?, 'PENDING', ?)"
                        + " on conflict (order_id) do nothing",
                rows);
    }

    /**
     * Allocates the orders among these that wait for it (PENDING or SHORT), oldest first, under their row locks.
     *
     * @param goingTo where an order that falls short would have gone (its status now when null)
     * @return the orders allocated in full
     */
    @Transactional
    List<Long> allocate(Collection<Long> orderIds, String goingTo) {
        List<OrderLines.Order> orders = orderLines.of(orderIds, true);
        Map<Long, State> states = states(orderIds);
        Resolver resolver = new Resolver();
        StockLedger.Batch batch = new StockLedger.Batch();
        List<Object[]> newLines = new ArrayList<>();
        List<Long> allocatedState = new ArrayList<>();
        List<Long> allocated = new ArrayList<>();
        Map<Long, List<Line>> toAllocate = new LinkedHashMap<>();
        java.util.SortedSet<Long> skus = new java.util.TreeSet<>();
        resolver.prefetch(orders.stream()
                .filter(o -> states.containsKey(o.id())
                        && PENDING.equals(states.get(o.id()).state()))
                .toList());
        for (OrderLines.Order order : orders) {
            State state = states.get(order.id());
            if (state == null || !(PENDING.equals(state.state()) || SHORT.equals(state.state()))) {
                continue;
            }
            if (CANCELLED.equals(order.status()) || SHIPPED_STATUS.equals(order.status())) {
                continue; // the status change's own hook settles these
            }
            List<Line> lines = PENDING.equals(state.state()) ? resolver.lines(order) : lines(order.id());
            toAllocate.put(order.id(), lines);
            lines.forEach(l -> skus.add(l.productId()));
        }
        // every SKU's row locked up front in id order: allocations running at once on many nodes never deadlock
        ledger.lock(skus, batch);
        for (OrderLines.Order order : orders) {
            List<Line> lines = toAllocate.get(order.id());
            if (lines == null) {
                continue;
            }
            State state = states.get(order.id());
            boolean fresh = PENDING.equals(state.state());
            List<Line> after = allocateShipments(order.id(), lines, batch);
            boolean complete = after.stream().allMatch(Line::allocated);
            if (fresh) {
                after.forEach(l -> newLines.add(
                        new Object[] {order.id(), l.deliveryId(), l.lineNo(), l.productId(), l.quantity(), l.allocated()
                        }));
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
            flushLines(newLines);
            if (complete) {
                setState(order.id(), ALLOCATED, null);
                workflow.stockAllocated(order.id(), state.resumeStatus(), SYSTEM);
                allocated.add(order.id());
            } else {
                String resume = waiting ? state.resumeStatus() : (goingTo != null ? goingTo : order.status());
                setState(order.id(), SHORT, resume);
                // a product not released yet waits in 発売日待ち (the rules' wait), not in 引当待ち
                if (!waiting && !resolver.anyUnreleased(after)) {
                    workflow.awaitStock(order.id(), SYSTEM, "在庫不足: " + shortCodes(after));
                }
            }
        }
        flushLines(newLines);
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

    /** The order's allocation state, or empty when it has none (never allocated). */
    Optional<String> state(long orderId) {
        return jdbc.sql("select state from order_allocation where order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional();
    }

    /**
     * Makes the order wait for allocation from scratch: what it holds released, its lines to be read again. A
     * shipped order stays shipped.
     */
    void reset(long orderId, java.time.OffsetDateTime orderedAt, String reason, String actor) {
        if (state(orderId).filter(SHIPPED::equals).isPresent()) {
            return; // its goods left once: the ledger never ships it again
        }
        // the rows it held and the rows its lines need now, locked in id order before any changes, as every
        // allocation locks them: releasing first and then allocating would take them out of order and deadlock
        java.util.SortedSet<Long> skus = new java.util.TreeSet<>();
        lines(orderId).forEach(l -> skus.add(l.productId()));
        Resolver resolver = new Resolver();
        orderLines.of(List.of(orderId), true).forEach(o -> resolver.lines(o).forEach(l -> skus.add(l.productId())));
        ledger.lock(skus, new StockLedger.Batch());
        release(orderId, reason, actor, PENDING);
        jdbc.sql("delete from order_allocation_line where order_id = ?")
                .param(orderId)
                .update();
        jdbc.sql("""
                        insert into order_allocation (order_id, state, ordered_at) values (?, 'PENDING', ?)
                        on conflict (order_id) do update set state = 'PENDING', updated_at = now()
                        """).params(orderId, orderedAt).update();
    }

    /** Releases (RELEASE) what the order's lines hold and leaves the order in {@code newState}. */
    void release(long orderId, String reason, String actor, String newState) {
        if (state(orderId).filter(SHIPPED::equals).isPresent()) {
            return; // a shipped order holds nothing: cancelling it afterwards does not bring its goods back
        }
        Map<Long, Integer> held = new TreeMap<>();
        for (Line l : lines(orderId)) {
            if (l.allocated()) {
                held.merge(l.productId(), l.quantity(), Integer::sum);
            }
        }
        List<StockMovement> movements = new ArrayList<>();
        held.forEach((productId, quantity) ->
                movements.add(new StockMovement(productId, "RELEASE", 0, -quantity, orderId, null, reason, actor)));
        if (!movements.isEmpty()) {
            ledger.book(movements);
        }
        jdbc.sql("update order_allocation_line set allocated = false where order_id = ? and allocated")
                .param(orderId)
                .update();
        setState(orderId, newState, null);
    }

    /**
     * Ships the order (SHIP): on hand and allocated fall together by what its lines hold; a line that was short
     * lowers on hand only (the goods left anyway, so free stock may go negative). Once per order: a shipped order
     * books nothing again.
     */
    void ship(long orderId, OrderLines.Order order, String actor) {
        Optional<String> state = state(orderId);
        if (state.isEmpty() || SHIPPED.equals(state.get()) || RELEASED.equals(state.get())) {
            return;
        }
        List<Line> lines = PENDING.equals(state.get()) ? new Resolver().lines(order) : lines(orderId);
        if (PENDING.equals(state.get())) {
            flushLines(lines.stream()
                    .map(l -> new Object[] {orderId, l.deliveryId(), l.lineNo(), l.productId(), l.quantity(), false})
                    .toList());
        }
        Map<Long, int[]> change = new TreeMap<>();
        for (Line l : lines) {
            int[] c = change.computeIfAbsent(l.productId(), k -> new int[2]);
            c[0] -= l.quantity();
            c[1] -= l.allocated() ? l.quantity() : 0;
        }
        List<StockMovement> movements = new ArrayList<>();
        change.forEach((productId, c) ->
                movements.add(new StockMovement(productId, "SHIP", c[0], c[1], orderId, null, null, actor)));
        if (!movements.isEmpty()) {
            ledger.book(movements);
        }
        setState(orderId, SHIPPED, null);
    }

    /** Takes back a shipment (UNSHIP, an admin moved a shipped order back): the reverse of {@link #ship}. */
    void unship(long orderId, String actor) {
        if (!state(orderId).filter(SHIPPED::equals).isPresent()) {
            return;
        }
        List<Line> lines = lines(orderId);
        Map<Long, int[]> change = new TreeMap<>();
        for (Line l : lines) {
            int[] c = change.computeIfAbsent(l.productId(), k -> new int[2]);
            c[0] += l.quantity();
            c[1] += l.allocated() ? l.quantity() : 0;
        }
        List<StockMovement> movements = new ArrayList<>();
        change.forEach((productId, c) ->
                movements.add(new StockMovement(productId, "UNSHIP", c[0], c[1], orderId, null, "出荷済みから戻しました", actor)));
        if (!movements.isEmpty()) {
            ledger.book(movements);
        }
        setState(orderId, lines.stream().allMatch(Line::allocated) ? ALLOCATED : SHORT, null);
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
        if (!movements.isEmpty()) {
            ledger.book(movements);
        }
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
        if (!movements.isEmpty()) {
            ledger.book(movements);
        }
        jdbc.sql("delete from order_allocation_line").update();
        jdbc.sql("delete from order_allocation").update();
    }

    List<Line> lines(long orderId) {
        return jdbc.sql("select delivery_id, line_no, product_id, quantity, allocated from order_allocation_line"
                        + " where order_id = ? order by delivery_id, line_no, product_id")
                .param(orderId)
                .query(Line.class)
                .list();
    }

    /** Allocates each shipment's unallocated lines, all or nothing per shipment; returns the lines after. */
    private List<Line> allocateShipments(long orderId, List<Line> lines, StockLedger.Batch batch) {
        Map<Integer, SortedMap<Long, Integer>> needs = new LinkedHashMap<>();
        for (Line l : lines) {
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

    private void markAllocated(long orderId, List<Line> before, List<Line> after) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            Line l = after.get(i);
            if (l.allocated() && !before.get(i).allocated()) {
                rows.add(new Object[] {orderId, l.deliveryId(), l.lineNo(), l.productId()});
            }
        }
        jdbcTemplate.batchUpdate(
                "update order_allocation_line set allocated = true"
                        + " where order_id = ? and delivery_id = ? and line_no = ? and product_id = ?",
                rows);
    }

    private void flushLines(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate(
                "insert into order_allocation_line (order_id, delivery_id, line_no, product_id, quantity, allocated)"
                        + " values (?, ?, ?, ?, ?, ?)",
                rows);
        if (rows instanceof ArrayList<Object[]> list) {
            list.clear();
        }
    }

    private void setState(long orderId, String state, String resumeStatus) {
        // the status to resume stays until a new one is known: a held order may come back to 引当待ち later
        jdbc.sql("update order_allocation set state = ?, resume_status = coalesce(?, resume_status),"
                        + " updated_at = now() where order_id = ?")
                .params(state, resumeStatus, orderId)
                .update();
    }

    private Map<Long, State> states(Collection<Long> orderIds) {
        Map<Long, State> states = new HashMap<>();
        jdbc.sql("select order_id, state, resume_status from order_allocation where order_id = any (?)")
                .param(orderIds.toArray(Long[]::new))
                .query(rs -> {
                    states.put(rs.getLong(1), new State(rs.getString(2), rs.getString(3)));
                });
        return states;
    }

    private String shortCodes(List<Line> lines) {
        return lines.stream()
                .filter(l -> !l.allocated())
                .map(l -> products.find(l.productId()).map(Product::code).orElse("#" + l.productId()))
                .distinct()
                .limit(10)
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    /**
     * Resolves order lines to SKUs through the shops' listings, remembering each item and product it has read.
     * Unmapped items (未登録商品, the products module alerts on them) and SKUs not stock-managed take nothing.
     */
    private final class Resolver {
        private final Map<String, Optional<List<Products.Component>>> items = new HashMap<>();
        private final Map<Long, Boolean> managed = new HashMap<>();
        private final Map<Long, Boolean> unreleased = new HashMap<>();
        private final java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));

        /** Whether a short line is of a SKU whose release date is still ahead. */
        boolean anyUnreleased(List<Line> lines) {
            return lines.stream()
                    .filter(l -> !l.allocated())
                    .anyMatch(l -> unreleased.computeIfAbsent(
                            l.productId(),
                            id -> products.find(id)
                                    .map(p -> p.releaseDate() != null
                                            && p.releaseDate().isAfter(today))
                                    .orElse(false)));
        }

        /**
         * Reads at once the listings of these orders' items and the products they resolve to: a page of orders
         * costs a few queries, not one per item and one per product.
         */
        void prefetch(List<OrderLines.Order> orders) {
            Map<Long, Set<Listings.ItemKey>> wanted = new LinkedHashMap<>();
            for (OrderLines.Order order : orders) {
                for (OrderLines.Line line : order.lines()) {
                    Listings.ItemKey item = new Listings.ItemKey(line.itemCode(), line.variation());
                    if (!items.containsKey(key(order.connectionId(), item))) {
                        wanted.computeIfAbsent(order.connectionId(), c -> new LinkedHashSet<>())
                                .add(item);
                    }
                }
            }
            Set<Long> productIds = new java.util.TreeSet<>();
            wanted.forEach((connectionId, keys) -> listings.resolveAll(connectionId, keys)
                    .forEach((item, components) -> {
                        items.put(key(connectionId, item), components);
                        components.ifPresent(cs -> cs.forEach(c -> productIds.add(c.productId())));
                    }));
            productIds.removeIf(managed::containsKey);
            Map<Long, Product> found = products.findAll(productIds);
            for (Long id : productIds) {
                Product p = found.get(id);
                managed.put(id, p != null && p.stockManaged());
                unreleased.put(
                        id,
                        p != null && p.releaseDate() != null && p.releaseDate().isAfter(today));
            }
        }

        private static String key(long connectionId, Listings.ItemKey item) {
            return connectionId + "\u0000" + item.itemCode() + "\u0000" + item.variation();
        }

        List<Line> lines(OrderLines.Order order) {
            List<Line> lines = new ArrayList<>();
            for (OrderLines.Line line : order.lines()) {
                String variation =
                        line.variation() == null ? "" : line.variation().strip();
                Optional<List<Products.Component>> components = items.computeIfAbsent(
                        key(order.connectionId(), new Listings.ItemKey(line.itemCode(), variation)),
                        k -> listings.resolve(order.connectionId(), line.itemCode(), variation));
                if (components.isEmpty()) {
                    continue;
                }
                Map<Long, Integer> perSku = new TreeMap<>();
                for (Products.Component c : components.get()) {
                    if (managed.computeIfAbsent(
                            c.productId(),
                            id -> products.find(id).map(Product::stockManaged).orElse(false))) {
                        perSku.merge(c.productId(), Math.multiplyExact(c.quantity(), line.quantity()), Integer::sum);
                    }
                }
                perSku.forEach((productId, quantity) ->
                        lines.add(new Line(line.deliveryId(), line.lineNo(), productId, quantity, false)));
            }
            return lines;
        }
    }
}
