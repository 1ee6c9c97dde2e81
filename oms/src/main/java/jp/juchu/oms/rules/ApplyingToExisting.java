package jp.juchu.oms.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.Orders;
import org.springframework.stereotype.Component;

/**
 * 既存の受注に適用: the orders in a rule's status that it matches now (the preview a person sees first), and the rule
 * carried out on them once the person asks, each order as the rules' own run would.
 */
@Component
class ApplyingToExisting {

    private final OrderFactsReader facts;
    private final RuleActions actions;
    private final RuleSettingsStore settings;
    private final Orders orders;
    private final AuditLog audit;

    ApplyingToExisting(
            OrderFactsReader facts, RuleActions actions, RuleSettingsStore settings, Orders orders, AuditLog audit) {
        this.facts = facts;
        this.actions = actions;
        this.settings = settings;
        this.orders = orders;
        this.audit = audit;
    }

    List<Long> matchingNow(Rule rule, int limit) {
        List<Long> ids = orders.inStatus(rule.fromStatus(), Math.min(limit, 10_000));
        Map<Long, Set<Long>> applied = actions.applied(ids);
        List<Long> matching = new ArrayList<>();
        for (List<Long> chunk : OrderFactsReader.chunks(ids)) {
            for (OrderFacts order : facts.read(chunk)) {
                boolean ran = applied.getOrDefault(order.order().id(), Set.of()).contains(rule.id());
                if ((rule.rerunnable() || !ran)
                        && rule.appliesTo(order.order().connectionId())
                        && rule.condition().holds(order)) {
                    matching.add(order.order().id());
                }
            }
        }
        return matching;
    }

    int apply(Rule rule, List<Long> orderIds, String actor) {
        int done = 0;
        int printDateDays = settings.current().printDateDays();
        for (List<Long> chunk : OrderFactsReader.chunks(orderIds)) {
            Map<Long, Set<Long>> applied = actions.applied(chunk);
            for (OrderFacts order : facts.read(chunk)) {
                RulePlanner.Plan plan = RulePlanner.plan(
                        order, List.of(rule), applied.getOrDefault(order.order().id(), Set.of()), false, printDateDays);
                if (plan.changesAnything()) {
                    actions.apply(order, plan);
                    done++;
                }
            }
        }
        audit.record(actor, "RULE_APPLIED_TO_EXISTING", "rule:" + rule.id(), rule.name() + ": " + done + "件");
        return done;
    }
}
