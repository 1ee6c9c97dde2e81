package jp.juchu.oms.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderChangedAtShop;
import jp.juchu.oms.orders.OrderStatusChanged;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.OrdersImported;
import jp.juchu.support.db.LockRetry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the rules on orders: right after each imported page (every path that creates orders publishes
 * {@link OrdersImported}), when an order leaves 確認待ち, and when the shop changes an order (only the rules that ask
 * for it, never after printing). Each application is logged with the rule's version; a rule never applies twice to
 * an order unless it may.
 */
@Service
public class AutoProcessing {

    private static final String CONFIRMING = "CONFIRMING";
    private static final Set<String> PRINTING_STARTED = Set.of("PRINTED", "SHIPPED", "CANCELLED");

    private final JdbcClient jdbc;
    private final RuleBook rules;
    private final OrderFactsReader facts;
    private final RuleActions actions;
    private final RuleBatch batch;
    private final AuditLog audit;
    private final Orders orders;
    private final OrderWorkflow workflow;
    private final ApplicationEventPublisher events;

    AutoProcessing(
            JdbcClient jdbc,
            RuleBook rules,
            OrderFactsReader facts,
            RuleActions actions,
            RuleBatch batch,
            AuditLog audit,
            Orders orders,
            OrderWorkflow workflow,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.facts = facts;
        this.actions = actions;
        this.batch = batch;
        this.audit = audit;
        this.orders = orders;
        this.workflow = workflow;
        this.events = events;
    }

    public RuleSettings settings() {
        return jdbc.sql("select enabled, print_date_days from auto_rule_setting where id = 1")
                .query(RuleSettings.class)
                .single();
    }

    @Transactional
    public void saveSettings(RuleSettings settings, String actor) {
        if (settings.printDateDays() < 1 || settings.printDateDays() > 365) {
            throw new RuleBook.Refused(List.of("印刷日待ちの日数は1〜365日で入れてください"));
        }
        jdbc.sql("update auto_rule_setting set enabled = ?, print_date_days = ?, updated_by = ?, updated_at = now()"
                        + " where id = 1")
                .params(settings.enabled(), settings.printDateDays(), actor)
                .update();
        audit.record(
                actor,
                "RULE_SETTINGS_CHANGED",
                "rules",
                (settings.enabled() ? "自動処理: 使う" : "自動処理: 使わない") + " / 印刷日待ち: " + settings.printDateDays() + "日");
    }

    @ApplicationModuleListener
    void on(OrdersImported imported) {
        process(imported.orderIds(), Rule.Trigger.ON_IMPORT);
    }

    /**
     * Only a move out of 確認待ち runs rules (ON_CONFIRMED). It is told apart here, in the mover's transaction, and
     * recorded as an event of its own, so that the event registry keeps an entry only for those moves and not for
     * every status change of every order (an import's routing moves thousands).
     */
    @EventListener
    void moved(OrderStatusChanged changed) {
        if (CONFIRMING.equals(changed.from()) && !CONFIRMING.equals(changed.to())) {
            events.publishEvent(new ConfirmationLeft(changed.orderId()));
        }
    }

    /** An order left 確認待ち (by a person or a rule). */
    record ConfirmationLeft(long orderId) {}

    @ApplicationModuleListener
    void on(ConfirmationLeft left) {
        process(List.of(left.orderId()), Rule.Trigger.ON_CONFIRMED);
    }

    @ApplicationModuleListener
    void on(OrderChangedAtShop changed) {
        process(List.of(changed.orderId()), Rule.Trigger.ON_SHOP_CHANGE);
    }

