package jp.juchu.oms.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the workflow writes what its rules allowed: the orders' states read (and locked) as {@link Transitions} needs
 * them, the checked moves written set-based with their history, announced and audited. Only {@link OrderWorkflow} and
 * {@link OrderTracking} decide what to move; this class never checks a rule.
 */
@Component
class StatusWrites {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    StatusWrites(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** Makes one checked move. */
    void apply(
            Transitions.OrderState order,
            String to,
            Actor actor,
            boolean approvesShippingBeforePayment,
            String holdReason,
            String note,
            Map<String, String> names) {
        applyAll(List.of(new Move(order, to, actor, approvesShippingBeforePayment, holdReason, note, null)), names);
    }

    /**
     * One order's move, checked: where to, by whom, and what the history says besides.
     *
     * @param alertLine a line the move adds to the order's alert (要確認), as a rule's 確認待ち does, or null
     */
    record Move(
            Transitions.OrderState order,
            String to,
            Actor actor,
            boolean approvesShippingBeforePayment,
            String holdReason,
            String note,
            String alertLine) {

        boolean holding() {
            return Transitions.ON_HOLD.equals(to);
        }
    }

    /**
     * Makes checked moves: the orders updated in one statement, their history rows written in one, then each move
     * announced (and a person's recorded in the audit log). A move's alert line goes into the same update (its own
     * history line after the move's, the version up by one more), as if the notes had been changed after the move.
     */
    void applyAll(List<Move> moves, Map<String, String> names) {
        if (moves.isEmpty()) {
            return;
        }
        int n = moves.size();
        Long[] ids = new Long[n];
        String[] statuses = new String[n];
        String[] holdReasons = new String[n];
        String[] heldFrom = new String[n];
        Boolean[] approves = new Boolean[n];
        String[] actors = new String[n];
        String[] whys = new String[n];
        String[] alerts = new String[n];
        Integer[] changes = new Integer[n];
        List<HistoryLine> history = new ArrayList<>();
        // a move's alert line comes after every move's line, as when the notes were changed after the moves
        List<HistoryLine> alertHistory = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Move move = moves.get(i);
            Transitions.OrderState order = move.order();
            ids[i] = order.id();
            statuses[i] = move.to();
            holdReasons[i] = move.holding() ? move.holdReason() : null;
            heldFrom[i] = move.holding() ? order.status() : null;
            approves[i] = move.approvesShippingBeforePayment();
            actors[i] = move.actor().name();
            whys[i] = "ステータス: " + names.getOrDefault(order.status(), order.status()) + " → "
                    + names.getOrDefault(move.to(), move.to())
                    + (move.approvesShippingBeforePayment() ? " (入金前の出荷を承認)" : "")
                    + (move.holding() ? " (理由: " + move.holdReason() + ")" : "")
                    + (move.note() == null ? "" : " (" + move.note() + ")");
            history.add(new HistoryLine(order.id(), "STATUS", actors[i], whys[i]));
            changes[i] = 1;
            if (move.alertLine() != null) {
                alerts[i] = OrderNotes.withAlertLine(order.alert(), move.alertLine());
                changes[i] = 2;
                alertHistory.add(new HistoryLine(order.id(), "ALERT", actors[i], move.alertLine()));
            }
        }
        jdbc.sql("""
                        update oms_order o set workflow_status = m.status, hold_reason = m.hold_reason,
                            held_from = m.held_from,
                            ship_before_payment_by = case when m.approves then m.actor else o.ship_before_payment_by end,
                            ship_before_payment_at = case when m.approves then now() else o.ship_before_payment_at end,
                            alert = coalesce(m.alert, o.alert), version = o.version + m.changes, updated_at = now()
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[],
                            ?::int[])
                            as m(id, status, hold_reason, held_from, approves, actor, alert, changes)
                        where o.id = m.id
                        """)
                .params(ids, statuses, holdReasons, heldFrom, approves, actors, alerts, changes)
                .update();
        history.addAll(alertHistory);
        HistoryLine.insertAll(jdbc, history);
        Instant at = Instant.now();
        List<OrderStatusChanged> moved = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Move move = moves.get(i);
            Transitions.OrderState order = move.order();
            OrderStatusChanged changed = new OrderStatusChanged(order.id(), order.status(), move.to(), actors[i], at);
            moved.add(changed);
            events.publishEvent(changed);
            if (move.actor().isPerson()) {
                audit.record(
                        actors[i],
                        move.holding() ? "ORDER_HELD" : "ORDER_STATUS_CHANGED",
                        "order:" + order.orderNumber(),
                        whys[i]);
            }
        }
        events.publishEvent(new OrderStatusesChanged(moved));
    }

    /** One line of the order's history. */
    void history(long orderId, String kind, Actor actor, String summary) {
        jdbc.sql(Orders.INSERT_HISTORY)
                .params(orderId, kind, actor.name(), summary)
                .update();
    }

    /** The order's state as the rules read it, its row locked when asked. */
    Optional<Transitions.OrderState> state(long orderId, boolean lock) {
        return jdbc.sql(STATE + " where id = ?" + (lock ? " for no key update" : ""))
                .param(orderId)
                .query(StatusWrites::orderState)
                .optional();
    }

    /**
     * These orders' states, their rows locked in id order (as the workflow locks them one by one). The lock is the one
     * an update of the order takes ({@code for no key update}): moves wait for each other, while another transaction
     * writing rows that refer to the order (its history, a rule's run) is not kept waiting for its foreign-key check.
     */
    Map<Long, Transitions.OrderState> lockedStates(Collection<Long> orderIds) {
        Map<Long, Transitions.OrderState> states = new HashMap<>();
        if (orderIds.isEmpty()) {
            return states;
        }
        jdbc.sql(STATE + " where id = any (?) order by id for no key update")
                .param(orderIds.toArray(Long[]::new))
                .query(StatusWrites::orderState)
                .list()
                .forEach(state -> states.put(state.id(), state));
        return states;
    }

    private static final String STATE = """
            select id, order_number, workflow_status, shop_order_status = 'Cancelled' as shop_cancelled,
                   shop_payment_status = 'Unpaid' and %s as unpaid_prepaid,
                   ship_before_payment_by is not null as ship_before_payment, held_from, alert
            from oms_order""".formatted(PaymentKinds.WAITS_FOR_PAYMENT.formatted("payment_method"));

    private static Transitions.OrderState orderState(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Transitions.OrderState(
                rs.getLong("id"),
                rs.getString("order_number"),
                rs.getString("workflow_status"),
                rs.getBoolean("shop_cancelled"),
                rs.getBoolean("unpaid_prepaid"),
                rs.getBoolean("ship_before_payment"),
                rs.getString("held_from"),
                rs.getString("alert"));
    }

    /** The workflow statuses' names by code (the merchant may rename them). */
    Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select code, name from workflow_status").query(rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }
}
