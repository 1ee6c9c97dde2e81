package jp.juchu.oms.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import jp.juchu.oms.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order's workflow (受注ステータス), the one way to change it. Every path — the order page, bulk changes, hold and
 * release, the slip export (→ 印刷済み), tracking numbers (→ 出荷済み), the shop's own changes on import — asks here,
 * and the rules ({@link Transitions}, the table in {@code docs/order-workspace.md}) refuse what they forbid, naming the
 * order and the reason. Every move is written to the order's history; a person's also to the audit log.
 */
@Service
public class OrderWorkflow {

    /** A move the rules refused: the order and why, in Japanese. */
    public record Refusal(long orderId, String orderNumber, String reason) {

        public String message() {
            return "受注番号 " + orderNumber + ": " + reason;
        }
    }

    /** What a move of several orders did: the orders moved, and each refusal (those orders stay where they were). */
    public record Outcome(List<Long> moved, List<Refusal> refused) {

        public List<String> refusalMessages() {
            return refused.stream().map(Refusal::message).toList();
        }
    }

    /** A tracking number given to a shipment: whether anything changed, replaced a number, and shipped the order. */
    public record TrackingRecorded(boolean changed, boolean overwritten, boolean orderShipped) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final List<PrintGuard> printGuards;

    OrderWorkflow(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, List<PrintGuard> printGuards) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.printGuards = List.copyOf(printGuards);
    }

    /**
     * Why each of these orders may not be printed now (a slip, a 納品書, a picking list), as the other modules'
     * {@link PrintGuard}s say; an order that may is left out. Every move to 印刷済み or 出荷済み asks the same.
     */
    public Map<Long, String> printRefusals(Collection<Long> orderIds) {
        Map<Long, String> refusals = new java.util.LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return refusals;
        }
        for (PrintGuard guard : printGuards) {
            guard.refusals(orderIds).forEach(refusals::putIfAbsent);
        }
        return refusals;
    }

    /** The workflow's own rules, then, for a first move to 印刷済み or 出荷済み, the print guards. */
    private Optional<String> refusal(
            Transitions.OrderState order,
            String to,
            Actor actor,
            boolean shipBeforePayment,
            Map<String, String> names) {
        Optional<String> refusal =
                Transitions.refusal(order, to, actor, shipBeforePayment, false, c -> names.getOrDefault(c, c));
        if (refusal.isPresent()
                || !Transitions.Stage.of(to).printed()
                || Transitions.Stage.of(order.status()).printed()) {
            return refusal;
        }
        return Optional.ofNullable(printRefusals(List.of(order.id())).get(order.id()));
    }

    /**
     * Moves one order to a workflow status (not 保留: see {@link #hold}).
     *
     * @param shipBeforePayment the person ticked 入金前に出荷する: recorded on the order, so later steps (slip export,
     *     tracking numbers) may ship it unpaid too
     * @throws TransitionRefused when the rules forbid the move
     * @throws IllegalArgumentException when the order or the status does not exist
     */
    @Transactional
    public void move(long orderId, String to, Actor actor, boolean shipBeforePayment) {
        move(orderId, to, actor, shipBeforePayment, null);
    }

    /** {@link #move(long, String, Actor, boolean)} with a note for the history (e.g. which slip export). */
    @Transactional
    public void move(long orderId, String to, Actor actor, boolean shipBeforePayment, String note) {
        if (state(orderId, false).isEmpty()) {
            throw new IllegalArgumentException("受注がありません: " + orderId);
        }
        Outcome outcome = moveAll(List.of(orderId), to, actor, shipBeforePayment, note);
        if (!outcome.refused().isEmpty()) {
            throw new TransitionRefused(outcome.refused().get(0));
        }
    }

    /** Moves each order the rules allow and names each one they refuse (一括処理). */
    @Transactional
    public Outcome moveAll(Collection<Long> orderIds, String to, Actor actor, boolean shipBeforePayment) {
        return moveAll(orderIds, to, actor, shipBeforePayment, null);
    }

    @Transactional
    public Outcome moveAll(Collection<Long> orderIds, String to, Actor actor, boolean shipBeforePayment, String note) {
        if (Transitions.ON_HOLD.equals(to)) {
            throw new IllegalArgumentException("保留にするには理由を入力してください");
        }
        Map<String, String> names = names();
        if (!names.containsKey(to)) {
            throw new IllegalArgumentException("ステータスがありません: " + to);
        }
        return eachLocked(orderIds, order -> {
            Optional<String> refusal = refusal(order, to, actor, shipBeforePayment, names);
            if (refusal.isPresent()) {
                return Step.refused(refusal.get());
            }
            if (order.status().equals(to)) {
                return Step.UNCHANGED;
            }
            boolean approves = shipBeforePayment
                    && actor.isPerson()
                    && order.unpaidPrepaid()
                    && !order.shipBeforePayment()
                    && Transitions.Stage.of(to).shipping();
            apply(order, to, actor, approves, null, note, names);
            return Step.MOVED;
        });
    }

    /** Puts orders on hold (保留) with a reason; a hold remembers where the order was, for {@link #release}. */
    @Transactional
    public Outcome hold(Collection<Long> orderIds, String reason, Actor actor) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new IllegalArgumentException("保留の理由を1〜200文字で入力してください");
        }
        Map<String, String> names = names();
        return eachLocked(orderIds, order -> {
            if (order.status().equals(Transitions.ON_HOLD)) {
                return Step.refused("すでに保留中です");
            }
            Optional<String> refusal =
                    Transitions.refusal(order, Transitions.ON_HOLD, actor, false, false, c -> names.getOrDefault(c, c));
            if (refusal.isPresent()) {
                return Step.refused(refusal.get());
            }
            apply(order, Transitions.ON_HOLD, actor, false, clean, null, names);
            return Step.MOVED;
        });
    }

    /** 保留解除: returns held orders to the status they were held in, if the rules still allow it. */
    @Transactional
    public Outcome release(Collection<Long> orderIds, Actor actor) {
        Map<String, String> names = names();
        return eachLocked(orderIds, order -> {
            if (!order.status().equals(Transitions.ON_HOLD)) {
                return Step.refused("保留中ではありません");
            }
            String back = order.heldFrom() == null || !names.containsKey(order.heldFrom())
                    ? Transitions.NEW
                    : order.heldFrom();
            Optional<String> refusal =
                    Transitions.refusal(order, back, actor, false, true, c -> names.getOrDefault(c, c));
            if (refusal.isPresent()) {
                return Step.refused(refusal.get());
            }
            apply(order, back, actor, false, null, "保留解除", names);
            return Step.MOVED;
        });
    }

    /** A rule's move of one order (自動処理): made only while the order is still in {@code from}. */
    public record Route(long orderId, String from, String to, String note, Actor actor) {}

    /**
     * A rule's move (自動処理): made only while the order is still in {@code from} (a person may have moved it since
     * the rule looked), to a status, or on hold with {@code note} as the reason.
     *
     * @param note the hold's reason, or a note for the history (which rule)
     * @return why the order did not move; empty when it moved
     */
    @Transactional
    public Optional<String> route(long orderId, String from, String to, String note, Actor actor) {
        return Optional.ofNullable(
                routeAll(List.of(new Route(orderId, from, to, note, actor))).get(orderId));
    }

    /**
     * Rules' moves of many orders at once (an imported page routed), each under the guards of {@link #route}: the
     * orders are locked in one statement, in id order, each move is checked on its own, then the moved orders are
     * updated and their history written in one statement each. Each move is still announced as an {@link
     * OrderStatusChanged}.
     *
     * @return why each order that did not move did not, by order id (an order that moved, or was there already, is
     *     not in it)
     * @throws IllegalArgumentException when an order is routed twice
     */
    @Transactional
    public Map<Long, String> routeAll(Collection<Route> routes) {
        Map<Long, Route> byId = new TreeMap<>();
        for (Route route : routes) {
            if (byId.put(route.orderId(), route) != null) {
                throw new IllegalArgumentException("受注が二度指定されています: " + route.orderId());
            }
        }
        Map<String, String> names = names();
        Map<Long, String> refused = new LinkedHashMap<>();
        List<Long> known = byId.values().stream()
                .filter(route -> names.containsKey(route.to()))
                .map(Route::orderId)
                .toList();
        Map<Long, Transitions.OrderState> states = lockedStates(known);
        List<Move> moves = new ArrayList<>();
        for (Route route : byId.values()) {
            long id = route.orderId();
            String to = route.to();
            Transitions.OrderState order = states.get(id);
            if (!names.containsKey(to)) {
                refused.put(id, "ステータスがありません: " + to);
            } else if (order == null) {
                refused.put(id, "受注が見つかりません");
            } else if (!order.status().equals(route.from())) {
                refused.put(id, "受注はもう「" + names.getOrDefault(route.from(), route.from()) + "」ではありません");
            } else {
                Optional<String> refusal = refusal(order, to, route.actor(), false, names);
                if (refusal.isPresent()) {
                    refused.put(id, refusal.get());
                } else if (!order.status().equals(to)) {
                    boolean hold = Transitions.ON_HOLD.equals(to);
                    moves.add(new Move(
                            order, to, route.actor(), false, hold ? route.note() : null, hold ? null : route.note()));
                }
            }
        }
        applyAll(moves, names);
        return refused;
    }

    /** What one order's step did: refused with a reason, moved, or left as it was. */
    private record Step(String refusal, boolean moved) {
        static final Step MOVED = new Step(null, true);
        static final Step UNCHANGED = new Step(null, false);

        static Step refused(String reason) {
            return new Step(reason, false);
        }
    }

    /** Runs {@code step} on each order under its row lock, in id order, and gathers what moved and what was refused. */
    private Outcome eachLocked(Collection<Long> orderIds, Function<Transitions.OrderState, Step> step) {
        List<Long> moved = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (long id : new TreeSet<>(orderIds)) {
            Optional<Transitions.OrderState> found = state(id, true);
            if (found.isEmpty()) {
                refused.add(new Refusal(id, "#" + id, "受注が見つかりません"));
                continue;
            }
            Step done = step.apply(found.get());
            if (done.refusal() != null) {
                refused.add(new Refusal(id, found.get().orderNumber(), done.refusal()));
            } else if (done.moved()) {
                moved.add(id);
            }
        }
        return new Outcome(moved, refused);
    }

    /** Whether the rules would let this actor move the order to {@code to} now (without 入金前に出荷する). */
    public Optional<Refusal> check(long orderId, String to, Actor actor) {
        Map<String, String> names = names();
        return state(orderId, false)
                .map(order -> refusal(order, to, actor, false, names)
                        .map(reason -> new Refusal(orderId, order.orderNumber(), reason)))
                .orElseGet(() -> Optional.of(new Refusal(orderId, "#" + orderId, "受注が見つかりません")));
    }

    /**
     * Why a shipment of an order may not take this tracking number now; empty when it may (or already has it). The
     * order must be in 出荷待ち or 印刷済み and allowed to ship (not cancelled here or at the shop, not held, paid
     * or with 入金前に出荷する recorded); a shipment with another number takes a new one only with {@code overwrite}.
     */
    public Optional<String> trackingRefusal(
            long orderId, int deliveryId, String trackingNumber, boolean overwrite, Actor actor) {
        return state(orderId, false)
                .map(order -> trackingRefusal(order, deliveryId, trackingNumber, overwrite, actor))
                .orElse(Optional.of("受注が見つかりません"));
    }

    /**
     * Gives a shipment its tracking number, under the rules of {@link #trackingRefusal}. When every shipment of the
     * order has one, the order moves to 出荷済み. The same number again changes nothing.
     *
     * @throws TransitionRefused when the rules refuse it
     */
    @Transactional
    public TrackingRecorded recordTracking(
            long orderId,
            int deliveryId,
            String carrier,
            String trackingNumber,
            LocalDate shippedDate,
            boolean overwrite,
            Actor actor) {
        Transitions.OrderState order =
                state(orderId, true).orElseThrow(() -> new IllegalArgumentException("受注がありません: " + orderId));
        Optional<String> refusal = trackingRefusal(order, deliveryId, trackingNumber, overwrite, actor);
        if (refusal.isPresent()) {
            throw new TransitionRefused(new Refusal(orderId, order.orderNumber(), refusal.get()));
        }
        String before = trackingNumber(orderId, deliveryId).orElse(null);
        if (trackingNumber.equals(before)) {
            return new TrackingRecorded(false, false, Transitions.SHIPPED.equals(order.status()));
        }
        jdbc.sql("update shipment set carrier = ?, tracking_number = ?, shipped_date = ?"
                        + " where order_id = ? and delivery_id = ?")
                .params(carrier, trackingNumber, shippedDate, orderId, deliveryId)
                .update();
        String summary = before == null
                ? "お届け先" + deliveryId + " の伝票番号 " + trackingNumber + " (" + carrier + ")"
                : "お届け先" + deliveryId + " の伝票番号を上書き: " + before + " → " + trackingNumber + " (" + carrier + ")";
        history(orderId, "SHIPPING", actor, summary);
        events.publishEvent(new TrackingNumberRecorded(orderId, deliveryId, carrier, shippedDate));
        if (before != null && actor.isPerson()) {
            audit.record(actor.name(), "TRACKING_OVERWRITTEN", "order:" + order.orderNumber(), summary);
        }
        boolean complete = jdbc.sql("select not exists (select 1 from shipment where order_id = ?"
                        + " and coalesce(tracking_number, shop_tracking_number) is null)")
                .param(orderId)
                .query(Boolean.class)
                .single();
        if (complete && !Transitions.SHIPPED.equals(order.status())) {
            apply(order, Transitions.SHIPPED, actor, false, null, "伝票番号の取込", names());
        }
        return new TrackingRecorded(true, before != null, complete);
    }

    /**
     * The shop cancelled an order: it moves to キャンセル unless printing or shipping has started (then only the alert
     * the import raised stays on it).
     *
     * @return whether the order moved
     */
    boolean cancelledAtShop(long orderId, Actor system) {
        Map<String, String> names = names();
        return state(orderId, true)
                .filter(order -> Transitions.refusal(
                                order, Transitions.CANCELLED, system, false, false, c -> names.getOrDefault(c, c))
                        .isEmpty())
                .filter(order -> !order.status().equals(Transitions.CANCELLED))
                .map(order -> {
                    apply(order, Transitions.CANCELLED, system, false, null, "ショップでキャンセル", names);
                    return true;
                })
                .orElse(false);
    }

    /**
     * The stock could not be allocated (引当) to the order: it moves to 引当待ち, from a status before shipping or
     * from 出荷待ち (a line added after it got there), and stays where it is otherwise (held, printed …).
     *
     * @return the status it left, when it moved
     */
    public Optional<String> awaitStock(long orderId, Actor system, String note) {
        Map<String, String> names = names();
        return state(orderId, true)
                .filter(order -> !order.shopCancelled())
                .filter(order -> !order.status().equals(Transitions.AWAITING_STOCK))
                .filter(order -> {
                    Transitions.Stage stage = Transitions.Stage.of(order.status());
                    return stage == Transitions.Stage.OPEN || stage == Transitions.Stage.READY_TO_SHIP;
                })
                .map(order -> {
                    apply(order, Transitions.AWAITING_STOCK, system, false, null, note, names);
                    return order.status();
                });
    }

    /**
     * The order's stock is allocated now: from 引当待ち it moves on to {@code to} (where it was going when the stock
     * fell short), or to 新規受付 when the rules do not let the system move it there any more.
     *
     * @return whether it moved
     */
    public boolean stockAllocated(long orderId, String to, Actor system) {
        Map<String, String> names = names();
        Optional<Transitions.OrderState> found =
                state(orderId, true).filter(order -> order.status().equals(Transitions.AWAITING_STOCK));
        if (found.isEmpty()) {
            return false;
        }
        Transitions.OrderState order = found.get();
        String target = to != null
                        && names.containsKey(to)
                        && !to.equals(Transitions.AWAITING_STOCK)
                        && Transitions.refusal(order, to, system, false, false, c -> names.getOrDefault(c, c))
                                .isEmpty()
                ? to
                : Transitions.NEW;
        apply(order, target, system, false, null, "在庫を引き当てました", names);
        return true;
    }

    private Optional<String> trackingRefusal(
            Transitions.OrderState order, int deliveryId, String trackingNumber, boolean overwrite, Actor actor) {
        boolean shipmentExists = jdbc.sql(
                        "select exists (select 1 from shipment where order_id = ? and delivery_id = ?)")
                .params(order.id(), deliveryId)
                .query(Boolean.class)
                .single();
        if (!shipmentExists) {
            return Optional.of("お届け先" + deliveryId + " が見つかりません");
        }
        Optional<String> before = trackingNumber(order.id(), deliveryId);
        if (before.isPresent() && before.get().equals(trackingNumber)) {
            return Optional.empty();
        }
        if (before.isPresent() && !overwrite) {
            return Optional.of("お届け先" + deliveryId + " にはすでに伝票番号 " + before.get() + " があります。置き換えるには「上書きする」を選んでください");
        }
        Map<String, String> names = names();
        Transitions.Stage stage = Transitions.Stage.of(order.status());
        if (stage == Transitions.Stage.SHIPPED) {
            if (order.shopCancelled()) {
                return Optional.of("ショップでキャンセルされた受注です");
            }
            // a shipped order takes only a replacement for a number it has
            return before.isPresent() ? Optional.empty() : Optional.of("出荷済みの受注です");
        }
        if (stage == Transitions.Stage.OPEN) {
            return Optional.of("出荷待ち・印刷済みの受注ではありません (いまは「" + names.get(order.status()) + "」)");
        }
        return Transitions.refusal(order, Transitions.SHIPPED, actor, false, false, c -> names.getOrDefault(c, c));
    }

    private Optional<String> trackingNumber(long orderId, int deliveryId) {
        return jdbc.sql("select tracking_number from shipment where order_id = ? and delivery_id = ?"
                        + " and tracking_number is not null")
                .params(orderId, deliveryId)
                .query(String.class)
                .optional();
    }

    private void apply(
            Transitions.OrderState order,
            String to,
            Actor actor,
            boolean approvesShippingBeforePayment,
            String holdReason,
            String note,
            Map<String, String> names) {
        applyAll(List.of(new Move(order, to, actor, approvesShippingBeforePayment, holdReason, note)), names);
    }

    /** One order's move, checked: where to, by whom, and what the history says besides. */
    private record Move(
            Transitions.OrderState order,
            String to,
            Actor actor,
            boolean approvesShippingBeforePayment,
            String holdReason,
            String note) {

        boolean holding() {
            return Transitions.ON_HOLD.equals(to);
        }
    }

    /**
     * Makes checked moves: the orders updated in one statement, their history rows written in one, then each move
     * announced (and a person's recorded in the audit log).
     */
    private void applyAll(List<Move> moves, Map<String, String> names) {
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
        String[] kinds = new String[n];
        String[] whys = new String[n];
        for (int i = 0; i < n; i++) {
            Move move = moves.get(i);
            Transitions.OrderState order = move.order();
            ids[i] = order.id();
            statuses[i] = move.to();
            holdReasons[i] = move.holding() ? move.holdReason() : null;
            heldFrom[i] = move.holding() ? order.status() : null;
            approves[i] = move.approvesShippingBeforePayment();
            actors[i] = move.actor().name();
            kinds[i] = "STATUS";
            whys[i] = "ステータス: " + names.getOrDefault(order.status(), order.status()) + " → "
                    + names.getOrDefault(move.to(), move.to())
                    + (move.approvesShippingBeforePayment() ? " (入金前の出荷を承認)" : "")
                    + (move.holding() ? " (理由: " + move.holdReason() + ")" : "")
                    + (move.note() == null ? "" : " (" + move.note() + ")");
        }
        jdbc.sql("""
                        update oms_order o set workflow_status = m.status, hold_reason = m.hold_reason,
                            held_from = m.held_from,
                            ship_before_payment_by = case when m.approves then m.actor else o.ship_before_payment_by end,
                            ship_before_payment_at = case when m.approves then now() else o.ship_before_payment_at end,
                            version = o.version + 1, updated_at = now()
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[])
                            as m(id, status, hold_reason, held_from, approves, actor)
                        where o.id = m.id
                        """)
                .params(ids, statuses, holdReasons, heldFrom, approves, actors)
                .update();
        jdbc.sql("insert into order_history (order_id, kind, actor, summary)"
                        + " select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[])")
                .params(ids, kinds, actors, whys)
                .update();
        Instant at = Instant.now();
        for (int i = 0; i < n; i++) {
            Move move = moves.get(i);
            Transitions.OrderState order = move.order();
            events.publishEvent(new OrderStatusChanged(order.id(), order.status(), move.to(), actors[i], at));
            if (move.actor().isPerson()) {
                audit.record(
                        actors[i],
                        move.holding() ? "ORDER_HELD" : "ORDER_STATUS_CHANGED",
                        "order:" + order.orderNumber(),
                        whys[i]);
            }
        }
    }

    private void history(long orderId, String kind, Actor actor, String summary) {
        jdbc.sql(Orders.INSERT_HISTORY)
                .params(orderId, kind, actor.name(), summary)
                .update();
    }

    private Optional<Transitions.OrderState> state(long orderId, boolean lock) {
        return jdbc.sql(STATE + " where id = ?" + (lock ? " for update" : ""))
                .param(orderId)
                .query(OrderWorkflow::orderState)
                .optional();
    }

    /** These orders' states, their rows locked in id order (as {@link #eachLocked} locks them one by one). */
    private Map<Long, Transitions.OrderState> lockedStates(Collection<Long> orderIds) {
        Map<Long, Transitions.OrderState> states = new HashMap<>();
        if (orderIds.isEmpty()) {
            return states;
        }
        jdbc.sql(STATE + " where id = any (?) order by id for update")
                .param(orderIds.toArray(Long[]::new))
                .query(OrderWorkflow::orderState)
                .list()
                .forEach(state -> states.put(state.id(), state));
        return states;
    }

    private static final String STATE = """
            select id, order_number, workflow_status, shop_order_status = 'Cancelled' as shop_cancelled,
                   shop_payment_status = 'Unpaid' and %s as unpaid_prepaid,
                   ship_before_payment_by is not null as ship_before_payment, held_from
            from oms_order""".formatted(PaymentKinds.WAITS_FOR_PAYMENT.formatted("payment_method"));

    private static Transitions.OrderState orderState(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Transitions.OrderState(
                rs.getLong("id"),
                rs.getString("order_number"),
                rs.getString("workflow_status"),
                rs.getBoolean("shop_cancelled"),
                rs.getBoolean("unpaid_prepaid"),
                rs.getBoolean("ship_before_payment"),
                rs.getString("held_from"));
    }

    private Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select code, name from workflow_status").query(rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }
}
