package jp.juchu.oms.sales;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.juchu.support.db.GenericPlans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sales facts (売上データの集計元): one row per order and per order line, computed from the orders by one SQL
 * rule ({@link FactRule}) whatever the path (an import, an edit, a status change, a tracking number, a deletion, a
 * rebuild), and the daily rollup the day and month reports read. A refresh recomputes the given orders from what the
 * OMS holds now, so running it twice, or late, or for an order that is gone, leaves the facts right.
 */
@Service
public class SalesFacts {

    private static final Logger log = LoggerFactory.getLogger(SalesFacts.class);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** Orders recomputed in one statement (and one transaction) by a month's rebuild. */
    static final int BATCH = 1000;

    /** Advisory lock keys: the facts as a whole (a rebuild takes it alone), and one order's facts. */
    private static final int ALL = 21000;

    private static final int ONE = 21001;

    /** Held by a full rebuild while it runs, so that a second one is refused rather than queued behind it. */
    private static final int REBUILDING = 21002;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;

    SalesFacts(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Recomputes the facts of these orders from the orders as they are now (gone orders lose theirs): their old rows
     * taken back from the rollups and their lines dropped, the facts written anew and added to the rollups, the facts
     * of orders gone deleted. What new orders lack (old facts, gone orders) costs them no statement.
     */
    @Transactional
    public void refresh(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        recompute(lock(orderIds));
    }

    /**
     * Imported orders have been routed (自動処理): the orders without facts yet (new orders) get theirs, in the status
     * they start in; an order that something gave facts before the routing (an edit, a change at the shop) and that
     * the routing moved has them restated as {@link #statusesMoved} would. The routing's own moves publish no
     * {@code StatusesChanged} of their own: this is the one refresh of the page.
     */
    @Transactional
    public void routed(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        Long[] ids = lock(orderIds);
        // an anti-join: an exists() per id was planned as a scan of all the facts for a page of a thousand
        Set<Long> missing = new LinkedHashSet<>(jdbc.sql("select u.id from unnest(?::bigint[]) as u (id)"
                        + " where not exists (select 1 from sales_order f where f.order_id = u.id) order by u.id")
                .param(ids)
                .query(Long.class)
                .list());
        if (!missing.isEmpty()) {
            // none of them has facts to take back
            compute(missing.toArray(Long[]::new), false);
        }
        if (missing.size() < ids.length) {
            moved(Arrays.stream(ids).filter(id -> !missing.contains(id)).toArray(Long[]::new));
        }
    }

    /** Recomputes these orders' facts, their locks held (distinct ids). */
    private void recompute(Long[] ids) {
        compute(
                ids,
                jdbc.sql("select exists (select 1 from sales_order where order_id = any (?))")
                        .param(ids)
                        .query(Boolean.class)
                        .single());
    }

    /**
     * Computes these orders' facts and adds them to the rollups, their locks held (distinct ids), taking back the old
     * ones first when some are held; an order that is gone loses its facts (it has no new ones to add).
     */
    private void compute(Long[] ids, boolean held) {
        if (held) {
            FactRollups.take(jdbc, "f.order_id = any (?)", "l.order_id = any (?)", -1, ids);
            jdbc.sql("delete from sales_line where order_id = any (?)")
                    .param(ids)
                    .update();
        }
        // the facts written and their rollup rows, in one statement, planned once per connection (not per page)
        long written =
                GenericPlans.queryForLong(template, FactRule.computeAndRollUp("o.id = any (?)", !held), (Object) ids);
        if (held && written < ids.length) {
            jdbc.sql("delete from sales_order f where f.order_id = any (?)"
                            + " and not exists (select 1 from oms_order o where o.id = f.order_id)")
                    .param(ids)
                    .update();
        }
    }

    /**
     * The orders' workflow statuses changed. A move writes only the status and its history (every other change has
     * its own event), so the facts that say another status are restated, not recomputed: taken back from the
     * rollups, given the order's status (the order row and its lines) and added again. An order without facts yet,
     * or whose shipping day moved with it, is recomputed as {@link #refresh} would.
     */
    @Transactional
    public void statusesMoved(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        moved(lock(orderIds));
    }

    /** Restates or recomputes the facts of these moved orders, their locks held (distinct ids). */
    private void moved(Long[] ids) {
        List<Long> restated = new ArrayList<>();
        List<Long> recomputed = new ArrayList<>();
        jdbc.sql("""
                        select o.id, f.order_id is null or f.shipped_on is distinct from sh.shipped_on
                        from oms_order o
                        left join sales_order f on f.order_id = o.id
                        left join lateral (select %s as shipped_on
                                           from shipment s where s.order_id = o.id) sh on true
                        where o.id = any (?) and (f.order_id is null or f.workflow_status <> o.workflow_status
                                                  or f.shipped_on is distinct from sh.shipped_on)
                        order by o.id
                        """.formatted(FactRule.SHIPPED_ON)).param(ids).query(rs -> {
            (rs.getBoolean(2) ? recomputed : restated).add(rs.getLong(1));
        });
        if (!recomputed.isEmpty()) {
            recompute(recomputed.toArray(Long[]::new));
        }
        if (restated.isEmpty()) {
            return;
        }
        Long[] moved = restated.toArray(Long[]::new);
        FactRollups.take(jdbc, "f.order_id = any (?)", "l.order_id = any (?)", -1, moved);
        jdbc.sql("""
                        with f as (update sales_order f set workflow_status = o.workflow_status from oms_order o
                                   where f.order_id = o.id and o.id = any (?) returning f.order_id, f.workflow_status)
                        update sales_line l set workflow_status = f.workflow_status from f where l.order_id = f.order_id
                        """).param(moved).update();
        FactRollups.take(jdbc, "f.order_id = any (?)", "l.order_id = any (?)", 1, moved);
    }

    /**
     * Takes the locks of a refresh: the facts as a whole shared (a rebuild takes it alone), and each order's, in id
     * order so that two refreshes never deadlock.
     *
     * @return the ids, distinct and sorted
     */
    private Long[] lock(Collection<Long> orderIds) {
        Long[] ids = orderIds.stream().distinct().sorted().toArray(Long[]::new);
        jdbc.sql("select pg_advisory_xact_lock_shared(" + ALL + ")")
                .query(Object.class)
                .list();
        jdbc.sql("select count(pg_advisory_xact_lock(" + ONE + ", (id % 2147483647)::int))"
                        + " from (select id from unnest(?::bigint[]) as u (id) order by id) s")
                .param(ids)
                .query(Long.class)
                .single();
        return ids;
    }

    /** Every order was deleted (データリセット): so are the facts. */
    @Transactional
    public void clear() {
        jdbc.sql("select pg_advisory_xact_lock(" + ALL + ")")
                .query(Object.class)
                .list();
        jdbc.sql("delete from sales_line").update();
        jdbc.sql("delete from sales_order").update();
        jdbc.sql("delete from sales_day").update();
        jdbc.sql("delete from sales_month").update();
    }

    /**
     * Rebuilds every fact from the orders in one transaction; the payment days the OMS recorded are kept.
     *
     * @return the orders with facts afterwards
     */
    @Transactional
    public long rebuildAll() {
        long started = System.nanoTime();
        if (!jdbc.sql("select pg_try_advisory_xact_lock(" + REBUILDING + ")")
                .query(Boolean.class)
                .single()) {
            throw new IllegalStateException("別の再集計が実行中です。終わってからやり直してください");
        }
        jdbc.sql("select pg_advisory_xact_lock(" + ALL + ")")
                .query(Object.class)
                .list();
        OffsetDateTime feesChanged = feesChangedAt();
        jdbc.sql("delete from sales_line").update();
        jdbc.sql(FactRule.compute("true")).update();
        jdbc.sql("delete from sales_order f where not exists (select 1 from oms_order o where o.id = f.order_id)")
                .update();
        jdbc.sql("delete from sales_day").update();
        jdbc.sql("delete from sales_month").update();
        FactRollups.take(jdbc, "true", "true", 1, null);
        feesApplied(feesChanged);
        long facts =
                jdbc.sql("select count(*) from sales_order").query(Long.class).single();
        log.info("Sales facts rebuilt: {} orders in {} ms", facts, (System.nanoTime() - started) / 1_000_000);
        return facts;
    }

    /**
     * The fee settings changed: recomputes the facts of the orders whose fees the settings now make different (a
     * thousand a transaction, as a month's rebuild), then records that the facts hold the settings — unless they
     * changed again meanwhile, which leaves 収支 saying that its orders mix two settings.
     *
     * @return the orders recomputed
     */
    public long applyFees() {
        OffsetDateTime changed = feesChangedAt();
        List<Long> ids = jdbc.sql("with fe as (" + FactRule.fees("sales_order") + ")"
                        + " select f.order_id from sales_order f join fe on fe.order_id = f.order_id"
                        + " where (f.mall_share, f.mall_per_order, f.payment_fee, f.carriage)"
                        + " is distinct from (fe.mall_share, fe.mall_per_order, fe.payment_fee, fe.carriage)"
                        + " order by 1")
                .query(Long.class)
                .list();
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<Long> batch = new ArrayList<>(ids.subList(i, Math.min(ids.size(), i + BATCH)));
            transactions.executeWithoutResult(status -> refresh(batch));
        }
        feesApplied(changed);
        log.info("Sales facts: fees of {} orders recomputed after a change of the fee settings", ids.size());
        return ids.size();
    }