    /**
     * Runs the enabled rules of one trigger on these orders, planned one order at a time. A plan of note changes and
     * moves ({@link RuleBatch#batchable}) waits for the next plan that does more: the plans gathered by then are
     * carried out together, in one transaction ({@link RuleBatch#apply}); any other plan is carried out on its own
     * ({@link RuleActions#apply}), so every order is handled in the order it was planned.
     */
    void process(List<Long> orderIds, Rule.Trigger trigger) {
        RuleSettings settings = settings();
        if (!settings.enabled()) {
            return;
        }
        List<Rule> enabled = rules.enabled(trigger);
        boolean builtInWaits = trigger == Rule.Trigger.ON_IMPORT;
        if (enabled.isEmpty() && !builtInWaits) {
            return;
        }
        Map<Long, Set<Long>> applied = applied(orderIds);
        List<RuleBatch.Planned> gathered = new ArrayList<>();
        for (OrderFacts order : facts.read(orderIds)) {
            if (trigger == Rule.Trigger.ON_SHOP_CHANGE
                    && PRINTING_STARTED.contains(order.order().workflowStatus())) {
                continue;
            }
            RulePlanner.Plan plan = RulePlanner.plan(
                    order,
                    enabled,
                    applied.getOrDefault(order.order().id(), Set.of()),
                    builtInWaits,
                    settings.printDateDays());
            if (!plan.changesAnything()) {
                continue;
            }
            if (RuleBatch.batchable(plan)) {
                gathered.add(new RuleBatch.Planned(order, plan));
                continue;
            }
            applyGathered(gathered);
            gathered.clear();
            applyOne(order, plan);
        }
        applyGathered(gathered);
    }

    /**
     * One order's plan (in a transaction of its own unless the caller's surrounds it), tried again when it loses a
     * deadlock to other work on it.
     */
    private void applyOne(OrderFacts order, RulePlanner.Plan plan) {
        LockRetry.retrying("自動処理", () -> {
            actions.apply(order, plan);
            return null;
        });
    }

    /**
     * Plans gathered from several orders, carried out in one transaction, tried again when it loses a deadlock to other
     * work on the orders; a failure goes to the caller, as one order's failure did (the event registry keeps the
     * publication).
     */
    private void applyGathered(List<RuleBatch.Planned> gathered) {
        if (gathered.isEmpty()) {
            return;
        }
        if (gathered.size() == 1) {
            applyOne(gathered.get(0).facts(), gathered.get(0).plan());
            return;
        }
        List<RuleBatch.Planned> plans = List.copyOf(gathered);
        LockRetry.retrying("自動処理", () -> {
            batch.apply(plans);
            return null;
        });
    }

    /** At most this many orders per status are looked at by one daily run. */
    static final int DAILY_LIMIT = 10_000;

    /**
     * The daily run: orders in 発売日待ち and 印刷日待ち go through the built-in waits again and move on when their day
     * has come; then the daily rules run on the orders in their status.
     */
    public void daily() {
        RuleSettings settings = settings();
        if (!settings.enabled()) {
            return;
        }
        for (String waiting : List.of(RulePlanner.AWAITING_RELEASE, RulePlanner.AWAITING_PRINT_DATE)) {
            for (List<Long> chunk : chunks(orders.inStatus(waiting, DAILY_LIMIT))) {
                for (OrderFacts order : facts.read(chunk)) {
                    RulePlanner.Wait wait = RulePlanner.builtInWait(order, settings.printDateDays());
                    if (!wait.status().equals(waiting)) {
                        actions.moveOn(order, waiting, wait);
                    }
                }
            }
        }
        List<Rule> daily = rules.enabled(Rule.Trigger.DAILY);
        daily.stream().map(Rule::fromStatus).distinct().forEach(status -> {
            for (List<Long> chunk : chunks(orders.inStatus(status, DAILY_LIMIT))) {
                process(chunk, Rule.Trigger.DAILY);
            }
        });
    }

