package jp.juchu.oms.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.rules.AutoProcessing.Simulated;
import org.springframework.stereotype.Component;

/**
 * シミュレーション and このルールで判定: what the rules would do to orders now, and how each condition of a rule reads
 * an order — planned as the import's run plans them, writing nothing.
 */
@Component
class RuleSimulation {

    private final RuleBook rules;
    private final OrderFactsReader facts;
    private final RuleActions actions;
    private final RuleSettingsStore settings;
    private final OrderWorkflow workflow;

    RuleSimulation(
            RuleBook rules,
            OrderFactsReader facts,
            RuleActions actions,
            RuleSettingsStore settings,
            OrderWorkflow workflow) {
        this.rules = rules;
        this.facts = facts;
        this.actions = actions;
        this.settings = settings;
        this.workflow = workflow;
    }

    List<Simulated> simulate(List<Long> orderIds, List<Rule> only) {
        RuleSettings settings = this.settings.current();
        List<Rule> tried = only.isEmpty() ? rules.enabled(Rule.Trigger.ON_IMPORT) : only;
        List<Simulated> result = new ArrayList<>();
        for (OrderFacts order : facts.read(orderIds)) {
            RulePlanner.Plan plan = RulePlanner.plan(order, tried, Set.of(), only.isEmpty(), settings.printDateDays());
            String refusal = plan.status() == null
                    ? null
                    : workflow.check(
                                    order.order().id(),
                                    plan.status(),
                                    plan.builtIn() ? Actor.system(RuleActions.BUILT_IN) : Actor.rule(plan.why()))
                            .map(OrderWorkflow.Refusal::reason)
                            .orElse(null);
            result.add(new Simulated(
                    order.order().id(),
                    order.order().orderNumber(),
                    order.order().workflowStatusName(),
                    plan.matches().stream().map(m -> m.rule().name()).toList(),
                    plan.status(),
                    plan.why(),
                    refusal,
                    plan.matches().stream()
                            .flatMap(m -> actions.describe(order, m.rule()).stream())
                            .toList()));
        }
        return result;
    }

    List<Condition.TraceLine> trace(Rule rule, long orderId) {
        return facts.read(List.of(orderId)).stream()
                .findFirst()
                .map(order -> rule.condition().trace(order))
                .orElse(List.of());
    }
}
