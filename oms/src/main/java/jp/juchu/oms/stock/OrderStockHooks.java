package jp.juchu.oms.stock;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import jp.juchu.oms.orders.OrderDataReset;
import jp.juchu.oms.orders.OrderLines;
import jp.juchu.oms.orders.OrderLinesChanged;
import jp.juchu.oms.orders.OrderStatusChanged;
import jp.juchu.oms.orders.OrderStatusesChanged;
import jp.juchu.oms.orders.OrdersDeleted;
import jp.juchu.oms.orders.OrdersImported;
import jp.juchu.oms.stock.StockSettings.AllocationTiming;
import jp.juchu.oms.stock.internal.StockSettingsStore;
import jp.juchu.support.db.LockRetry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Where the orders' life meets the stock — one place for every path. The orders module publishes its changes inside
 * its transactions; the synchronous listeners here allocate, release and ship in the same transaction, so an order's
 * status and its stock commit together (a cancelled order never keeps its units, a shipped one never ships twice).
 * Allocating new orders and waiting ones runs after the import's commit, in its own transaction.
 */
@Component
class OrderStockHooks {

    static final String NEW = "NEW";
    static final String CONFIRMING = "CONFIRMING";
    static final String READY_TO_SHIP = "READY_TO_SHIP";
    static final String PRINTED = "PRINTED";
    static final String ON_HOLD = "ON_HOLD";

    private final Allocation allocation;
    private final HeldStock heldStock;
    private final OrderAllocations allocations;
    private final OrderLines orderLines;
    private final StockSettingsStore settings;
    private final ApplicationEventPublisher events;

    OrderStockHooks(
            Allocation allocation,
            HeldStock heldStock,
            OrderAllocations allocations,
            OrderLines orderLines,
            StockSettingsStore settings,
            ApplicationEventPublisher events) {
        this.allocation = allocation;
        this.heldStock = heldStock;
        this.allocations = allocations;
        this.orderLines = orderLines;
        this.settings = settings;
        this.events = events;
    }

    /**
     * New orders wait for allocation (when it happens on import) — marked in the import's own transaction; those that
     * arrive cancelled or shipped at their shop are announced, as their shop's quantity moved without the OMS.
     */
    @EventListener
    void mark(OrdersImported imported) {
        List<OrderLines.Header> orders = orderLines.headers(imported.orderIds());
        if (settings.current().allocationTiming() == AllocationTiming.ON_IMPORT) {
            allocation.markPending(orders);
        }
        allocation
                .settledAtShop(orders)
                .forEach((connectionId, skus) -> events.publishEvent(new SettledSaleArrived(connectionId, skus)));
    }

    /**
     * …and are allocated right after the import commits. A crash in between leaves them to {@link StockTasks}. Not
     * in a transaction of its own: each attempt of the allocation is one, so one lost to a deadlock can be retried.
     */
    @Async
    @TransactionalEventListener
    void allocate(OrdersImported imported) {
        LockRetry.retrying("Allocation", () -> allocation.allocate(imported.orderIds(), null));
    }

    /**
     * Free stock rose somewhere (received, released, adjusted): the orders waiting for those SKUs, oldest first. A
     * change that only lowered free stock (allocations) leaves every waiting order short.
     */
    @Async
    @TransactionalEventListener
    void allocateWaiting(FreeStockChanged changed) {
        if (changed.onlyFell()) {
            return;
        }
        allocateWaitingFor(changed.productIds());
    }

    void allocateWaitingFor(Set<Long> productIds) {
        for (int pass = 0; pass < 20; pass++) {
            List<Long> waiting = allocation.waitingFor(productIds);
            if (waiting.isEmpty()) {
                return;
            }
            List<Long> allocated = LockRetry.retrying("Allocation", () -> allocation.allocate(waiting, null));
            if (allocated.isEmpty() || waiting.size() < Allocation.WAITING_BATCH) {
                return;
            }
        }
    }

    /**
     * Moves made at once, each as it was made. The allocation states of the orders moving to shipping are read
     * together first (a page of an import routed by the rules moves thousands of orders); no move changes another
     * order's state, and an order that moves twice among them is read again.
     */
    @EventListener
    void on(OrderStatusesChanged changed) {
        Map<Long, Long> moves = changed.moves().stream()
                .collect(Collectors.groupingBy(OrderStatusChanged::orderId, Collectors.counting()));
        List<Long> toShipping = changed.moves().stream()
                .filter(move -> shipping(move.to()) && moves.get(move.orderId()) == 1)
                .map(OrderStatusChanged::orderId)
                .toList();
        Map<Long, OrderAllocations.State> states = toShipping.isEmpty() ? Map.of() : allocations.states(toShipping);
        for (OrderStatusChanged move : changed.moves()) {
            moved(
                    move,
                    id -> moves.get(id) == 1
                            ? Optional.ofNullable(states.get(id)).map(OrderAllocations.State::state)
                            : allocations.state(id));
        }
    }

