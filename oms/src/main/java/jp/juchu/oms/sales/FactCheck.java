package jp.juchu.oms.sales;

import java.util.List;

/**
 * What a comparison of the sales facts with the orders found.
 *
 * @param orders orders in the OMS
 * @param facts orders with sales facts
 * @param differingOrders order numbers (at most 20) whose facts are missing, stale or left over
 * @param differingDays days (at most 20, yyyy-MM-dd) where the daily rollup differs from the facts, then months
 *     (at most 20, yyyy-MM and the breakdown, e.g. {@code 2026-03 PAY}) where the monthly rollup does
 */
public record FactCheck(long orders, long facts, List<String> differingOrders, List<String> differingDays) {

    public FactCheck {
        differingOrders = List.copyOf(differingOrders);
        differingDays = List.copyOf(differingDays);
    }

    public boolean matches() {
        return differingOrders.isEmpty() && differingDays.isEmpty() && orders == facts;
    }
}
