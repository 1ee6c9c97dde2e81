package jp.juchu.oms.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.rules.AutoProcessing;
import jp.juchu.oms.rules.RuleSettings;
import jp.juchu.oms.sales.SalesFixture.Line;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The facts after a change of workflow status (the rules routing an imported page, a move with a shipment) are what a
 * full rebuild gives: the order and line facts and both rollups, group by group.
 */
@SpringBootTest
class SalesFactRoutingTests {

    static final LocalDate DAY = LocalDate.of(2025, 5, 12);

    @Autowired
    Orders orders;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    SalesFacts facts;

    @Autowired
    AutoProcessing processing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    SalesFixture shop;

    @BeforeEach
    void newShop() {
        shop = SalesFixture.create(orders, jdbc);
    }

    @Test
    void aRoutedPageLeavesTheFactsAndBothRollupsAsAFullRebuildWould() {
        shop.product(shop.prefix() + "-TEA", 300, "tea-1");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(shop.order(
                    "P-" + i,
                    DAY.plusDays(i % 3),
                    8 + i,
                    "New",
                    i % 2 == 0 ? "CreditCard" : "CashOnDelivery",
                    i % 3 == 0 ? "東京都" : "大阪府",
                    500,
                    List.of(new Line("tea-1", "煎茶", 1080, 1 + i % 3, 8), new Line("mug-1", "マグカップ", 3300, 1, 10))));
        }
        shop.awaitFactsEqualOrders();
        // (出荷待ち would wait for the mapped tea's stock)
        String[] to = {"CONFIRMING", "CONFIRMING", "ON_HOLD"};
        List<OrderWorkflow.Route> routes = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            routes.add(new OrderWorkflow.Route(ids.get(i), status(ids.get(i)), to[i % 3], "振り分け", Actor.rule("振り分け")));
        }

        // (an order that something else moved meanwhile is refused, and keeps its facts as they are)
        assertThat(workflow.routeAll(routes)).as("orders routed").hasSizeLessThan(ids.size() / 2);

        awaitFactsFollowStatuses(ids.size());
        Snapshot routed = snapshot();
        assertThat(routed.orders())
                .filteredOn(f -> f.contains("\"CONFIRMING\""))
                .isNotEmpty();
        facts.rebuildAll();
        assertThat(snapshot()).isEqualTo(routed);
    }

    @Test
    void anImportedPageIsCountedOnceInTheStatusAutomaticProcessingRoutesItToNeverAsNew() {
        processing.saveSettings(new RuleSettings(true, 14), "テスト");
        try {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(shop.order(
                        "I-" + i,
                        DAY,
                        9 + i,
                        "New",
                        "CreditCard",
                        "東京都",
                        500,
                        List.of(new Line("cup-" + i, "湯呑み", 2200, 1, 10))));
            }

            awaitFactsFollowStatuses(ids.size());
            assertThat(ids).allMatch(id -> !"NEW".equals(status(id)));
            // the page's refresh covers the routing's moves: they record no refresh of their own
            assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%StatusesChanged'"
                                    + " and serialized_event::jsonb -> 'orderIds' @> to_jsonb(?::bigint)")
                            .param(ids.get(0))
                            .query(Long.class)
                            .single())
                    .isZero();
            // the page's OrdersRouted is handled once the moves are committed: no rollup row ever counted the orders
            // as 新規受付, not even one taken back again (the rows are deltas until the fold)
            for (String rollup : List.of("sales_day", "sales_month")) {
                assertThat(jdbc.sql("select count(*) from " + rollup
                                        + " where connection_id = ? and workflow_status = 'NEW'")
                                .param(shop.shop())
                                .query(Long.class)
                                .single())
                        .as(rollup)
                        .isZero();
            }
            shop.awaitFactsEqualOrders();
        } finally {
            processing.saveSettings(new RuleSettings(false, 14), "テスト");
        }
    }

    @Test
    void aRoutedPageComputesTheMissingFactsAndRestatesThoseItsMovesMadeStale() {
        long kept = shop.order(
                "M-1", DAY, 10, "New", "CreditCard", "東京都", 500, List.of(new Line("tea-1", "煎茶", 1080, 1, 8)));
        long missing = shop.order(
                "M-2", DAY, 11, "New", "CreditCard", "東京都", 500, List.of(new Line("tea-1", "煎茶", 1080, 2, 8)));
        shop.awaitFactsEqualOrders();
        String factsStatus = shop.fact(kept, "workflow_status");
        // behind the facts' back (no event): one order's status changes (as the routing moves it), the other's facts
        // are lost
        jdbc.sql("update oms_order set workflow_status = 'CONFIRMING' where id = ?")
                .param(kept)
                .update();
        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            FactRollups.take(jdbc, "f.order_id = any (?)", "l.order_id = any (?)", -1, new Long[] {missing});
            jdbc.sql("delete from sales_line where order_id = ?").param(missing).update();
            jdbc.sql("delete from sales_order where order_id = ?")
                    .param(missing)
                    .update();
        });

        facts.routed(List.of(kept, missing));

        assertThat(factsStatus).isNotEqualTo("CONFIRMING");
        assertThat(shop.fact(kept, "workflow_status")).as("restated").isEqualTo("CONFIRMING");
        assertThat(shop.fact(missing, "units")).as("computed").isEqualTo("2");
        Snapshot routed = snapshot();
        facts.rebuildAll();
        assertThat(snapshot()).isEqualTo(routed);
    }

    @Test
    void aStatusMoveWithANewShippingDayIsRecomputed() {
        long id = shop.order(
                "S-1", DAY, 10, "New", "CreditCard", "東京都", 500, List.of(new Line("tea-1", "煎茶", 1080, 2, 8)));
        shop.awaitFactsEqualOrders();
        assertThat(shop.fact(id, "shipped_on")).isNull();

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
            jdbc.sql("update shipment set shipped_date = ? where order_id = ?")
                    .params(DAY.plusDays(2), id)
                    .update();
            assertThat(workflow.routeAll(
                            List.of(new OrderWorkflow.Route(id, status(id), "READY_TO_SHIP", "出荷", Actor.rule("出荷")))))
                    .isEmpty();
        });

        awaitFactsFollowStatuses(1);
        assertThat(shop.fact(id, "shipped_on")).isEqualTo(DAY.plusDays(2).toString());
        assertThat(jdbc.sql("select coalesce(sum(orders), 0) from sales_day where basis = 'S' and day = ?"
                                + " and connection_id = ? and workflow_status = 'READY_TO_SHIP'")
                        .params(DAY.plusDays(2), shop.shop())
                        .query(Long.class)
                        .single())
                .as("the order counted on its shipping day")
                .isEqualTo(1);
        Snapshot moved = snapshot();
        facts.rebuildAll();
        assertThat(snapshot()).isEqualTo(moved);
    }

    private String status(long id) {
        return jdbc.sql("select workflow_status from oms_order where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    /** Waits until every order of the shop has facts under its status, and the daily rollup counts them so. */
    private void awaitFactsFollowStatuses(int count) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    long following = jdbc.sql("select count(*) from oms_order o join sales_order f on f.order_id = o.id"
                                    + " where o.connection_id = ? and f.workflow_status = o.workflow_status")
                            .param(shop.shop())
                            .query(Long.class)
                            .single();
                    List<String> byStatus = jdbc.sql("select workflow_status || ' ' || count(*) from oms_order"
                                    + " where connection_id = ? group by workflow_status order by 1")
                            .param(shop.shop())
                            .query(String.class)
                            .list();
                    List<String> rolledUp = jdbc.sql("select workflow_status || ' ' || sum(orders) from sales_day"
                                    + " where connection_id = ? and basis = 'O' group by workflow_status"
                                    + " having sum(orders) <> 0 order by 1")
                            .param(shop.shop())
                            .query(String.class)
                            .list();
                    return following == count && byStatus.equals(rolledUp);
                });
    }

    /** The shop's order and line facts (all but when written), and both rollups' groups (those not all zero). */
    record Snapshot(List<String> orders, List<String> lines, List<String> days, List<String> months) {}

    private Snapshot snapshot() {
        return new Snapshot(
                jdbc.sql("select (to_jsonb(f) - 'refreshed_at')::text from sales_order f where connection_id = ?"
                                + " order by order_id")
                        .param(shop.shop())
                        .query(String.class)
                        .list(),
                jdbc.sql(
                                "select to_jsonb(l)::text from sales_line l where connection_id = ? order by order_id, item_id")
                        .param(shop.shop())
                        .query(String.class)
                        .list(),
                jdbc.sql("""
                                select concat_ws(' ', basis, day, workflow_status, sum(orders), sum(units),
                                                 sum(sales_incl), sum(sales_excl), sum(tax_10), sum(tax_8),
                                                 sum(shipping), sum(cod_fee), sum(discount), sum(points), sum(cost),
                                                 sum(mall_share), sum(mall_per_order), sum(payment_fee), sum(carriage))
                                from sales_day where connection_id = ? group by basis, day, workflow_status
                                having sum(orders) <> 0 or sum(units) <> 0 or sum(sales_incl) <> 0 or sum(cost) <> 0
                                order by 1
                                """).param(shop.shop()).query(String.class).list(),
                jdbc.sql("""
                                select concat_ws(' ', basis, month, workflow_status, dim, value, max(name), max(kind),
                                                 sum(orders), sum(units), sum(sales_incl), sum(sales_excl), sum(cost),
                                                 sum(fees))
                                from sales_month where connection_id = ?
                                group by basis, month, workflow_status, dim, value
                                having sum(orders) <> 0 or sum(units) <> 0 or sum(sales_incl) <> 0
                                order by 1
                                """).param(shop.shop()).query(String.class).list());
    }
}
