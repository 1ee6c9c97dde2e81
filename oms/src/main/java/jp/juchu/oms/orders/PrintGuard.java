package jp.juchu.oms.orders;

import java.util.Collection;
import java.util.Map;

/**
 * Something another module knows that keeps an order from being printed (a slip, a 納品書, a picking list) — asked by
 * {@link OrderWorkflow} on every move to 印刷済み and by every document before it prints, so that the rule lives in
 * the module that knows it and every path goes through it.
 */
public interface PrintGuard {

    /** Why each of these orders may not be printed now; an order that may is left out. */
    Map<Long, String> refusals(Collection<Long> orderIds);
}
