package jp.juchu.oms.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.NoteChange;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the plans of many orders (an imported page) together, in one transaction and a few statements whatever
 * their number, each order ending exactly as {@link RuleActions#apply} would leave it — the same tags, memo, alert,
 * status, history and log rows. Only plans made of note actions (タグ, 社内メモ, 要確認) and at most one move, the last
 * action, qualify ({@link #batchable}); the others go one at a time.
 */
@Component
class RuleBatch {

    private final JdbcClient jdbc;
    private final Orders orders;
    private final OrderWorkflow workflow;

    RuleBatch(JdbcClient jdbc, Orders orders, OrderWorkflow workflow) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.workflow = workflow;
    }

    /** A plan for one order, as {@link AutoProcessing} made it. */
    record Planned(OrderFacts facts, RulePlanner.Plan plan) {}

    /**
     * Whether the plan can be carried out in a batch: no match waits for a person, every action changes only the
     * order's notes (or is 以降のルールを実行しない), and a move (ステータスを移す, 保留, 確認待ち) comes only as the last
     * action of the last rule, or as the built-in wait. Mails, 同梱 and the shipping and amount changes go one order at
     * a time.
     */
    static boolean batchable(RulePlanner.Plan plan) {
        List<RulePlanner.Match> matches = plan.matches();
        boolean moves = false;
        for (int m = 0; m < matches.size(); m++) {
            RulePlanner.Match match = matches.get(m);
            if (match.queued()) {
                return false;
            }
            List<Action> actions = match.rule().actions();
            for (int a = 0; a < actions.size(); a++) {
                Action.Kind kind = actions.get(a).kind();
                if (kind.routes()) {
                    if (m != matches.size() - 1 || a != actions.size() - 1) {
                        return false;
                    }
                    moves = true;
                } else if (!NoteActions.handles(kind) && kind != Action.Kind.STOP) {
                    return false;
                }
            }
        }
        return !(moves && plan.builtIn());
    }

    /** One rule's run on one order: its actions with their filled-in values, and the note changes they asked for. */
    private static final class Run {
        final Planned planned;
        final Rule rule;
        final List<Action> actions = new ArrayList<>();
        final List<String> values = new ArrayList<>();
        /** For each action, the index of its note change, or -1. */
        final List<Integer> changeAt = new ArrayList<>();

        String refusal;

        Run(Planned planned, Rule rule) {
            this.planned = planned;
            this.rule = rule;
        }

        long orderId() {
            return planned.facts().order().id();
        }
    }

    /**
     * Carries out {@link #batchable} plans of many orders in one transaction: every order's note changes at once
     * ({@link Orders#changeNotes}, each order's in the order its rules list them), then the moves through the
     * workflow's {@link OrderWorkflow#routeAll} (under the same guards as one move; a confirmation's alert line is
     * written with its move, in the same update), then the rules' log rows in one statement.
     */
    @Transactional
    void apply(List<Planned> planned) {
        List<NoteChange> changes = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        List<Run> moving = new ArrayList<>();
        List<OrderWorkflow.Route> routes = new ArrayList<>();
        for (Planned p : planned) {
            OrderFacts facts = p.facts();
            long orderId = facts.order().id();
            String status = facts.order().workflowStatus();
            for (RulePlanner.Match match : p.plan().matches()) {
                Rule rule = match.rule();
                Run run = new Run(p, rule);
                String actor = RuleActions.actorName(rule);
                for (Action action : rule.actions()) {
                    String value = action.fill(facts, rule.name());
                    run.actions.add(action);
                    run.values.add(value);
                    if (NoteActions.handles(action.kind())) {
                        run.changeAt.add(changes.size());
                        changes.add(NoteActions.change(orderId, action, value, actor));
                    } else {
                        run.changeAt.add(-1);
                    }
                    if (action.kind().routes()) {
                        String note = action.kind() == Action.Kind.MOVE_STATUS ? rule.name() : value;
                        routes.add(new OrderWorkflow.Route(
                                orderId,
                                status,
                                action.target(),
                                note,
                                Actor.rule(rule.name()),
                                NoteActions.alertLine(action, value)));
                        moving.add(run);
                    }
                }
                runs.add(run);
            }
            if (p.plan().builtIn() && p.plan().status() != null) {
                routes.add(new OrderWorkflow.Route(
                        orderId, status, p.plan().status(), p.plan().why(), Actor.system(RuleActions.BUILT_IN)));
            }
        }
        List<NoteChange.Result> noted = orders.changeNotes(changes);
        Map<Long, String> refused = workflow.routeAll(routes);
        for (Run run : moving) {
            run.refusal = refused.get(run.orderId());
        }
        logAll(runs, noted);
    }

    /** The log rows of all the runs in one statement, each with the summary {@link RuleActions#run} would give it. */
    private void logAll(List<Run> runs, List<NoteChange.Result> noted) {
        if (runs.isEmpty()) {
            return;
        }
        int n = runs.size();
        Long[] ruleIds = new Long[n];
        String[] ruleNames = new String[n];
        Integer[] versions = new Integer[n];
        Long[] orderIds = new Long[n];
        String[] orderNumbers = new String[n];
        String[] outcomes = new String[n];
        String[] summaries = new String[n];
        String[] actors = new String[n];
        for (int i = 0; i < n; i++) {
            Run run = runs.get(i);
            ruleIds[i] = run.rule.id();
            ruleNames[i] = run.rule.name();
            versions[i] = run.rule.version();
            orderIds[i] = run.orderId();
            orderNumbers[i] = run.planned.facts().order().orderNumber();
            outcomes[i] = run.refusal == null ? "APPLIED" : "SKIPPED";
            summaries[i] = summary(run, noted);
            actors[i] = RuleActions.actorName(run.rule);
        }
        jdbc.sql("insert into auto_rule_run (rule_id, rule_name, rule_version, order_id, order_number, outcome,"
                        + " summary, actor) select * from unnest(?::bigint[], ?::text[], ?::int[], ?::bigint[],"
                        + " ?::text[], ?::text[], ?::text[], ?::text[])")
                .params(ruleIds, ruleNames, versions, orderIds, orderNumbers, outcomes, summaries, actors)
                .update();
    }

    private static String summary(Run run, List<NoteChange.Result> noted) {
        List<String> done = new ArrayList<>();
        for (int a = 0; a < run.actions.size(); a++) {
            Action action = run.actions.get(a);
            String value = run.values.get(a);
            int at = run.changeAt.get(a);
            if (at >= 0) {
                done.add(NoteActions.said(action, value, noted.get(at)));
            } else if (action.kind().routes() && run.refusal != null) {
                done.add("移動できません: " + run.refusal);
            } else {
                done.add(RuleActions.describe(action, value));
            }
        }
        return String.join(" / ", done);
    }
}
