package jp.juchu.oms.orders;

import java.time.Instant;

/**
 * An order moved from one workflow status to another (受注ステータスの変更), by any path: a person, a bulk action, the
 * slip export, tracking numbers, the shop's cancellation. Published inside the moving transaction, once per order.
 *
 * @param at when the move was made
 */
public record OrderStatusChanged(long orderId, String from, String to, String actor, Instant at) {}