    /** Whether some facts may hold fees of settings that have changed since (収支 says so). */
    @Transactional(readOnly = true)
    public boolean feesPending() {
        return jdbc.sql("select count(*) from sales_fee_state where changed_at is not null"
                                + " and (applied_at is null or applied_at < changed_at)")
                        .query(Long.class)
                        .single()
                > 0;
    }

    private OffsetDateTime feesChangedAt() {
        return jdbc.sql("select changed_at from sales_fee_state")
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
    }

    /** The facts now hold the fee settings as they were when {@code changed} was read (not if changed since). */
    private void feesApplied(OffsetDateTime changed) {
        jdbc.sql(
                        "update sales_fee_state set applied_at = clock_timestamp() where changed_at is not distinct from ?::timestamptz")
                .param(changed)
                .update();
    }

    /**
     * Rebuilds the facts of the orders placed in a month (and drops those of orders gone), a thousand orders a
     * transaction.
     *
     * @return the orders recomputed
     */
    public long rebuild(YearMonth month) {
        List<Long> ids = ordersOf(month);
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<Long> batch = new ArrayList<>(ids.subList(i, Math.min(ids.size(), i + BATCH)));
            transactions.executeWithoutResult(status -> refresh(batch));
        }
        return ids.size();
    }

    /** How many orders a rebuild of this month recomputes (the confirmation says so before it starts). */
    @Transactional(readOnly = true)
    public long countToRebuild(YearMonth month) {
        return ordersOf(month).size();
    }

    /** How many orders a full rebuild recomputes. */
    @Transactional(readOnly = true)
    public long countToRebuild() {
        return jdbc.sql("select count(*) from oms_order").query(Long.class).single();
    }

    /** The orders placed in a month and those whose facts say so (an order gone or moved loses its facts). */
    private List<Long> ordersOf(YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate next = month.plusMonths(1).atDay(1);
        return jdbc.sql("select id from oms_order where ordered_at >= ? and ordered_at < ?"
                        + " union select order_id from sales_order where ordered_on >= ? and ordered_on < ?")
                .params(
                        first.atStartOfDay(TOKYO).toOffsetDateTime(),
                        next.atStartOfDay(TOKYO).toOffsetDateTime(),
                        first,
                        next)
                .query(Long.class)
                .list();
    }

    /**
     * Compares the facts with the orders, order by order, and the daily and monthly rollups with the facts, day by day
     * and month by month (the days as yyyy-MM-dd, the months as yyyy-MM and the breakdown) — in one
     * snapshot, so that an order refreshed meanwhile is not seen half-way.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public FactCheck check() {
        long orders =
                jdbc.sql("select count(*) from oms_order").query(Long.class).single();
        long facts =
                jdbc.sql("select count(*) from sales_order").query(Long.class).single();
        List<String> differingOrders =
                new ArrayList<>(jdbc.sql("""
                        select o.order_number from oms_order o
                        left join sales_order f on f.order_id = o.id
                        where f.order_id is null or f.sales_incl <> o.total or f.workflow_status <> o.workflow_status
                           or f.connection_id <> o.connection_id or f.payment_method <> o.payment_method
                           or f.ordered_on <> (o.ordered_at at time zone 'Asia/Tokyo')::date
                           or f.units <> (select coalesce(sum(i.quantity), 0) from shipment s
                                          join order_item i on i.shipment_id = s.id where s.order_id = o.id)
                        order by o.id limit 20
                        """).query(String.class).list());
        jdbc.sql("select 'ID ' || f.order_id from sales_order f"
                        + " where not exists (select 1 from oms_order o where o.id = f.order_id)"
                        + " order by f.order_id limit 20")
                .query(String.class)
                .list()
                .forEach(differingOrders::add);
        List<String> differingDays = jdbc.sql("""
                        with r as (select basis, day, connection_id, workflow_status, sum(orders) as orders,
                                          sum(units) as units, sum(sales_incl) as sales, sum(cost) as cost,
                                          sum(mall_share + mall_per_order + payment_fee + carriage) as fees
                                   from sales_day group by 1, 2, 3, 4),
                             f as (select b.basis, b.day, f.connection_id, f.workflow_status, count(*) as orders,
                                          sum(f.units) as units, sum(f.sales_incl) as sales, sum(f.cost) as cost,
                                          sum(f.mall_share + f.mall_per_order + f.payment_fee + f.carriage) as fees
                                   from sales_order f
                                   cross join lateral (values ('O', f.ordered_on), ('S', f.shipped_on),
                                                              ('P', f.paid_on)) as b (basis, day)
                                   where b.day is not null group by 1, 2, 3, 4)
                        select distinct to_char(coalesce(r.day, f.day), 'YYYY-MM-DD') as day
                        from r full join f on f.basis = r.basis and f.day = r.day
                             and f.connection_id = r.connection_id and f.workflow_status = r.workflow_status
                        where coalesce(r.orders, 0) <> coalesce(f.orders, 0) or coalesce(r.units, 0) <> coalesce(f.units, 0)
                           or coalesce(r.sales, 0) <> coalesce(f.sales, 0) or coalesce(r.cost, 0) <> coalesce(f.cost, 0)
                           or coalesce(r.fees, 0) <> coalesce(f.fees, 0)
                        order by 1 limit 20
                        """).query(String.class).list();
        List<String> differing = new ArrayList<>(differingDays);
        differing.addAll(
                jdbc.sql(FactRollups.monthDifferences()).query(String.class).list());
        return new FactCheck(orders, facts, differingOrders, differing);
    }

    /** Folds the rollups' deltas into one row per day (month), shop, status and value (run by a scheduled task). */
    @Transactional
    public void fold() {
        FactRollups.fold(jdbc);
    }

    /** Sales by order date from {@code from} to {@code to} (inclusive), cancelled orders left out. */
    @Transactional(readOnly = true)
    public SalesTotals totals(LocalDate from, LocalDate to) {
        return jdbc.sql("select coalesce(sum(orders), 0), coalesce(sum(units), 0), coalesce(sum(sales_incl), 0)"
                        + " from sales_day where basis = 'O' and day between ? and ?"
                        + " and workflow_status <> 'CANCELLED'")
                .params(from, to)
                .query((rs, n) -> new SalesTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Sales (tax included) of each day by order date, cancelled orders left out; days without sales are absent. */
    @Transactional(readOnly = true)
    public java.util.Map<LocalDate, Long> dailySales(LocalDate from, LocalDate to) {
        java.util.Map<LocalDate, Long> days = new java.util.TreeMap<>();
        jdbc.sql("select day, sum(sales_incl) from sales_day where basis = 'O' and day between ? and ?"
                        + " and workflow_status <> 'CANCELLED' group by day")
                .params(from, to)
                .query(rs -> {
                    days.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                });
        return days;
    }
}
