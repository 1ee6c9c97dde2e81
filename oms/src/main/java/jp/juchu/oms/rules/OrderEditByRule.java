package jp.juchu.oms.rules;

import java.util.List;
import java.util.function.UnaryOperator;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderEdit;
import jp.juchu.oms.orders.OrderEditing;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.rules.OrderChanges.Result;
import org.springframework.stereotype.Component;

/**
 * A rule's change to an order's dates, fees, lines or destinations, saved through the order edit a person makes
 * ({@link OrderEditing}: its checks, totals, history and audit).
 */
@Component
class OrderEditByRule {

    private final Orders orders;
    private final OrderEditing editing;

    OrderEditByRule(Orders orders, OrderEditing editing) {
        this.orders = orders;
        this.editing = editing;
    }

    /** Saves the order as the person's edit would, changed by {@code change}; in a simulation only says so. */
    Result save(OrderFacts facts, boolean write, String actor, List<String> changes, UnaryOperator<OrderEdit> change) {
        if (!write) {
            return Result.done(String.join(" / ", changes));
        }
        OrderDetail now = orders.detail(facts.order().id()).orElseThrow(() -> new IllegalArgumentException("受注がありません"));
        List<String> saved = editing.edit(now.id(), change.apply(OrderEdit.from(now)), actor);
        return saved.isEmpty() ? Result.skipped("変更はありませんでした") : Result.done(String.join(" / ", saved));
    }
}
