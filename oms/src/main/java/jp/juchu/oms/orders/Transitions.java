package jp.juchu.oms.orders;

import static jp.juchu.oms.orders.Actor.Role.ADMIN;
import static jp.juchu.oms.orders.Actor.Role.RULE;
import static jp.juchu.oms.orders.Actor.Role.STAFF;
import static jp.juchu.oms.orders.Actor.Role.SYSTEM;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The order workflow's rules, as data and a few preconditions: which status may follow which, and who may make
 * the move. Pure: {@link OrderWorkflow} reads the order, asks here, and applies. The table is the one in
 * {@code docs/order-workspace.md}.
 */
final class Transitions {

    static final String NEW = "NEW";
    static final String READY_TO_SHIP = "READY_TO_SHIP";
    static final String PRINTED = "PRINTED";
    static final String SHIPPED = "SHIPPED";
    static final String ON_HOLD = "ON_HOLD";
    static final String AWAITING_STOCK = "AWAITING_STOCK";
    static final String CANCELLED = "CANCELLED";

    /** The statuses an order passes through before shipping: 新規受付, 確認待ち, 入金待ち and the merchant's own. */
    enum Stage {
        OPEN,
        READY_TO_SHIP,
        PRINTED,
        SHIPPED,
        ON_HOLD,
        CANCELLED;

        static Stage of(String code) {
            return switch (code) {
                case Transitions.READY_TO_SHIP -> READY_TO_SHIP;
                case Transitions.PRINTED -> PRINTED;
                case Transitions.SHIPPED -> SHIPPED;
                case Transitions.ON_HOLD -> ON_HOLD;
                case Transitions.CANCELLED -> CANCELLED;
                default -> OPEN;
            };
        }

        boolean shipping() {
            return this == READY_TO_SHIP || this == PRINTED || this == SHIPPED;
        }

        /** 印刷済み or 出荷済み: the slip is printed (or the order went without one). */
        boolean printed() {
            return this == PRINTED || this == SHIPPED;
        }
    }

    /** One row of the table: from any of these stages to any of those, by these roles. */
    record Transition(Set<Stage> from, Set<Stage> to, Set<Actor.Role> by) {}

    static final List<Transition> TABLE = List.of(
            new Transition(EnumSet.of(Stage.OPEN), EnumSet.of(Stage.OPEN, Stage.READY_TO_SHIP), all()),
            new Transition(EnumSet.of(Stage.READY_TO_SHIP), EnumSet.of(Stage.OPEN), people()),
            new Transition(EnumSet.of(Stage.READY_TO_SHIP), EnumSet.of(Stage.PRINTED), all()),
            new Transition(EnumSet.of(Stage.PRINTED), EnumSet.of(Stage.READY_TO_SHIP), people()),
            new Transition(EnumSet.of(Stage.READY_TO_SHIP, Stage.PRINTED), EnumSet.of(Stage.SHIPPED), all()),
            new Transition(
                    EnumSet.of(Stage.SHIPPED), EnumSet.of(Stage.READY_TO_SHIP, Stage.PRINTED), EnumSet.of(ADMIN)),
            new Transition(
                    EnumSet.of(Stage.OPEN, Stage.READY_TO_SHIP, Stage.PRINTED), EnumSet.of(Stage.ON_HOLD), people()),
            new Transition(EnumSet.of(Stage.OPEN), EnumSet.of(Stage.ON_HOLD), EnumSet.of(RULE)),
            new Transition(
                    EnumSet.of(Stage.ON_HOLD), EnumSet.of(Stage.OPEN, Stage.READY_TO_SHIP, Stage.PRINTED), people()),
            new Transition(
                    EnumSet.of(Stage.OPEN, Stage.READY_TO_SHIP, Stage.ON_HOLD), EnumSet.of(Stage.CANCELLED), all()),
            new Transition(EnumSet.of(Stage.PRINTED), EnumSet.of(Stage.CANCELLED), people()),
            new Transition(EnumSet.of(Stage.SHIPPED), EnumSet.of(Stage.CANCELLED), EnumSet.of(ADMIN)),
            new Transition(EnumSet.of(Stage.CANCELLED), EnumSet.of(Stage.OPEN), EnumSet.of(ADMIN)));

