package jp.juchu.oms.rules;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, without writing anything, what the rules do to one order: every matching enrich rule of the order's status
 * in priority order, then the first matching route rule, then — for a new order that no rule routed — the built-in
 * waits: unpaid prepaid → 入金待ち, not released yet → 発売日待ち, desired date far ahead → 印刷日待ち, else 出荷待ち. The same plan serves the import,
 * the simulation and "apply to existing orders", so what the simulation shows is what happens.
 */
final class RulePlanner {

    static final String NEW = "NEW";
    static final String READY = "READY_TO_SHIP";
    static final String AWAITING_PAYMENT = "AWAITING_PAYMENT";
    static final String AWAITING_PRINT_DATE = "AWAITING_PRINT_DATE";
    static final String AWAITING_RELEASE = "AWAITING_RELEASE";
    static final String CONFIRMING = "CONFIRMING";

    /** One rule that matched and what it does; {@code queued} when it waits for a person (確認して実行). */
    record Match(Rule rule, boolean queued) {}

    /**
     * @param matches the rules that matched, in the order they apply
     * @param status where the order goes, or null when it stays
     * @param why which rule or built-in wait chose {@code status}
     * @param builtIn a built-in wait chose it, not a rule
     */
    record Plan(long orderId, List<Match> matches, String status, String why, boolean builtIn) {

        boolean changesAnything() {
            return !matches.isEmpty() || status != null;
        }
    }

    /**
     * @param rules the enabled rules of this trigger, any order
     * @param applied the ids of the rules that already applied to this order
     * @param builtInWaits whether a new order no rule routed goes through the built-in waits (on import)
     * @param printDateDays an order whose desired date is further than this many days waits in 印刷日待ち
     */
    static Plan plan(OrderFacts facts, List<Rule> rules, Set<Long> applied, boolean builtInWaits, int printDateDays) {
        String status = facts.order().workflowStatus();
        List<Rule> candidates = rules.stream()
                .filter(r -> r.fromStatus().equals(status))
                .filter(r -> r.appliesTo(facts.order().connectionId()))
                .filter(r -> r.rerunnable() || !applied.contains(r.id()))
                .sorted(Comparator.comparingInt(Rule::priority).thenComparingLong(Rule::id))
                .toList();
        List<Match> matches = new ArrayList<>();
        for (Rule rule : candidates) {
            if (rule.phase() == Rule.Phase.ENRICH && rule.condition().holds(facts)) {
                matches.add(new Match(rule, rule.mode() == Rule.Mode.CONFIRM));
                if (stops(rule)) {
                    return new Plan(facts.order().id(), matches, null, null, false);
                }
            }
        }
        for (Rule rule : candidates) {
            if (rule.phase() == Rule.Phase.ROUTE && rule.condition().holds(facts)) {
                boolean queued = rule.mode() == Rule.Mode.CONFIRM;
                matches.add(new Match(rule, queued));
                String target = queued ? null : routedStatus(rule);
                return new Plan(facts.order().id(), matches, target, target == null ? null : rule.name(), false);
            }
        }
        if (!builtInWaits || !NEW.equals(status)) {
            return new Plan(facts.order().id(), matches, null, null, false);
        }
        Wait wait = builtInWait(facts, printDateDays);
        return new Plan(facts.order().id(), matches, wait.status(), wait.why(), true);
    }

    /** Where a built-in wait puts the order, and why. */
    record Wait(String status, String why) {}

    /**
     * The built-in waits, in order: unpaid and a kind paid before shipping (支払い方法) → 入金待ち; a product not released yet → 発売日待ち;
     * a desired date further than {@code printDateDays} → 印刷日待ち; otherwise 出荷待ち.
     */
    static Wait builtInWait(OrderFacts facts, int printDateDays) {
        var order = facts.order();
        if ("Unpaid".equals(order.shopPaymentStatus()) && facts.paymentKind().paidBeforeShipping()) {
            return new Wait(AWAITING_PAYMENT, "標準: 前払いで未入金");
        }
        boolean unreleased = facts.products().stream()
                .anyMatch(p -> p.releaseDate() != null && p.releaseDate().isAfter(facts.today()));
        if (unreleased) {
            return new Wait(AWAITING_RELEASE, "標準: 発売日前の商品");
        }
        boolean farAhead = order.shipments().stream()
                .map(s -> s.deliveryDate())
                .filter(Objects::nonNull)
                .anyMatch(d -> ChronoUnit.DAYS.between(facts.today(), d) > printDateDays);
        if (farAhead) {
            return new Wait(AWAITING_PRINT_DATE, "標準: お届け希望日が " + printDateDays + " 日より先");
        }
        return new Wait(READY, "標準: ほかの条件に当たらない");
    }

    private static boolean stops(Rule rule) {
        return rule.actions().stream().anyMatch(a -> a.kind() == Action.Kind.STOP);
    }

    /** The status a route rule's routing action leads to. */
    static String routedStatus(Rule rule) {
        return rule.actions().stream()
                .map(Action::target)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private RulePlanner() {}
}
