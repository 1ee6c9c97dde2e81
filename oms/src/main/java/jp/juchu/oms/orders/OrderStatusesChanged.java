package jp.juchu.oms.orders;

import java.util.List;

/**
 * The moves one transaction made at once (a person's bulk action, a page of an import routed by the rules), published
 * inside it after each move's {@link OrderStatusChanged}: for a listener that reads something of every moved order,
 * once for all of them rather than once per order. Each order moves at most once in it.
 */
public record OrderStatusesChanged(List<OrderStatusChanged> moves) {

    public OrderStatusesChanged {
        moves = List.copyOf(moves);
    }
}