    private static Set<Actor.Role> all() {
        return EnumSet.of(ADMIN, STAFF, SYSTEM, RULE);
    }

    private static Set<Actor.Role> people() {
        return EnumSet.of(ADMIN, STAFF);
    }

    /**
     * What the workflow knows of an order when it decides.
     *
     * @param shopCancelled the shop says the order is cancelled
     * @param unpaidPrepaid the shop says it is unpaid and it is not cash on delivery
     * @param shipBeforePayment someone recorded 入金前に出荷する on it
     * @param heldFrom the status a held order left (where 保留解除 returns it)
     */
    record OrderState(
            long id,
            String orderNumber,
            String status,
            boolean shopCancelled,
            boolean unpaidPrepaid,
            boolean shipBeforePayment,
            String heldFrom,
            String alert) {}

    private Transitions() {}

    /**
     * Why this actor may not move the order to {@code to}; empty when the move is allowed. Moving to the status the
     * order is in is allowed (and changes nothing).
     *
     * @param shipBeforePayment the actor ticks 入金前に出荷する with this move (only a person can)
     * @param releasing the move is 保留解除, back to where the hold found the order
     * @param names a status code's name, for the message
     */
    static Optional<String> refusal(
            OrderState order,
            String to,
            Actor actor,
            boolean shipBeforePayment,
            boolean releasing,
            Function<String, String> names) {
        Stage from = Stage.of(order.status());
        Stage target = Stage.of(to);
        if (order.shopCancelled() && target.shipping()) {
            return Optional.of("ショップでキャンセルされた受注です。出荷待ち・印刷済み・出荷済みにはできません");
        }
        if (order.status().equals(to)) {
            return Optional.empty();
        }
        boolean admin = actor.role() == ADMIN;
        if (from == Stage.CANCELLED) {
            if (target == Stage.OPEN && admin) {
                return Optional.empty();
            }
            if (target == Stage.OPEN && actor.isPerson()) {
                return Optional.of("キャンセルした受注を戻せるのは管理者だけです");
            }
            return Optional.of("キャンセルした受注です。管理者が出荷前のステータスへ戻すまで、ほかへは移せません");
        }
        if (order.shopCancelled() && target != Stage.CANCELLED && !admin) {
            return Optional.of("ショップでキャンセルされた受注を動かせるのは管理者だけです");
        }
        if (target == Stage.ON_HOLD && !releasing && actor.role() == SYSTEM) {
            return Optional.of("自動処理では保留にできません");
        }
        if (from == Stage.ON_HOLD && (target == Stage.SHIPPED || (target == Stage.PRINTED && !releasing))) {
            return Optional.of("保留中の受注は印刷・出荷できません。先に保留を解除してください");
        }
        List<Transition> rows = TABLE.stream()
                .filter(t -> t.from().contains(from) && t.to().contains(target))
                .toList();
        if (rows.isEmpty()) {
            return Optional.of("「" + names.apply(order.status()) + "」から「" + names.apply(to) + "」へは移せません");
        }
        if (rows.stream().noneMatch(row -> row.by().contains(actor.role()))) {
            return Optional.of(
                    !actor.isPerson()
                            ? "「" + names.apply(order.status()) + "」から「" + names.apply(to) + "」へは自動では移せません"
                            : "「" + names.apply(order.status()) + "」から「" + names.apply(to) + "」へ移せるのは管理者だけです");
        }
        if (target.shipping()
                && order.unpaidPrepaid()
                && !order.shipBeforePayment()
                && !(shipBeforePayment && actor.isPerson())) {
            return Optional.of("入金が確認できていない受注です。" + names.apply(to) + "にするには「入金前に出荷する」を選んでください");
        }
        return Optional.empty();
    }

    /**
     * The status an order enters the OMS in: キャンセル when the shop already cancelled it; 出荷済み when it was
     * already shipped or completed at the shop and the connection says so (モール詳細設定); otherwise 新規受付.
     */
    static String entry(ShopOrder order, boolean finishedAsShipped) {
        if (order.cancelled()) {
            return CANCELLED;
        }
        if (finishedAsShipped
                && ("Completed".equals(order.orderStatus()) || "Shipped".equals(order.shippingStatus()))) {
            return SHIPPED;
        }
        return NEW;
    }
}
