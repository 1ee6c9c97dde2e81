package jp.juchu.oms.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SampleOrders;
import jp.juchu.oms.orders.ShopOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page's plans carried out together ({@link RuleBatch}) leave every order exactly as carrying them out one order at
 * a time ({@link RuleActions#apply}) does: tags, memo, alert, status, version, history and log rows.
 */
@SpringBootTest
class RuleBatchTests {

    static final long SHOP = 8111;

    @Autowired
    RuleBook rules;

    @Autowired
    AutoProcessing processing;

    @Autowired
    OrderFactsReader facts;

    @Autowired
    RuleActions actions;

    @Autowired
    RuleBatch batch;

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    String tag;

    @BeforeEach
    void noRules() {
        tag = "b" + System.nanoTime();
        jdbc.sql("delete from auto_rule").update();
        processing.saveSettings(new RuleSettings(false, 14), "テスト");
    }

    @AfterEach
    void switchOff() {
        processing.saveSettings(new RuleSettings(false, 14), "テスト");
        jdbc.sql("delete from auto_rule").update();
    }

    void rule(String name, Rule.Phase phase, Condition condition, Action... actions) {
        rules.create(
                RulesOnImportTests.draft(name, phase, Rule.Mode.AUTO, Rule.Trigger.ON_IMPORT, condition, actions),
                "テスト");
    }

    static Condition always() {
        return Condition.all(List.of());
    }

    static Condition when(Field field, Operator operator, String value) {
        return Condition.all(List.of(Condition.test(field, operator, value)));
    }

    /** An order imported while automatic processing is off, every listener done with it. */
    long imported(String serial, String payment, String paymentStatus, String remarks) {
        ShopOrder base =
                SampleOrders.order(tag + serial, OffsetDateTime.now(), "鈴木 一郎", payment, paymentStatus, "tea-1", 1080);
        ShopOrder order = new ShopOrder(
                base.serialCode(),
                base.orderNumber(),
                base.orderedAt(),
                base.shopUpdatedAt(),
                base.orderStatus(),
                base.paymentStatus(),
                base.shippingStatus(),
                base.buyer(),
                base.paymentMethod(),
                base.deliveries(),
                base.amounts(),
                remarks);
        long id = SampleOrders.apply(orders, jdbc, SHOP, order);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null"
                                        + " and event_type like '%OrdersImported' and serialized_event like ?")
                                .param("%" + id + "%")
                                .query(Long.class)
                                .single()
                        == 0);
        return id;
    }

    /** What an order looks like after the rules, every row they write included (ids and times left out). */
    record Snapshot(
            List<String> tags,
            String memo,
            String alert,
            String status,
            String holdReason,
            long version,
            List<String> history,
            List<String> runs) {}

    Map<Long, Snapshot> snapshot(List<Long> ids, long historyAfter, long runsAfter) {
        Map<Long, Snapshot> snapshots = new LinkedHashMap<>();
        for (long id : ids) {
            snapshots.put(
                    id,
                    jdbc.sql("select array_to_string(tags, '|') as tags, memo, alert, workflow_status, hold_reason,"
                                    + " version from oms_order where id = ?")
                            .param(id)
                            .query((rs, row) -> new Snapshot(
                                    List.of(rs.getString(1).split("\\|", -1)),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getLong(6),
                                    jdbc.sql("select kind || ' | ' || actor || ' | ' || summary from order_history"
                                                    + " where order_id = ? and id > ? order by id")
                                            .params(id, historyAfter)
                                            .query(String.class)
                                            .list(),
                                    jdbc.sql("select rule_name || ' v' || rule_version || ' | ' || outcome || ' | '"
                                                    + " || summary || ' | ' || actor from auto_rule_run"
                                                    + " where order_id = ? and id > ? order by id")
                                            .params(id, runsAfter)
                                            .query(String.class)
                                            .list()))
                            .single());
        }
        return snapshots;
    }

    long maxId(String table) {
        return jdbc.sql("select coalesce(max(id), 0) from " + table)
                .query(Long.class)
                .single();
    }

    List<RuleBatch.Planned> plans(List<Long> ids) {
        List<Rule> enabled = rules.enabled(Rule.Trigger.ON_IMPORT);
        List<RuleBatch.Planned> planned = new ArrayList<>();
        for (OrderFacts order : facts.read(ids)) {
            planned.add(new RuleBatch.Planned(order, RulePlanner.plan(order, enabled, Set.of(), true, 14)));
        }
        return planned;
    }

    /** Runs the work in a transaction that is rolled back, and returns the orders as the work left them. */
    Map<Long, Snapshot> tried(List<Long> ids, Runnable work) {
        long historyAfter = maxId("order_history");
        long runsAfter = maxId("auto_rule_run");
        return new TransactionTemplate(transactions).execute(tx -> {
            work.run();
            Map<Long, Snapshot> after = snapshot(ids, historyAfter, runsAfter);
            tx.setRollbackOnly();
            return after;
        });
    }

    @Test
    void aPageCarriedOutTogetherEndsExactlyAsOneOrderAtATime() {
        rule("取込タグ", Rule.Phase.ENRICH, always(), new Action(Action.Kind.ADD_TAG, "取込"));
        rule(
                "長いタグ",
                Rule.Phase.ENRICH,
                when(Field.REMARKS, Operator.CONTAINS, "長い"),
                new Action(Action.Kind.ADD_TAG, "{受注番号}{受注番号}"));
        rule(
                "メモとタグ",
                Rule.Phase.ENRICH,
                always(),
                new Action(Action.Kind.APPEND_MEMO, "自動: {支払方法}"),
                new Action(Action.Kind.ADD_TAG, "メモ済"));
        rule("t1を外す", Rule.Phase.ENRICH, always(), new Action(Action.Kind.REMOVE_TAG, "t1"));
        rule("後から", Rule.Phase.ENRICH, always(), new Action(Action.Kind.ADD_TAG, "後"));
        rule(
                "振込アラート",
                Rule.Phase.ENRICH,
                when(Field.PAYMENT_METHOD, Operator.EQUALS, "BankTransfer"),
                new Action(Action.Kind.RAISE_ALERT, "入金確認: {購入者名}"));
        rule(
                "至急 → 確認待ち",
                Rule.Phase.ROUTE,
                when(Field.REMARKS, Operator.CONTAINS, "至急"),
                new Action(Action.Kind.ADD_TAG, "至急"),
                new Action(Action.Kind.CONFIRM, "{受注番号} は至急"));
        rule(
                "カード → 出荷待ち",
                Rule.Phase.ROUTE,
                when(Field.PAYMENT_METHOD, Operator.EQUALS, "CreditCard"),
                new Action(Action.Kind.MOVE_STATUS, "READY_TO_SHIP"));

        long plain = imported("-1", "CreditCard", "Paid", null);
        long twentyTags = imported("-2", "CreditCard", "Paid", null);
        long fullMemo = imported("-3", "CreditCard", "Paid", "長いお願い");
        long unpaid = imported("-4", "CreditCard", "Unpaid", null);
        long urgent = imported("-5", "CreditCard", "Paid", "至急で");
        long transfer = imported("-6", "BankTransfer", "Unpaid", null);
        orders.changeTags(
                twentyTags, IntStream.rangeClosed(1, 20).mapToObj(i -> "t" + i).toList(), List.of(), "テスト");
        jdbc.sql("update oms_order set memo = ? where id = ?")
                .params("あ".repeat(1995), fullMemo)
                .update();
        List<Long> page = List.of(plain, twentyTags, fullMemo, unpaid, urgent, transfer);
        List<RuleBatch.Planned> planned = plans(page);
        assertThat(planned)
                .allSatisfy(p -> assertThat(RuleBatch.batchable(p.plan())).isTrue());

        Map<Long, Snapshot> together = tried(page, () -> batch.apply(planned));
        Map<Long, Snapshot> oneByOne = tried(page, () -> planned.forEach(p -> actions.apply(p.facts(), p.plan())));

        assertThat(together).isEqualTo(oneByOne);

        Snapshot first = together.get(plain);
        assertThat(first.status()).isEqualTo("READY_TO_SHIP");
        assertThat(first.tags()).containsExactlyInAnyOrder("取込", "メモ済", "後");
        assertThat(first.memo()).isEqualTo("自動: クレジットカード");
        assertThat(first.runs())
                .containsExactly(
                        "取込タグ v1 | APPLIED | タグを付ける 「取込」 | 自動処理: 取込タグ",
                        "メモとタグ v1 | APPLIED | 社内メモに追記する (変数可) 「自動: クレジットカード」 / タグを付ける 「メモ済」 | 自動処理: メモとタグ",
                        "t1を外す v1 | APPLIED | タグを外す 「t1」 | 自動処理: t1を外す",
                        "後から v1 | APPLIED | タグを付ける 「後」 | 自動処理: 後から",
                        "カード → 出荷待ち v1 | APPLIED | ステータスを移す 「READY_TO_SHIP」 | 自動処理: カード → 出荷待ち");
        assertThat(first.history()).first().isEqualTo("TAGS | 自動処理: 取込タグ | タグ: +取込");
        assertThat(first.history()).last().asString().startsWith("STATUS | 自動処理: カード → 出荷待ち | ステータス:");

        Snapshot full = together.get(twentyTags);
        assertThat(full.runs().get(0)).contains("APPLIED | タグ: 20個に達しているため付けませんでした");
        assertThat(full.runs().get(1)).contains("タグ: 20個に達しているため付けませんでした");
        assertThat(full.tags()).hasSize(20).contains("後").doesNotContain("t1", "取込", "メモ済");

        Snapshot memo = together.get(fullMemo);
        assertThat(memo.runs().get(1)).contains("長いタグ v1 | APPLIED | タグ: 30文字を超えるため付けませんでした");
        assertThat(memo.runs().get(2)).contains("社内メモ: 2000文字の上限に達するため追記しませんでした / タグを付ける 「メモ済」");
        assertThat(memo.memo()).isEqualTo("あ".repeat(1995));

        Snapshot refused = together.get(unpaid);
        assertThat(refused.status()).isEqualTo("NEW");
        assertThat(refused.tags()).contains("取込", "メモ済", "後");
        assertThat(refused.runs())
                .last()
                .asString()
                .startsWith("カード → 出荷待ち v1 | SKIPPED | 移動できません: ")
                .contains("入金が確認できていない");

        Snapshot confirm = together.get(urgent);
        assertThat(confirm.status()).isEqualTo("CONFIRMING");
        assertThat(confirm.tags()).contains("至急");
        assertThat(confirm.alert()).endsWith("確認内容: " + tag + "-5 は至急");
        assertThat(confirm.history()).last().asString().isEqualTo("ALERT | 自動処理: 至急 → 確認待ち | 確認内容: " + tag + "-5 は至急");

        Snapshot waits = together.get(transfer);
        assertThat(waits.status()).isEqualTo("AWAITING_PAYMENT");
        assertThat(waits.alert()).endsWith("入金確認: 鈴木 一郎");
        assertThat(waits.history()).last().asString().startsWith("STATUS | 自動処理 (標準の振り分け) |");
    }

    @Test
    void theImportsRunCarriesOutThePageInOneTransaction() {
        rule("取込タグ", Rule.Phase.ENRICH, always(), new Action(Action.Kind.ADD_TAG, "取込"));
        rule("メモ", Rule.Phase.ENRICH, always(), new Action(Action.Kind.APPEND_MEMO, "{受注番号} を取込"));
        rule(
                "カード → 出荷待ち",
                Rule.Phase.ROUTE,
                when(Field.PAYMENT_METHOD, Operator.EQUALS, "CreditCard"),
                new Action(Action.Kind.MOVE_STATUS, "READY_TO_SHIP"));
        List<Long> page = List.of(
                imported("-1", "CreditCard", "Paid", null),
                imported("-2", "CreditCard", "Unpaid", null),
                imported("-3", "BankTransfer", "Unpaid", null));
        Map<Long, Snapshot> expected = tried(page, () -> plans(page).forEach(p -> actions.apply(p.facts(), p.plan())));
        long historyAfter = maxId("order_history");
        long runsAfter = maxId("auto_rule_run");
        processing.saveSettings(new RuleSettings(true, 14), "テスト");

        processing.process(page, Rule.Trigger.ON_IMPORT);

        assertThat(snapshot(page, historyAfter, runsAfter)).isEqualTo(expected);
        assertThat(jdbc.sql("select count(distinct at) from auto_rule_run where order_id = any (?) and id > ?")
                        .params(page.toArray(Long[]::new), runsAfter)
                        .query(Long.class)
                        .single())
                .as("the log rows of the whole page were written in one transaction")
                .isEqualTo(1);
    }
}
