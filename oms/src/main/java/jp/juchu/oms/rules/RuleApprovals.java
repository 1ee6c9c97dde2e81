package jp.juchu.oms.rules;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.rules.AutoProcessing.Pending;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 確認して実行: the matches of rules that wait for a person ({@code auto_rule_pending}), and the person's answer —
 * run the rule's actions now under the person's name, or skip them. Runs in the caller's transaction.
 */
@Component
class RuleApprovals {

    private final JdbcClient jdbc;
    private final RuleBook rules;
    private final OrderFactsReader facts;
    private final RuleActions actions;
    private final Orders orders;

    RuleApprovals(JdbcClient jdbc, RuleBook rules, OrderFactsReader facts, RuleActions actions, Orders orders) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.facts = facts;
        this.actions = actions;
        this.orders = orders;
    }

    List<Pending> pending() {
        List<Pending> pending = new ArrayList<>();
        jdbc.sql("select p.rule_id, p.order_id, p.queued_at from auto_rule_pending p order by p.queued_at, p.order_id"
                        + " limit 500")
                .query(rs -> {
                    long ruleId = rs.getLong(1);
                    long orderId = rs.getLong(2);
                    var queuedAt = rs.getObject(3, OffsetDateTime.class);
                    pending.add(new Pending(ruleId, "", orderId, "", queuedAt));
                });
        Map<Long, String> names = new HashMap<>();
        rules.all().forEach(r -> names.put(r.id(), r.name()));
        Map<Long, String> numbers = new HashMap<>();
        orders.headers(pending.stream().map(Pending::orderId).distinct().toList())
                .forEach(o -> numbers.put(o.id(), o.orderNumber()));
        return pending.stream()
                .map(p -> new Pending(
                        p.ruleId(),
                        names.getOrDefault(p.ruleId(), "?"),
                        p.orderId(),
                        numbers.getOrDefault(p.orderId(), "#" + p.orderId()),
                        p.queuedAt()))
                .toList();
    }

    Optional<String> approve(long ruleId, long orderId, Actor person) {
        if (!unqueue(ruleId, orderId)) {
            return Optional.of("確認待ちの一覧にありません");
        }
        Rule rule = rules.find(ruleId).orElseThrow(() -> new RuleBook.Refused(List.of("ルールがありません")));
        List<OrderFacts> found = facts.read(List.of(orderId));
        if (found.isEmpty()) {
            return Optional.of("受注がありません");
        }
        OrderFacts order = found.get(0);
        if (!order.order().workflowStatus().equals(rule.fromStatus())) {
            String why = "受注は「" + order.order().workflowStatusName() + "」に移っていたので実行しませんでした";
            actions.log(rule, order, "SKIPPED", why, person.name());
            return Optional.of(why);
        }
        RuleActions.Outcome outcome = actions.run(order, rule, rule.fromStatus(), person);
        actions.log(rule, order, outcome.refusal() == null ? "APPLIED" : "SKIPPED", outcome.summary(), person.name());
        return Optional.ofNullable(outcome.refusal());
    }

    void skip(long ruleId, long orderId, Actor person) {
        if (!unqueue(ruleId, orderId)) {
            return;
        }
        Rule rule = rules.find(ruleId).orElseThrow(() -> new RuleBook.Refused(List.of("ルールがありません")));
        facts.read(List.of(orderId))
                .forEach(order -> actions.log(rule, order, "SKIPPED", "実行しないことにしました", person.name()));
    }

    private boolean unqueue(long ruleId, long orderId) {
        return jdbc.sql("delete from auto_rule_pending where rule_id = ? and order_id = ?")
                        .params(ruleId, orderId)
                        .update()
                > 0;
    }
}