    /**
     * What the rules would do to these orders now, writing nothing (シミュレーション): all enabled rules of the
     * import trigger, or only {@code only} when given (enabled or not), as if the orders had just been imported.
     */
    public List<Simulated> simulate(List<Long> orderIds, List<Rule> only) {
        RuleSettings settings = settings();
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

    /**
     * One order in a simulation.
     *
     * @param matched the rules that matched, in the order they would apply
     * @param status where the order would go, or null
     * @param why which rule or built-in wait chose it
     * @param refusal why the workflow would refuse that move now, or null
     * @param changes what the actions would change, in words
     */
    public record Simulated(
            long orderId,
            String orderNumber,
            String currentStatus,
            List<String> matched,
            String status,
            String why,
            String refusal,
            List<String> changes) {}

    /** このルールで判定: each condition of a rule with whether it holds for the order and the order's value. */
    public List<Condition.TraceLine> trace(Rule rule, long orderId) {
        return facts.read(List.of(orderId)).stream()
                .findFirst()
                .map(order -> rule.condition().trace(order))
                .orElse(List.of());
    }

    /** 既存の受注に適用: the orders in the rule's status that it matches now (a preview; nothing is written). */
    public List<Long> matchingNow(Rule rule, int limit) {
        List<Long> ids = orders.inStatus(rule.fromStatus(), Math.min(limit, 10_000));
        Map<Long, Set<Long>> applied = applied(ids);
        List<Long> matching = new ArrayList<>();
        for (List<Long> chunk : chunks(ids)) {
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

    /** Applies one rule to existing orders it matches now (a person asked, after the preview). */
    public int applyToExisting(Rule rule, List<Long> orderIds, String actor) {
        int done = 0;
        int printDateDays = settings().printDateDays();
        for (List<Long> chunk : chunks(orderIds)) {
            Map<Long, Set<Long>> applied = applied(chunk);
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

    /** The rules' runs on one order, oldest first. */
    public List<RuleRun> runsOf(long orderId) {
        return actions.runsOf(orderId);
    }

    /** The latest runs of one rule, newest first. */
    public List<RuleRun> runsOfRule(long ruleId) {
        return actions.runsOfRule(ruleId, 200);
    }

    /** How many orders each rule applied to in the last 24 hours, by rule id. */
    public Map<Long, Long> appliedLastDay() {
        return actions.appliedLastDay();
    }

    /** A match waiting for a person (確認して実行). */
    public record Pending(
            long ruleId, String ruleName, long orderId, String orderNumber, java.time.OffsetDateTime queuedAt) {}

    public List<Pending> pending() {
        List<Pending> pending = new ArrayList<>();
        jdbc.sql("select p.rule_id, p.order_id, p.queued_at from auto_rule_pending p order by p.queued_at, p.order_id"
                        + " limit 500")
                .query(rs -> {
                    long ruleId = rs.getLong(1);
                    long orderId = rs.getLong(2);
                    var queuedAt = rs.getObject(3, java.time.OffsetDateTime.class);
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

    /**
     * A person approves a waiting match: the rule's actions run now, as they would have, under the person's name.
     *
     * @return why it could not run (the order moved on, a move was refused); empty when it ran
     */
    @Transactional
    public java.util.Optional<String> approve(long ruleId, long orderId, Actor person) {
        if (!unqueue(ruleId, orderId)) {
            return java.util.Optional.of("確認待ちの一覧にありません");
        }
        Rule rule = rules.find(ruleId).orElseThrow(() -> new RuleBook.Refused(List.of("ルールがありません")));
        List<OrderFacts> found = facts.read(List.of(orderId));
        if (found.isEmpty()) {
            return java.util.Optional.of("受注がありません");
        }
        OrderFacts order = found.get(0);
        if (!order.order().workflowStatus().equals(rule.fromStatus())) {
            String why = "受注は「" + order.order().workflowStatusName() + "」に移っていたので実行しませんでした";
            actions.log(rule, order, "SKIPPED", why, person.name());
            return java.util.Optional.of(why);
        }
        RuleActions.Outcome outcome = actions.run(order, rule, rule.fromStatus(), person);
        actions.log(rule, order, outcome.refusal() == null ? "APPLIED" : "SKIPPED", outcome.summary(), person.name());
        return java.util.Optional.ofNullable(outcome.refusal());
    }

    /** A person skips a waiting match: nothing runs; the log says who skipped it. */
    @Transactional
    public void skip(long ruleId, long orderId, Actor person) {
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

    private Map<Long, Set<Long>> applied(List<Long> orderIds) {
        Map<Long, Set<Long>> applied = new HashMap<>();
        jdbc.sql("select order_id, rule_id from auto_rule_run where order_id = any (?) and outcome <> 'SKIPPED'")
                .param(orderIds.toArray(Long[]::new))
                .query(rs -> {
                    applied.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        return applied;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 200) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 200)));
        }
        return chunks;
    }

    static Actor actor(Rule rule) {
        return Actor.rule(rule.name());
    }
}
