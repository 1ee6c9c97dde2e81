package jp.juchu.oms.purchasing.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jp.juchu.oms.stock.InboundStock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows, in the same transaction, from any change to purchase orders or purchasing settings: each SKU's
 * 入荷予定 (with whether it may be sold before it arrives) set in the stock module, and its suggestion worked out
 * again.
 */
@Component
class PurchasingEffects {

    private final JdbcClient jdbc;
    private final PurchaseOrders orders;
    private final InboundStock inbound;
    private final ReorderSuggestions suggestions;

    PurchasingEffects(JdbcClient jdbc, PurchaseOrders orders, InboundStock inbound, ReorderSuggestions suggestions) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.inbound = inbound;
        this.suggestions = suggestions;
    }

    /**
     * Takes the SKUs' suggestion locks before a path changes their stock rows, so every path locks in one order:
     * the purchase order's row, these locks (by SKU id), then the stock rows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(Collection<Long> productIds) {
        suggestions.lock(productIds);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void skusChanged(Collection<Long> productIds) {
        TreeSet<Long> ids = new TreeSet<>(productIds);
        if (ids.isEmpty()) {
            return;
        }
        suggestions.lock(ids);
        Map<Long, Long> ordered = orders.openQuantities(ids, true);
        Map<Long, Boolean> sell = new java.util.HashMap<>();
        jdbc.sql("select product_id, sell_inbound from product_purchasing where product_id = any (?)")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    sell.put(rs.getLong(1), rs.getBoolean(2));
                });
        for (long id : ids) {
            long quantity = Math.min(Integer.MAX_VALUE, ordered.getOrDefault(id, 0L));
            inbound.set(id, (int) quantity, sell.getOrDefault(id, false));
        }
        suggestions.refresh(List.copyOf(ids));
    }
}