    private void moved(OrderStatusChanged changed, LongFunction<Optional<String>> shippingState) {
        String to = changed.to();
        String from = changed.from();
        long id = changed.orderId();
        if (Allocation.CANCELLED.equals(to)) {
            heldStock.release(id, "キャンセル", changed.actor(), OrderAllocations.RELEASED);
        } else if (Allocation.SHIPPED_STATUS.equals(to)) {
            order(id).ifPresent(order -> heldStock.ship(id, order, changed.actor()));
        } else if (Allocation.SHIPPED_STATUS.equals(from)) {
            heldStock.unship(id, changed.actor());
        } else if (Allocation.AWAITING_STOCK.equals(to)) {
            // back in 引当待ち (e.g. a hold released) with its stock allocated meanwhile: it moves on
            if (allocations.state(id).filter(OrderAllocations.ALLOCATED::equals).isPresent()) {
                allocation.moveOn(id);
            }
        } else if (Allocation.CANCELLED.equals(from)) {
            order(id).ifPresent(order -> {
                allocation.reset(id, order.orderedAt(), "キャンセルから戻しました", changed.actor());
                if (wantedNow(to)) {
                    allocation.allocate(List.of(id), to);
                }
            });
        } else if (shipping(to)) {
            Optional<String> state = shippingState.apply(id);
            if (state.filter(OrderAllocations.ALLOCATED::equals).isPresent() || waitsForImportAllocation(state)) {
                return;
            }
            ensureThenAllocate(id, to);
        } else if (settings.current().allocationTiming() == AllocationTiming.AFTER_CONFIRMATION
                && beforeConfirmation(from)
                && !beforeConfirmation(to)
                && !ON_HOLD.equals(to)
                && allocations.state(id).isEmpty()) {
            ensureThenAllocate(id, to);
        }
    }

    /** Lines changed: what the order held is released and its new lines allocated from scratch. */
    @EventListener
    void on(OrderLinesChanged changed) {
        long id = changed.orderId();
        Optional<String> state = allocations.state(id);
        if (state.filter(s -> OrderAllocations.SHIPPED.equals(s) || OrderAllocations.RELEASED.equals(s))
                .isPresent()) {
            return;
        }
        order(id).ifPresent(order -> {
            if (state.isEmpty() && !wantedNow(order.status())) {
                return;
            }
            allocation.reset(id, order.orderedAt(), "受注の明細変更", Allocation.ACTOR);
            allocation.allocate(List.of(id), null);
        });
    }

    @EventListener
    void on(OrdersDeleted deleted) {
        heldStock.forget(deleted.orderIds(), "受注データ削除", Allocation.ACTOR);
    }

    @EventListener
    void on(OrderDataReset reset) {
        heldStock.forgetAll("データリセット", Allocation.ACTOR);
    }

    /**
     * A new order marked at its import whose allocation is about to run (after the import's commit, or at the latest in
     * the minute's sweep): allocating it here too, one order at a time, would only queue behind that allocation for
     * the same SKU rows. If it falls short there, it goes to 引当待ち from the status it is in then.
     */
    private boolean waitsForImportAllocation(Optional<String> state) {
        return state.filter(OrderAllocations.PENDING::equals).isPresent()
                && settings.current().allocationTiming() == AllocationTiming.ON_IMPORT;
    }

    /** Whether an order in this status should hold its stock now. */
    private boolean wantedNow(String status) {
        if (Allocation.CANCELLED.equals(status) || Allocation.SHIPPED_STATUS.equals(status)) {
            return false;
        }
        return settings.current().allocationTiming() == AllocationTiming.ON_IMPORT
                || shipping(status)
                || !beforeConfirmation(status);
    }

    private void ensureThenAllocate(long id, String to) {
        List<OrderLines.Header> order = orderLines.headers(List.of(id));
        if (!order.isEmpty()) {
            allocation.markPending(order);
            allocation.allocate(List.of(id), to);
        }
    }

    private Optional<OrderLines.Order> order(long id) {
        return orderLines.of(List.of(id), false).stream().findFirst();
    }

    private static boolean shipping(String status) {
        return READY_TO_SHIP.equals(status) || PRINTED.equals(status);
    }

    private static boolean beforeConfirmation(String status) {
        return NEW.equals(status) || CONFIRMING.equals(status);
    }
}
