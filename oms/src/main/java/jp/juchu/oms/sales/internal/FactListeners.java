package jp.juchu.oms.sales.internal;

import java.util.List;
import jp.juchu.oms.orders.OrderChangedAtShop;
import jp.juchu.oms.orders.OrderDataReset;
import jp.juchu.oms.orders.OrderEdited;
import jp.juchu.oms.orders.OrderStatusChanged;
import jp.juchu.oms.orders.OrdersDeleted;
import jp.juchu.oms.orders.OrdersImported;
import jp.juchu.oms.orders.TrackingNumberRecorded;
import jp.juchu.oms.sales.SalesFacts;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the sales facts by the order events: after an import (new orders, orders the shop changed or cancelled),
 * an edit, a status change, a tracking number — each recorded in the event registry, so none is lost on a restart;
 * deletions and the data reset inside their own transaction, so facts never outlive their orders.
 */
@Component
class FactListeners {

    private final SalesFacts facts;

    FactListeners(SalesFacts facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(OrdersImported event) {
        facts.refresh(event.orderIds());
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

    @ApplicationModuleListener
    void on(OrderStatusChanged event) {
        facts.refresh(List.of(event.orderId()));
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
