package jp.juchu.oms.rules;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderChangedAtShop;
import jp.juchu.oms.orders.OrderStatusChanged;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.OrdersImported;
import jp.juchu.support.db.LockRetry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the rules on orders: right after each imported page (every path that creates orders publishes
 * {@link OrdersImported}; {@link OrdersRouted} says when the page is through), when an order leaves 確認待ち, and when
 * the shop changes an order (only the rules that ask for it, never after printing). Each application is logged with
 * the rule's version; a rule never applies twice to an order unless it may.
 */
@Service
public class AutoProcessing {

    private static final String CONFIRMING = "CONFIRMING";
    private static final Set<String> PRINTING_STARTED = Set.of("PRINTED", "SHIPPED", "CANCELLED");

    private final RuleBook rules;
    private final OrderFactsReader facts;
    private final RuleActions actions;
    private final RuleBatch batch;
    private final RuleSettingsStore settings;
    private final RuleSimulation simulation;
    private final ApplyingToExisting existing;
    private final RuleApprovals approvals;
    private final Orders orders;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate announcing;

    AutoProcessing(
            RuleBook rules,
            OrderFactsReader facts,
            RuleActions actions,
            RuleBatch batch,
            RuleSettingsStore settings,
            RuleSimulation simulation,
            ApplyingToExisting existing,
            RuleApprovals approvals,
            Orders orders,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.rules = rules;
        this.facts = facts;
        this.actions = actions;
        this.batch = batch;
        this.settings = settings;
        this.simulation = simulation;
        this.existing = existing;
        this.approvals = approvals;
        this.orders = orders;
        this.events = events;
        this.announcing = new TransactionTemplate(transactions);
        this.announcing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public RuleSettings settings() {
        return settings.current();
    }

    /** Saves the settings (印刷日待ちの日数 1〜365), with an audit entry. */
    @Transactional
    public void saveSettings(RuleSettings settings, String actor) {
        this.settings.save(settings, actor);
    }

    @ApplicationModuleListener
    void on(OrdersImported imported) {
        OrdersRouted routed = new OrdersRouted(imported.orderIds());
        try {
            process(imported.orderIds(), Rule.Trigger.ON_IMPORT);
        } catch (RuntimeException | Error failed) {
            // the page's moves roll back with this transaction and the event registry tries them again; the sales
            // facts need not wait for that: announced in a transaction of its own
            announcing.executeWithoutResult(status -> events.publishEvent(routed));
            throw failed;
        }
        // in this listener's transaction, which holds the page's moves: handled only once they are committed
        events.publishEvent(routed);
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
        // only an order in a status some rule starts from (or new, for the built-in waits) can change: the others,
        // on import the orders that arrive shipped or cancelled, are not read at all
        Set<String> from = new HashSet<>();
        enabled.forEach(rule -> from.add(rule.fromStatus()));
        if (builtInWaits) {
            from.add(RulePlanner.NEW);
        }
        Set<Long> starting = orders.inStatuses(orderIds, from);
        List<Long> looked = orderIds.stream().filter(starting::contains).toList();
        if (looked.isEmpty()) {
            return;
        }
        Map<Long, Set<Long>> applied = actions.applied(looked);
        List<RuleBatch.Planned> gathered = new ArrayList<>();
        for (OrderFacts order : facts.read(looked)) {
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
            for (List<Long> chunk : OrderFactsReader.chunks(orders.inStatus(waiting, DAILY_LIMIT))) {
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
            for (List<Long> chunk : OrderFactsReader.chunks(orders.inStatus(status, DAILY_LIMIT))) {
                process(chunk, Rule.Trigger.DAILY);
            }
        });
    }

    /**
     * What the rules would do to these orders now, writing nothing (シミュレーション): all enabled rules of the
     * import trigger, or only {@code only} when given (enabled or not), as if the orders had just been imported.
     */
    public List<Simulated> simulate(List<Long> orderIds, List<Rule> only) {
        return simulation.simulate(orderIds, only);
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
        return simulation.trace(rule, orderId);
    }

    /** 既存の受注に適用: the orders in the rule's status that it matches now (a preview; nothing is written). */
    public List<Long> matchingNow(Rule rule, int limit) {
        return existing.matchingNow(rule, limit);
    }

    /** Applies one rule to existing orders it matches now (a person asked, after the preview). */
    public int applyToExisting(Rule rule, List<Long> orderIds, String actor) {
        return existing.apply(rule, orderIds, actor);
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
    public record Pending(long ruleId, String ruleName, long orderId, String orderNumber, OffsetDateTime queuedAt) {}

    /** The matches waiting for a person, oldest first (500 at most). */
    public List<Pending> pending() {
        return approvals.pending();
    }

    /**
     * A person approves a waiting match: the rule's actions run now, as they would have, under the person's name.
     *
     * @return why it could not run (the order moved on, a move was refused); empty when it ran
     */
    @Transactional
    public Optional<String> approve(long ruleId, long orderId, Actor person) {
        return approvals.approve(ruleId, orderId, person);
    }

    /** A person skips a waiting match: nothing runs; the log says who skipped it. */
    @Transactional
    public void skip(long ruleId, long orderId, Actor person) {
        approvals.skip(ruleId, orderId, person);
    }
}
