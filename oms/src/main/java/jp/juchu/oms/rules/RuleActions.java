package jp.juchu.oms.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.juchu.oms.bundles.Bundles;
import jp.juchu.oms.mails.Mails;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.NoteChange;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out a plan on one order, in one transaction: each matched rule's actions in order (or the match queued for
 * a person), then a built-in wait; every status move through the order workflow; one log row per rule. (Plans of many
 * orders that only change notes and move go together through {@link RuleBatch}, to the same end.)
 */
@Component
class RuleActions {

    static final String BUILT_IN = "自動処理 (標準の振り分け)";

    private final JdbcClient jdbc;
    private final Orders orders;
    private final OrderWorkflow workflow;
    private final Mails mails;
    private final Bundles bundles;
    private final OrderChanges changes;

    RuleActions(
            JdbcClient jdbc,
            Orders orders,
            OrderWorkflow workflow,
            Mails mails,
            Bundles bundles,
            OrderChanges changes) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.workflow = workflow;
        this.mails = mails;
        this.bundles = bundles;
        this.changes = changes;
    }

    @Transactional
    void apply(OrderFacts facts, RulePlanner.Plan plan) {
        long orderId = facts.order().id();
        String status = facts.order().workflowStatus();
        for (RulePlanner.Match match : plan.matches()) {
            Rule rule = match.rule();
            if (match.queued()) {
                int queued = jdbc.sql("insert into auto_rule_pending (rule_id, order_id) values (?, ?)"
                                + " on conflict do nothing")
                        .params(rule.id(), orderId)
                        .update();
                if (queued > 0) {
                    log(
                            rule,
                            facts,
                            "QUEUED",
                            "確認待ちの一覧に入りました",
                            Actor.rule(rule.name()).name());
                }
                continue;
            }
            Outcome outcome = run(facts, rule, status, Actor.rule(rule.name()));
            status = outcome.status();
            log(rule, facts, outcome.refusal() == null ? "APPLIED" : "SKIPPED", outcome.summary(), actorName(rule));
        }
        if (plan.builtIn() && plan.status() != null) {
            workflow.route(orderId, status, plan.status(), plan.why(), Actor.system(BUILT_IN));
        }
    }

    /** A date-based wait is over: the order moves on to where the built-in waits now put it. */
    @Transactional
    void moveOn(OrderFacts facts, String from, RulePlanner.Wait wait) {
        workflow.route(facts.order().id(), from, wait.status(), wait.why(), Actor.system(BUILT_IN));
    }

    /** What running a rule did: the order's status after it, what changed, and why a move was refused, if it was. */
    record Outcome(String status, String summary, String refusal) {}

    /** Runs a rule's actions on an order now; a refused move stops the rule's later actions. */
    Outcome run(OrderFacts facts, Rule rule, String status, Actor actor) {
        long orderId = facts.order().id();
        List<String> done = new ArrayList<>();
        for (Action action : rule.actions()) {
            String value = action.fill(facts, rule.name());
            if (OrderChanges.handles(action.kind())) {
                OrderChanges.Result result = changes.apply(facts, action, value, actor.name());
                done.add(action.kind().label().replaceFirst(" \\(.*", "") + ": "
                        + (result.done() ? result.summary() : "実行せず (" + result.summary() + ")"));
                continue;
            }
            if (NoteActions.handles(action.kind())) {
                NoteChange.Result result = orders.changeNotes(
                                List.of(NoteActions.change(orderId, action, value, actor.name())))
                        .get(0);
                done.add(NoteActions.said(action, value, result));
                continue;
            }
            switch (action.kind()) {
                case SEND_MAIL -> {
                    Mails.Sent sent = mails.send(orderId, Long.parseLong(value.strip()), actor);
                    if (!sent.queued()) {
                        done.add("メール: " + sent.message());
                        continue;
                    }
                }
                case MOVE_STATUS, HOLD, CONFIRM -> {
                    String to = action.target();
                    String note = action.kind() == Action.Kind.MOVE_STATUS ? rule.name() : value;
                    // a confirmation's alert line comes with its move, as in a batch
                    Optional<String> refused = workflow.route(new OrderWorkflow.Route(
                            orderId, status, to, note, actor, NoteActions.alertLine(action, value)));
                    if (refused.isPresent()) {
                        done.add("移動できません: " + refused.get());
                        return new Outcome(status, String.join(" / ", done), refused.get());
                    }
                    status = to;
                }
                case FIND_BUNDLE -> {
                    List<Long> found = bundles.find(List.of(orderId));
                    done.add(found.isEmpty() ? "同梱候補はありません" : "同梱候補 #" + found.get(0));
                    continue;
                }
                case BUNDLE -> {
                    done.add(bundles.findAndMerge(orderId, actor));
                    continue;
                }
                case STOP -> {}
                default -> throw new IllegalStateException("unhandled action " + action.kind());
            }
            done.add(describe(action, value));
        }
        return new Outcome(status, String.join(" / ", done), null);
    }

    /** What a rule's actions would change on this order, in words (for the simulation). */
    List<String> describe(OrderFacts facts, Rule rule) {
        return rule.actions().stream()
                .map(a -> rule.name() + ": " + describe(facts, a, a.fill(facts, rule.name())))
                .collect(Collectors.toList());
    }

    private String describe(OrderFacts facts, Action action, String value) {
        if (!OrderChanges.handles(action.kind())) {
            return describe(action, value);
        }
        OrderChanges.Result result = changes.preview(facts, action, value);
        return action.kind().label().replaceFirst(" \\(.*", "") + ": "
                + (result.done() ? result.summary() : "実行せず (" + result.summary() + ")");
    }

    static String describe(Action action, String value) {
        return switch (action.kind()) {
            case STOP, FIND_BUNDLE, BUNDLE -> action.kind().label();
            default -> action.kind().label() + " 「" + value + "」";
        };
    }

    void log(Rule rule, OrderFacts facts, String outcome, String summary, String actor) {
        jdbc.sql("insert into auto_rule_run (rule_id, rule_name, rule_version, order_id, order_number, outcome,"
                        + " summary, actor) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        rule.id(),
                        rule.name(),
                        rule.version(),
                        facts.order().id(),
                        facts.order().orderNumber(),
                        outcome,
                        summary,
                        actor)
                .update();
    }

    static String actorName(Rule rule) {
        return Actor.rule(rule.name()).name();
    }

    private static final String RUNS = "select r.at, r.rule_id, r.rule_name, r.rule_version, r.order_id,"
            + " r.order_number, r.outcome, r.summary, r.actor from auto_rule_run r";

    /** The runs on one order, oldest first. */
    List<RuleRun> runsOf(long orderId) {
        return jdbc.sql(RUNS + " where r.order_id = ? order by r.at, r.id")
                .param(orderId)
                .query(RuleRun.class)
                .list();
    }

    /** The latest runs of one rule, newest first. */
    List<RuleRun> runsOfRule(long ruleId, int limit) {
        return jdbc.sql(RUNS + " where r.rule_id = ? order by r.at desc, r.id desc limit ?")
                .params(ruleId, limit)
                .query(RuleRun.class)
                .list();
    }

    /** The rules that ran on each of these orders (applied, or queued for a person; not the skipped). */
    Map<Long, Set<Long>> applied(List<Long> orderIds) {
        Map<Long, Set<Long>> applied = new HashMap<>();
        jdbc.sql("select order_id, rule_id from auto_rule_run where order_id = any (?) and outcome <> 'SKIPPED'")
                .param(orderIds.toArray(Long[]::new))
                .query(rs -> {
                    applied.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        return applied;
    }

    /** How many orders each rule applied to in the last 24 hours. */
    Map<Long, Long> appliedLastDay() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("select rule_id, count(*) from auto_rule_run where at > now() - interval '24 hours'"
                        + " and outcome = 'APPLIED' group by rule_id")
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }
}
