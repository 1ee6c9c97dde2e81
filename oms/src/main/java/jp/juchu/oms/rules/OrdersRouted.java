package jp.juchu.oms.rules;

import java.util.List;

/**
 * Imported orders have been through automatic processing (自動処理) — routed by the rules or the built-in waits, or
 * left where they were (no rule applied, 自動処理 off, or a rule failed and will be tried again): what follows an
 * order's status can now be worked out once, in the status the order starts in, instead of once on arrival and again
 * after its first move a moment later. Announced for every {@code OrdersImported}, one event per page.
 */
public record OrdersRouted(List<Long> orderIds) {

    public OrdersRouted {
        orderIds = List.copyOf(orderIds);
    }
}
