package jp.juchu.oms.sales.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.juchu.oms.orders.OrderChangedAtShop;
import jp.juchu.oms.orders.OrderDataReset;
import jp.juchu.oms.orders.OrderEdited;
import jp.juchu.oms.orders.OrderStatusChanged;
import jp.juchu.oms.orders.OrdersDeleted;
import jp.juchu.oms.orders.TrackingNumberRecorded;
import jp.juchu.oms.rules.OrdersRouted;
import jp.juchu.oms.sales.SalesFacts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the sales facts by the order events: after an import (new orders once automatic processing has routed them,
 * orders the shop changed or cancelled), an edit, a status change, a tracking number — each recorded in the event
 * registry, so none is lost on a restart; deletions and the data reset inside their own transaction, so facts never
 * outlive their orders.
 */
@Component
class FactListeners {

    private final SalesFacts facts;
    private final ApplicationEventPublisher events;

    FactListeners(SalesFacts facts, ApplicationEventPublisher events) {
        this.facts = facts;
        this.events = events;
    }

    /**
     * Imported orders (every path that creates orders), once automatic processing has routed them: their facts are
     * computed once, in the status they start in, not on arrival and restated when the rules move them a moment
     * later ({@link SalesFacts#routed}).
     */
    @ApplicationModuleListener
    void on(OrdersRouted event) {
        facts.routed(event.orderIds());
    }

    /**
     * In the routing's own transaction, as it announces the page: its moves of these orders need no
     * {@link StatusesChanged} of their own, since the page's refresh after it ({@link #on(OrdersRouted)}) covers them.
     * (Announced in a transaction of its own when the routing failed, which has collected nothing.)
     */
    @EventListener
    void routing(OrdersRouted event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Collected collected && collected.owner == this) {
                event.orderIds().forEach(collected.orderIds::remove);
            }
        }
    }

    /** Also a cancellation at the shop: the import publishes this for every change, cancellations included. */
    @ApplicationModuleListener
    void on(OrderChangedAtShop event) {
        facts.refresh(List.of(event.orderId()));
    }

    @ApplicationModuleListener
    void on(OrderEdited event) {
        facts.refresh(List.of(event.orderId()));
    }

    /**
     * The orders whose status changed in one transaction are refreshed together: collected while it runs, and
     * recorded as one {@link StatusesChanged} just before it commits (in it, so the refresh is never lost), instead of
     * one registry entry and one refresh per order (an import's routing moves thousands of orders, a page at a time).
     */
    @EventListener
    void on(OrderStatusChanged event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            events.publishEvent(new StatusesChanged(List.of(event.orderId())));
            return;
        }
        // the current transaction's own synchronizations (a suspended outer transaction's are not among them)
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Collected collected && collected.owner == this) {
                collected.orderIds.add(event.orderId());
                return;
            }
        }
        Collected collected = new Collected(this);
        collected.orderIds.add(event.orderId());
        TransactionSynchronizationManager.registerSynchronization(collected);
    }

    /** The orders whose status changed in one transaction, recorded as one event just before it commits. */
    private static final class Collected implements TransactionSynchronization {
        private final FactListeners owner;
        private final Set<Long> orderIds = new LinkedHashSet<>();

        Collected(FactListeners owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!orderIds.isEmpty()) {
                owner.events.publishEvent(new StatusesChanged(List.copyOf(orderIds)));
            }
        }
    }

    /** Orders whose workflow status changed in one transaction. */
    record StatusesChanged(List<Long> orderIds) {}

    /** A move changes only the status: the facts are restated, not recomputed ({@link SalesFacts#statusesMoved}). */
    @ApplicationModuleListener
    void on(StatusesChanged event) {
        facts.statusesMoved(event.orderIds());
    }

    @ApplicationModuleListener
    void on(TrackingNumberRecorded event) {
        facts.refresh(List.of(event.orderId()));
    }

    @EventListener
    void on(OrdersDeleted event) {
        facts.refresh(event.orderIds());
    }

    @EventListener
    void on(OrderDataReset event) {
        facts.clear();
    }
}
