package jp.juchu.oms.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import jp.juchu.oms.mails.Mails;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SampleOrders;
import jp.juchu.oms.orders.ShopOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class RulesOnImportTests {

    static final long SHOP = 8101;

    @Autowired
    RuleBook rules;

    @Autowired
    AutoProcessing processing;

    @Autowired
    Orders orders;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MallConnections connections;

    @Autowired
    Mails mails;

    String tag;

    @BeforeEach
    void switchOn() {
        tag = "r" + System.nanoTime();
        jdbc.sql("delete from auto_rule").update();
        processing.saveSettings(new RuleSettings(true, 14), "テスト");
    }

    @AfterEach
    void switchOff() {
        processing.saveSettings(new RuleSettings(false, 14), "テスト");
        jdbc.sql("delete from auto_rule").update();
    }

    long rule(String name, Rule.Phase phase, Condition condition, Action... actions) {
        return rules.create(draft(name, phase, Rule.Mode.AUTO, Rule.Trigger.ON_IMPORT, condition, actions), "テスト");
    }

    static RuleBook.Draft draft(
            String name,
            Rule.Phase phase,
            Rule.Mode mode,
            Rule.Trigger trigger,
            Condition condition,
            Action... actions) {
        return new RuleBook.Draft(
                name, true, mode, List.of(), trigger, "NEW", phase, false, condition, List.of(actions));
    }

    ShopOrder order(String serial, String payment, String paymentStatus, String remarks, LocalDate desired) {
        ShopOrder base = SampleOrders.order(
                tag + serial, OffsetDateTime.now(), "山田 " + tag, payment, paymentStatus, "tea-1", 1080);
        ShopOrder.Delivery d = base.deliveries().get(0);
        ShopOrder.Delivery delivery = new ShopOrder.Delivery(
                d.deliveryId(),
                d.name(),
                d.kana(),
                d.phone(),
                d.postalCode(),
                d.prefecture(),
                d.address1(),
                d.address2(),
                desired,
                d.timeSlot(),
                d.giftWrapping(),
                d.noshi(),
                d.shippingFee(),
                d.items(),
                d.carrier(),
                d.trackingNumber(),
                d.shippedDate());
        return new ShopOrder(
                base.serialCode(),
                base.orderNumber(),
                base.orderedAt(),
                base.shopUpdatedAt(),
                base.orderStatus(),
                base.paymentStatus(),
                base.shippingStatus(),
                base.buyer(),
                base.paymentMethod(),
                List.of(delivery),
                base.amounts(),
                remarks);
    }

    long imported(ShopOrder order) {
        return SampleOrders.apply(orders, jdbc, SHOP, order);
    }

    /** Imported while processing is off, and every listener done with it before the test goes on. */
    long importedUnprocessed(ShopOrder order) {
        processing.saveSettings(new RuleSettings(false, 14), "テスト");
        long id = imported(order);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null"
                                        + " and event_type like '%OrdersImported' and serialized_event like ?")
                                .param("%" + id + "%")
                                .query(Long.class)
                                .single()
                        == 0);
        processing.saveSettings(new RuleSettings(true, 14), "テスト");
        return id;
    }

    String statusOf(long orderId) {
        return jdbc.sql("select workflow_status from oms_order where id = ?")
                .param(orderId)
                .query(String.class)
                .single();
    }

    void awaitStatus(long orderId, String status) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(statusOf(orderId)).isEqualTo(status));
    }

    List<RuleRun> runs(long orderId) {
        return processing.runsOf(orderId);
    }

    @Test
    void aRouteRuleMovesTheImportedOrderAndTheRunIsLoggedWithItsVersion() {
        long ruleId = rule(
                "至急 → 確認待ち",
                Rule.Phase.ROUTE,
                Condition.all(List.of(Condition.test(Field.REMARKS, Operator.CONTAINS, "至急"))),
                new Action(Action.Kind.CONFIRM, "{受注番号} は至急の指定あり"));
        long urgent = imported(order("-1", "CreditCard", "Paid", "至急でお願いします", null));

        awaitStatus(urgent, "CONFIRMING");
        assertThat(runs(urgent)).singleElement().satisfies(run -> {
            assertThat(run.ruleId()).isEqualTo(ruleId);
            assertThat(run.ruleVersion()).isEqualTo(1);
            assertThat(run.outcome()).isEqualTo("APPLIED");
        });
        assertThat(orders.detail(urgent).orElseThrow().alert()).contains("確認内容: " + tag + "-1 は至急の指定あり");
    }

    @Test
    void everyMatchingEnrichRuleAppliesThenOnlyTheFirstMatchingRouteRule() {
        rule("タグ", Rule.Phase.ENRICH, Condition.all(List.of()), new Action(Action.Kind.ADD_TAG, "取込"));
        rule("メモ", Rule.Phase.ENRICH, Condition.all(List.of()), new Action(Action.Kind.APPEND_MEMO, "自動: {支払方法}"));
        rule(
                "カード → 出荷待ち",
                Rule.Phase.ROUTE,
                Condition.all(List.of(Condition.test(Field.PAYMENT_METHOD, Operator.EQUALS, "CreditCard"))),
                new Action(Action.Kind.MOVE_STATUS, "READY_TO_SHIP"));
        rule(
                "すべて → 確認待ち",
                Rule.Phase.ROUTE,
                Condition.all(List.of()),
                new Action(Action.Kind.MOVE_STATUS, "CONFIRMING"));

        long card = imported(order("-1", "CreditCard", "Paid", null, null));
        long cod = imported(order("-2", "CashOnDelivery", "Unpaid", null, null));

        awaitStatus(card, "READY_TO_SHIP");
        awaitStatus(cod, "CONFIRMING");
        assertThat(runs(card)).extracting(RuleRun::ruleName).containsExactly("タグ", "メモ", "カード → 出荷待ち");
        assertThat(orders.tags(List.of(card)).get(card)).containsExactly("取込");
        assertThat(orders.detail(card).orElseThrow().memo()).isEqualTo("自動: クレジットカード");
        assertThat(runs(cod)).extracting(RuleRun::ruleName).containsExactly("タグ", "メモ", "すべて → 確認待ち");
    }

    @Test
    void aMemoAppendStopsAtTheEditFormsBoundSoTheOrderStaysEditable() {
        long order = imported(order("-1", "CreditCard", "Paid", null, null));
        String line = "あ".repeat(999);

        assertThat(orders.appendMemo(order, line, "テスト")).isTrue();
        assertThat(orders.appendMemo(order, line, "テスト")).isTrue();
        assertThat(orders.appendMemo(order, line, "テスト")).isFalse();

        assertThat(orders.detail(order).orElseThrow().memo()).isEqualTo(line + "\n" + line);
        assertThat(orders.appendMemo(Long.MAX_VALUE, "x", "テスト")).isFalse();
    }

    @Test
    void aRuleSendsAMailTemplateOncePerOrder() {
        long template = mails.templates().keySet().iterator().next();
        rule(
                "お礼メール",
                Rule.Phase.ENRICH,
                Condition.all(List.of()),
                new Action(Action.Kind.SEND_MAIL, String.valueOf(template)));
        long order = imported(order("-1", "CreditCard", "Paid", null, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> !runs(order).isEmpty());
        assertThat(jdbc.sql("select count(*) from mail_log where order_id = ? and template_id = ? and trigger = 'RULE'")
                        .params(order, template)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> rule(
                        "ないテンプレート",
                        Rule.Phase.ENRICH,
                        Condition.all(List.of()),
                        new Action(Action.Kind.SEND_MAIL, "999999")))
                .isInstanceOf(RuleBook.Refused.class)
                .hasMessageContaining("メールテンプレート「999999」はありません");
    }

    @Test
    void aRuleNeverRunsTwiceOnAnOrderUnlessItMay() {
        rule("一度だけ", Rule.Phase.ENRICH, Condition.all(List.of()), new Action(Action.Kind.APPEND_MEMO, "一度"));
        long id = rules.create(
                new RuleBook.Draft(
                        "何度でも",
                        true,
                        Rule.Mode.AUTO,
                        List.of(),
                        Rule.Trigger.ON_IMPORT,
                        "NEW",
                        Rule.Phase.ENRICH,
                        true,
                        Condition.all(List.of()),
                        List.of(new Action(Action.Kind.ADD_TAG, "再"))),
                "テスト");
        long order = importedUnprocessed(order("-1", "CreditCard", "Paid", null, null));

        processing.process(List.of(order), Rule.Trigger.ON_IMPORT);
        processing.process(List.of(order), Rule.Trigger.ON_IMPORT);

        // the built-in routing moved it on after the first run; put it back to see the rules tried again
        workflow.move(order, "NEW", Actor.person("admin", true), false);
        processing.process(List.of(order), Rule.Trigger.ON_IMPORT);

        assertThat(runs(order).stream().filter(r -> r.ruleName().equals("一度だけ")))
                .hasSize(1);
        assertThat(runs(order).stream().filter(r -> r.ruleId() == id)).hasSize(2);
    }

    @Test
    void withoutAMatchingRouteRuleNewOrdersGoThroughTheBuiltInWaits() {
        long unpaidTransfer = imported(order("-1", "BankTransfer", "Unpaid", null, null));
        long farAhead = imported(order(
                "-2",
                "CreditCard",
                "Paid",
                null,
                LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(30)));
        long ready = imported(order("-3", "CreditCard", "Paid", null, null));
        long unpaidCod = imported(order("-4", "CashOnDelivery", "Unpaid", null, null));

        awaitStatus(unpaidTransfer, "AWAITING_PAYMENT");
        awaitStatus(farAhead, "AWAITING_PRINT_DATE");
        awaitStatus(ready, "READY_TO_SHIP");
        awaitStatus(unpaidCod, "READY_TO_SHIP");
    }

    @Test
    void anUnreleasedProductWaitsInReleaseAndDatedWaitsMoveOnInTheDailyRun() {
        long product = jdbc.sql(
                        "insert into product (code, name, release_date, stock_managed) values (?, '新作', ?, false)"
                                + " returning id")
                .params(
                        "NEW-" + tag.substring(1, 12),
                        LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(10))
                .query(Long.class)
                .single();
        long channel = connections.ownChannel(Mall.CSV).id();
        jdbc.sql("insert into listing (connection_id, item_code, product_id) values (?, ?, ?)")
                .params(channel, "new-" + tag, product)
                .update();
        ShopOrder base = order("-1", "CreditCard", "Paid", null, null);
        ShopOrder.Delivery d = base.deliveries().get(0);
        ShopOrder withNewItem = new ShopOrder(
                base.serialCode(),
                base.orderNumber(),
                base.orderedAt(),
                base.shopUpdatedAt(),
                base.orderStatus(),
                base.paymentStatus(),
                base.shippingStatus(),
                base.buyer(),
                base.paymentMethod(),
                List.of(new ShopOrder.Delivery(
                        d.deliveryId(),
                        d.name(),
                        d.kana(),
                        d.phone(),
                        d.postalCode(),
                        d.prefecture(),
                        d.address1(),
                        d.address2(),
                        null,
                        d.timeSlot(),
                        false,
                        null,
                        0,
                        List.of(new ShopOrder.Item("new-" + tag, "", "新作", 1000, 1, 10)),
                        null,
                        null,
                        null)),
                base.amounts(),
                null);
        long unreleased = SampleOrders.apply(orders, jdbc, channel, withNewItem);
        long farAhead = imported(order(
                "-2",
                "CreditCard",
                "Paid",
                null,
                LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(30)));
        awaitStatus(unreleased, "AWAITING_RELEASE");
        awaitStatus(farAhead, "AWAITING_PRINT_DATE");
        rules.create(
                new RuleBook.Draft(
                        "毎朝のタグ",
                        true,
                        Rule.Mode.AUTO,
                        List.of(),
                        Rule.Trigger.DAILY,
                        "READY_TO_SHIP",
                        Rule.Phase.ENRICH,
                        false,
                        Condition.all(List.of()),
                        List.of(new Action(Action.Kind.ADD_TAG, "朝"))),
                "テスト");

        processing.saveSettings(new RuleSettings(true, 60), "テスト");
        jdbc.sql("update product set release_date = current_date where id = ?")
                .param(product)
                .update();
        processing.daily();

        assertThat(statusOf(unreleased)).isEqualTo("READY_TO_SHIP");
        assertThat(statusOf(farAhead)).isEqualTo("READY_TO_SHIP");
        assertThat(orders.tags(List.of(farAhead)).get(farAhead)).containsExactly("朝");
    }

    @Test
    void switchedOffTheOrdersWaitInNewForAPerson() {
        processing.saveSettings(new RuleSettings(false, 14), "テスト");
        rule(
                "すべて → 確認待ち",
                Rule.Phase.ROUTE,
                Condition.all(List.of()),
                new Action(Action.Kind.MOVE_STATUS, "CONFIRMING"));
        long order = imported(order("-1", "CreditCard", "Paid", null, null));

        processing.process(List.of(order), Rule.Trigger.ON_IMPORT);

        assertThat(statusOf(order)).isEqualTo("NEW");
        assertThat(runs(order)).isEmpty();
    }

    @Test
    void theSimulationShowsWhatWouldHappenAndWritesNothing() {
        long order = importedUnprocessed(order("-1", "BankTransfer", "Paid", "のし希望", null));
        rule("タグ", Rule.Phase.ENRICH, Condition.all(List.of()), new Action(Action.Kind.ADD_TAG, "試し"));
        rule(
                "備考 → 確認待ち",
                Rule.Phase.ROUTE,
                Condition.all(List.of(Condition.test(Field.REMARKS, Operator.NOT_EMPTY))),
                new Action(Action.Kind.CONFIRM, "備考を確認"));
        long historyBefore = history(order);

        List<AutoProcessing.Simulated> result = processing.simulate(List.of(order), List.of());

        assertThat(result).singleElement().satisfies(s -> {
            assertThat(s.matched()).containsExactly("タグ", "備考 → 確認待ち");
            assertThat(s.status()).isEqualTo("CONFIRMING");
            assertThat(s.changes()).contains("タグ: タグを付ける 「試し」");
        });
        assertThat(statusOf(order)).isEqualTo("NEW");
        assertThat(runs(order)).isEmpty();
        assertThat(orders.tags(List.of(order))).isEmpty();
        assertThat(history(order)).isEqualTo(historyBefore);
    }

    @Test
    void aConfirmFirstRuleWaitsForAPersonWhoApprovesOrSkips() {
        rules.create(
                draft(
                        "確認して保留",
                        Rule.Phase.ROUTE,
                        Rule.Mode.CONFIRM,
                        Rule.Trigger.ON_IMPORT,
                        Condition.all(List.of(Condition.test(Field.TOTAL, Operator.AT_LEAST, "1000"))),
                        new Action(Action.Kind.HOLD, "高額のため")),
                "テスト");
        long approved = imported(order("-1", "CreditCard", "Paid", null, null));
        long skipped = imported(order("-2", "CreditCard", "Paid", null, null));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> processing.pending().stream()
                                .filter(p -> p.orderId() == approved || p.orderId() == skipped)
                                .count()
                        == 2);
        assertThat(statusOf(approved))
                .as("a queued route rule keeps the order where it is")
                .isEqualTo("NEW");

        long ruleId = processing.pending().get(0).ruleId();
        assertThat(processing.approve(ruleId, approved, Actor.person("担当者", false)))
                .isEmpty();
        processing.skip(ruleId, skipped, Actor.person("担当者", false));

        assertThat(statusOf(approved)).isEqualTo("ON_HOLD");
        assertThat(orders.detail(approved).orElseThrow().holdReason()).isEqualTo("高額のため");
        assertThat(statusOf(skipped)).isEqualTo("NEW");
        assertThat(runs(skipped)).extracting(RuleRun::outcome).containsExactly("QUEUED", "SKIPPED");
        assertThat(processing.pending()).noneMatch(p -> p.orderId() == approved || p.orderId() == skipped);
    }

    @Test
    void aMoveTheWorkflowRefusesIsLoggedAndTheOrderStays() {
        rule(
                "すべて → 出荷待ち",
                Rule.Phase.ROUTE,
                Condition.all(List.of()),
                new Action(Action.Kind.MOVE_STATUS, "READY_TO_SHIP"));
        long unpaid = imported(order("-1", "CreditCard", "Unpaid", null, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> !runs(unpaid).isEmpty());
        assertThat(runs(unpaid)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo("SKIPPED");
            assertThat(run.summary()).contains("入金が確認できていない");
        });
        assertThat(statusOf(unpaid)).isEqualTo("NEW");
    }

    @Test
    void aShopChangeRerunsOnlyTheRulesThatAskForItAndNeverAfterPrinting() {
        long order = importedUnprocessed(order("-1", "CreditCard", "Paid", null, null));
        long printed = importedUnprocessed(order("-2", "CreditCard", "Paid", null, null));
        workflow.move(printed, "READY_TO_SHIP", Actor.person("admin", true), false);
        workflow.move(printed, "PRINTED", Actor.person("admin", true), false);
        rule("取込時だけ", Rule.Phase.ENRICH, Condition.all(List.of()), new Action(Action.Kind.ADD_TAG, "取込"));
        rules.create(
                new RuleBook.Draft(
                        "変更時",
                        true,
                        Rule.Mode.AUTO,
                        List.of(),
                        Rule.Trigger.ON_SHOP_CHANGE,
                        "NEW",
                        Rule.Phase.ENRICH,
                        true,
                        Condition.all(List.of()),
                        List.of(new Action(Action.Kind.ADD_TAG, "変更"))),
                "テスト");
        rules.create(
                new RuleBook.Draft(
                        "印刷後",
                        true,
                        Rule.Mode.AUTO,
                        List.of(),
                        Rule.Trigger.ON_SHOP_CHANGE,
                        "PRINTED",
                        Rule.Phase.ENRICH,
                        true,
                        Condition.all(List.of()),
                        List.of(new Action(Action.Kind.ADD_TAG, "印刷後"))),
                "テスト");

        processing.process(List.of(order, printed), Rule.Trigger.ON_SHOP_CHANGE);

        assertThat(orders.tags(List.of(order)).get(order)).containsExactly("変更");
        assertThat(orders.tags(List.of(printed))).isEmpty();
    }

    @Test
    void savingRefusesEveryProblemAtOnce() {
        assertThatThrownBy(() -> rules.create(
                        new RuleBook.Draft(
                                " ",
                                true,
                                Rule.Mode.AUTO,
                                List.of(),
                                Rule.Trigger.ON_IMPORT,
                                "NOWHERE",
                                Rule.Phase.ROUTE,
                                false,
                                Condition.all(List.of(Condition.test(Field.TOTAL, Operator.AT_LEAST, "沢山"))),
                                List.of(new Action(Action.Kind.APPEND_MEMO, "{謎の変数}"))),
                        "テスト"))
                .isInstanceOfSatisfying(
                        RuleBook.Refused.class,
                        e -> assertThat(e.problems())
                                .anyMatch(p -> p.contains("ルール名"))
                                .anyMatch(p -> p.contains("対象のステータス"))
                                .anyMatch(p -> p.contains("数で入れて"))
                                .anyMatch(p -> p.contains("{謎の変数}"))
                                .anyMatch(p -> p.contains("振り分けのルールには")));
        assertThat(rules.all()).isEmpty();
    }

    @Test
    void everySaveIsANewVersionAndTheGroupsCanBeReordered() {
        long a = rule(
                "A", Rule.Phase.ROUTE, Condition.all(List.of()), new Action(Action.Kind.MOVE_STATUS, "CONFIRMING"));
        long b = rule(
                "B", Rule.Phase.ROUTE, Condition.all(List.of()), new Action(Action.Kind.MOVE_STATUS, "CONFIRMING"));
        rules.update(
                a,
                draft(
                        "A2",
                        Rule.Phase.ROUTE,
                        Rule.Mode.AUTO,
                        Rule.Trigger.ON_IMPORT,
                        Condition.all(List.of()),
                        new Action(Action.Kind.MOVE_STATUS, "READY_TO_SHIP")),
                "テスト");
        rules.reorder(List.of(b, a), "テスト");

        assertThat(rules.versions(a)).extracting(RuleBook.Version::version).containsExactly(2, 1);
        assertThat(rules.byStatus().get("NEW")).extracting(Rule::name).containsExactly("B", "A2");
        long enrich = rule("E", Rule.Phase.ENRICH, Condition.all(List.of()), new Action(Action.Kind.ADD_TAG, "x"));
        assertThatThrownBy(() -> rules.reorder(List.of(a, enrich), "テスト")).isInstanceOf(RuleBook.Refused.class);
    }

    long history(long orderId) {
        return jdbc.sql("select count(*) from order_history where order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }

    static IncomingOrder incoming(ShopOrder order) {
        return new IncomingOrder(order, "{}", order.serialCode());
    }
}
