package jp.juchu.oms.orders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order's workflow (受注ステータス), the one way to change it. Every path — the order page, bulk changes, hold and
 * release, the slip export (→ 印刷済み), tracking numbers (→ 出荷済み, through {@link OrderTracking}), the shop's own changes on import — asks here,
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

    private final StatusWrites writes;
    private final OrderNotes notes;
    private final List<PrintGuard> printGuards;

    OrderWorkflow(StatusWrites writes, OrderNotes notes, List<PrintGuard> printGuards) {
        this.writes = writes;
        this.notes = notes;
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
        if (writes.state(orderId, false).isEmpty()) {
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
        Map<String, String> names = writes.names();
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
            writes.apply(order, to, actor, approves, null, note, names);
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
        Map<String, String> names = writes.names();
        return eachLocked(orderIds, order -> {
            if (order.status().equals(Transitions.ON_HOLD)) {
                return Step.refused("すでに保留中です");
            }
            Optional<String> refusal =
                    Transitions.refusal(order, Transitions.ON_HOLD, actor, false, false, c -> names.getOrDefault(c, c));
            if (refusal.isPresent()) {
                return Step.refused(refusal.get());
            }
            writes.apply(order, Transitions.ON_HOLD, actor, false, clean, null, names);
            return Step.MOVED;
        });
    }

    /** 保留解除: returns held orders to the status they were held in, if the rules still allow it. */
    @Transactional
    public Outcome release(Collection<Long> orderIds, Actor actor) {
        Map<String, String> names = writes.names();
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
            writes.apply(order, back, actor, false, null, "保留解除", names);
            return Step.MOVED;
        });
    }

    /**
     * A rule's move of one order (自動処理): made only while the order is still in {@code from}.
     *
     * @param alertLine a line added to the order's alert (要確認) unless the move is refused, as 確認待ち adds what to
     *     check; null for none
     */
    public record Route(long orderId, String from, String to, String note, Actor actor, String alertLine) {

        public Route(long orderId, String from, String to, String note, Actor actor) {
            this(orderId, from, to, note, actor, null);
        }
    }

    /**
     * A rule's move (自動処理): made only while the order is still in {@code from} (a person may have moved it since
     * the rule looked), to a status, or on hold with {@code note} as the reason.
     *
     * @param note the hold's reason, or a note for the history (which rule)
     * @return why the order did not move; empty when it moved
     */
    @Transactional
    public Optional<String> route(long orderId, String from, String to, String note, Actor actor) {
        return route(new Route(orderId, from, to, note, actor));
    }

    /** One rule's move, as {@link #routeAll} makes it (with its alert line, if any). */
    @Transactional
    public Optional<String> route(Route route) {
        return Optional.ofNullable(routeAll(List.of(route)).get(route.orderId()));
    }

    /**
     * Rules' moves of many orders at once (an imported page routed), each under the guards of {@link #route}: the
     * orders are locked in one statement, in id order, each move is checked on its own, then the moved orders are
     * updated and their history written in one statement each; a route's alert line is written in that same update
     * (and added alone to an order that was there already). Each move is still announced as an {@link
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
        Map<String, String> names = writes.names();
        Map<Long, String> refused = new LinkedHashMap<>();
        List<Long> known = byId.values().stream()
                .filter(route -> names.containsKey(route.to()))
                .map(Route::orderId)
                .toList();
        Map<Long, Transitions.OrderState> states = writes.lockedStates(known);
        List<StatusWrites.Move> moves = new ArrayList<>();
        List<NoteChange> alreadyThere = new ArrayList<>();
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
                    moves.add(new StatusWrites.Move(
                            order,
                            to,
                            route.actor(),
                            false,
                            hold ? route.note() : null,
                            hold ? null : route.note(),
                            route.alertLine()));
                } else if (route.alertLine() != null) {
                    // there already: nothing to move, the alert is added all the same
                    alreadyThere.add(new NoteChange.Alert(
                            id, route.alertLine(), route.actor().name()));
                }
            }
        }
        // each order written once: the moves with their alert lines in one statement
        writes.applyAll(moves, names);
        notes.apply(alreadyThere);
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
            Optional<Transitions.OrderState> found = writes.state(id, true);
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
        Map<String, String> names = writes.names();
        return writes.state(orderId, false)
                .map(order -> refusal(order, to, actor, false, names)
                        .map(reason -> new Refusal(orderId, order.orderNumber(), reason)))
                .orElseGet(() -> Optional.of(new Refusal(orderId, "#" + orderId, "受注が見つかりません")));
    }

    /**
     * The shop cancelled an order: it moves to キャンセル unless printing or shipping has started (then only the alert
     * the import raised stays on it).
     *
     * @return whether the order moved
     */
    boolean cancelledAtShop(long orderId, Actor system) {
        Map<String, String> names = writes.names();
        return writes.state(orderId, true)
                .filter(order -> Transitions.refusal(
                                order, Transitions.CANCELLED, system, false, false, c -> names.getOrDefault(c, c))
                        .isEmpty())
                .filter(order -> !order.status().equals(Transitions.CANCELLED))
                .map(order -> {
                    writes.apply(order, Transitions.CANCELLED, system, false, null, "ショップでキャンセル", names);
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
        Map<String, String> names = writes.names();
        return writes.state(orderId, true)
                .filter(order -> !order.shopCancelled())
                .filter(order -> !order.status().equals(Transitions.AWAITING_STOCK))
                .filter(order -> {
                    Transitions.Stage stage = Transitions.Stage.of(order.status());
                    return stage == Transitions.Stage.OPEN || stage == Transitions.Stage.READY_TO_SHIP;
                })
                .map(order -> {
                    writes.apply(order, Transitions.AWAITING_STOCK, system, false, null, note, names);
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
        Map<String, String> names = writes.names();
        Optional<Transitions.OrderState> found =
                writes.state(orderId, true).filter(order -> order.status().equals(Transitions.AWAITING_STOCK));
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
        writes.apply(order, target, system, false, null, "在庫を引き当てました", names);
        return true;
    }
}
