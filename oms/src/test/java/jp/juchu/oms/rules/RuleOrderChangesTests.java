package jp.juchu.oms.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SampleOrders;
import jp.juchu.oms.orders.ShippingInstructions;
import jp.juchu.oms.orders.ShopOrder;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import jp.juchu.oms.shipping.Carrier;
import jp.juchu.oms.shipping.SlipExports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The actions that change an order's dates, fees, lines, shipments, carrier and remarks, run on import. */
@SpringBootTest
class RuleOrderChangesTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @Autowired
    RuleBook rules;

    @Autowired
    AutoProcessing processing;

    @Autowired
    Orders orders;

    @Autowired
    ShippingInstructions instructions;

    @Autowired
    SlipExports slips;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MallConnections connections;

    @Autowired
    OrderFactsReader facts;

    @Autowired
    ContractorInfo contractor;

    String tag;
    long channel;

    @BeforeEach
    void switchOn() {
        tag = "c" + System.nanoTime();
        channel = connections.ownChannel(Mall.CSV).id();
        jdbc.sql("delete from auto_rule").update();
        processing.saveSettings(new RuleSettings(true, 60), "テスト");
    }

    @AfterEach
    void switchOff() {
        processing.saveSettings(new RuleSettings(false, 14), "テスト");
        jdbc.sql("delete from auto_rule").update();
    }

    void enrich(String name, Condition condition, Action... actions) {
        rules.create(
                new RuleBook.Draft(
                        name,
                        true,
                        Rule.Mode.AUTO,
                        List.of(),
                        Rule.Trigger.ON_IMPORT,
                        "NEW",
                        Rule.Phase.ENRICH,
                        false,
                        condition,
                        List.of(actions)),
                "テスト");
    }

    String product(String zone, boolean stockManaged) {
        String code = "P" + Long.toString(System.nanoTime(), 36);
        jdbc.sql("insert into product (code, name, temperature_zone, stock_managed, tax_rate) values (?, ?, ?, ?, 8)")
                .params(code, "商品" + code, zone, stockManaged)
                .update();
        return code;
    }

    /** An order to the buyer's own address in Tokyo, from the OMS's CSV channel (its items are product codes). */
    ShopOrder order(String serial, String email, LocalDate desired, String shopCarrier, List<ShopOrder.Item> items) {
        ShopOrder base =
                SampleOrders.order(tag + serial, OffsetDateTime.now(), "川村 " + tag, "CreditCard", "Paid", "x", 0);
        long total = items.stream().mapToLong(i -> i.unitPrice() * i.quantity()).sum();
        ShopOrder.Buyer b = base.buyer();
        return new ShopOrder(
                base.serialCode(),
                base.orderNumber(),
                base.orderedAt(),
                base.shopUpdatedAt(),
                base.orderStatus(),
                base.paymentStatus(),
                base.shippingStatus(),
                new ShopOrder.Buyer(
                        b.name(),
                        b.kana(),
                        email,
                        b.phone(),
                        b.postalCode(),
                        b.prefecture(),
                        b.address1(),
                        b.address2(),
                        b.memberAccount()),
                base.paymentMethod(),
                List.of(new ShopOrder.Delivery(
                        1,
                        b.name(),
                        null,
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区1-1",
                        null,
                        desired,
                        null,
                        false,
                        null,
                        0,
                        items,
                        shopCarrier,
                        null,
                        null)),
                new ShopOrder.Amounts(total, 0, 0, 0, 0, 0, total, List.of()),
                null);
    }

    ShopOrder simple(String serial, LocalDate desired, String shopCarrier) {
        return order(
                serial,
                tag + serial + "@example.jp",
                desired,
                shopCarrier,
                List.of(new ShopOrder.Item(product("NORMAL", false), "", "煎茶", 1000, 1, 8)));
    }

    long imported(ShopOrder order) {
        return SampleOrders.apply(orders, jdbc, channel, order);
    }

    List<RuleRun> ranOn(long orderId, int rules) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> processing.runsOf(orderId).size() >= rules);
        return processing.runsOf(orderId);
    }

    @Test
    void theDesiredDateShiftsThroughTheEditButNeverIntoThePast() {
        enrich("2日後へ", Condition.all(List.of()), new Action(Action.Kind.SHIFT_DATE, "+2"));
        enrich(
                "前日へ",
                Condition.all(List.of(Condition.test(Field.DAYS_TO_DESIRED_DATE, Operator.AT_MOST, "3"))),
                new Action(Action.Kind.SHIFT_DATE, "-5"));
        long later = imported(simple("-1", TODAY.plusDays(10), null));
        long soon = imported(simple("-2", TODAY.plusDays(1), null));

        assertThat(ranOn(later, 1)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo("APPLIED");
            assertThat(run.summary()).contains("お届け希望日").contains("→");
        });
        assertThat(orders.detail(later).orElseThrow().shipments().get(0).deliveryDate())
                .isEqualTo(TODAY.plusDays(12));
        assertThat(orders.detail(later).orElseThrow().history())
                .anySatisfy(h -> assertThat(h.actor()).contains("2日後へ"));

        List<RuleRun> soonRuns = ranOn(soon, 2);
        assertThat(soonRuns.get(1).summary()).contains("過去になるため");
        assertThat(orders.detail(soon).orElseThrow().shipments().get(0).deliveryDate())
                .isEqualTo(TODAY.plusDays(3));
    }

    @Test
    void aFeeIsAddedAndTheTotalRecomputedByTheEdit() {
        enrich(
                "離島の送料",
                Condition.all(List.of(Condition.test(Field.SHOP_CARRIER, Operator.CONTAINS, "宅配便"))),
                new Action(Action.Kind.ADD_FEE, "送料 1,500円"),
                new Action(Action.Kind.CLEAR_DATE, ""));
        long order = imported(simple("-1", TODAY.plusDays(5), "宅配便（ヤマト）"));
        long other = imported(simple("-2", TODAY.plusDays(5), "メール便"));

        ranOn(order, 1);
        OrderDetail after = orders.detail(order).orElseThrow();
        assertThat(after.shippingFee()).isEqualTo(1500);
        assertThat(after.total()).isEqualTo(2500);
        assertThat(after.shipments().get(0).deliveryDate()).isNull();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !"NEW".equals(orders.detail(other).orElseThrow().workflowStatus()));
        assertThat(orders.detail(other).orElseThrow().total()).isEqualTo(1000);
    }

    @Test
    void aGiftIsAddedOncePerCustomer() {
        String gift = product("NORMAL", false);
        enrich("初回プレゼント", Condition.all(List.of()), new Action(Action.Kind.ADD_GIFT, gift));
        String email = tag + "@example.jp";
        String tea = product("NORMAL", false);
        long first = imported(order("-1", email, null, null, List.of(new ShopOrder.Item(tea, "", "煎茶", 1000, 1, 8))));
        ranOn(first, 1);
        long second = imported(order("-2", email, null, null, List.of(new ShopOrder.Item(tea, "", "煎茶", 1000, 1, 8))));

        assertThat(orders.detail(first).orElseThrow().shipments().get(0).items())
                .anySatisfy(i -> {
                    assertThat(i.itemCode()).isEqualTo(gift);
                    assertThat(i.unitPrice()).isZero();
                });
        assertThat(orders.detail(first).orElseThrow().total()).isEqualTo(1000);
        assertThat(ranOn(second, 1).get(0).summary()).contains("追加済み");
        assertThat(orders.detail(second).orElseThrow().shipments().get(0).items())
                .extracting(OrderDetail.Item::itemCode)
                .containsExactly(tea);
    }

    @Test
    void theCarrierItsCoolTypeAndTheRemarksReachTheSlipExport() {
        enrich(
                "佐川のクール",
                Condition.all(List.of()),
                new Action(Action.Kind.MAP_SHIPPING_NAME, "飛脚=SAGAWA, 宅急便=YAMATO"),
                new Action(Action.Kind.SET_CARRIER, "YAMATO 冷蔵"),
                new Action(Action.Kind.APPEND_SLIP_REMARK, "天地無用 {受注番号}"),
                new Action(Action.Kind.APPEND_DELIVERY_NOTE, "{購入者名} 様 いつもありがとうございます"));
        contractor.save(new Contractor(
                "ジュチュウ日本茶店", "受注 太郎", "420-0852", "静岡県", "静岡市葵区紺屋町17-1", "054-000-1234", "shop@example.jp"));
        long order = imported(simple("-1", null, "飛脚宅配便"));

        assertThat(ranOn(order, 1).get(0).summary())
                .contains("配送方法「飛脚宅配便」→ 佐川急便")
                .contains("ヤマト運輸 冷蔵");
        var given = instructions.of(order).get(1);
        assertThat(given.carrier()).isEqualTo("YAMATO");
        assertThat(given.coolType()).isEqualTo("CHILLED");
        assertThat(given.slipRemark()).isEqualTo("天地無用 " + tag + "-1");
        assertThat(instructions.deliveryNoteRemark(order)).isEqualTo("川村 " + tag + " 様 いつもありがとうございます");

        assertThat(slips.check(Carrier.SAGAWA, List.of(order)).get(0).problems())
                .anySatisfy(p -> assertThat(p).contains("配送業者はヤマト運輸に指定されています"));
        assertThat(slips.check(Carrier.YAMATO, List.of(order)).get(0).problems())
                .noneSatisfy(p -> assertThat(p).contains("指定されています"));
    }

    @Test
    void aShipmentIsSplitByTemperatureZoneWithTheColdOnesCool() {
        enrich("温度帯で分ける", Condition.all(List.of()), new Action(Action.Kind.SPLIT_BY_ZONE, ""));
        String tea = product("NORMAL", false);
        String cake = product("CHILLED", false);
        String ice = product("FROZEN", false);
        long order = imported(order(
                "-1",
                tag + "@example.jp",
                TODAY.plusDays(4),
                null,
                List.of(
                        new ShopOrder.Item(tea, "", "煎茶", 1000, 1, 8),
                        new ShopOrder.Item(cake, "", "ケーキ", 3000, 1, 8),
                        new ShopOrder.Item(ice, "", "アイス", 500, 2, 8))));

        assertThat(ranOn(order, 1).get(0).outcome()).isEqualTo("APPLIED");
        OrderDetail after = orders.detail(order).orElseThrow();
        assertThat(after.shipments()).hasSize(3);
        assertThat(after.shipments())
                .allSatisfy(s -> assertThat(s.deliveryDate()).isEqualTo(TODAY.plusDays(4)));
        assertThat(after.total()).isEqualTo(5000);
        var cool = instructions.of(order);
        assertThat(after.shipments()).allSatisfy(s -> {
            String code = s.items().get(0).itemCode();
            assertThat(s.items()).hasSize(1);
            assertThat(cool.get(s.deliveryId()).coolType())
                    .isEqualTo(code.equals(tea) ? "NORMAL" : code.equals(cake) ? "CHILLED" : "FROZEN");
        });
    }

    @Test
    void aTagBeyondTheOrdersLimitIsSkippedAndTheRulesOtherActionsStillApply() {
        processing.saveSettings(new RuleSettings(false, 60), "テスト");
        long order = imported(simple("-1", null, null));
        orders.changeTags(
                order,
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> "t" + i).toList(),
                List.of(),
                "テスト");
        enrich(
                "タグとメモ",
                Condition.all(List.of()),
                new Action(Action.Kind.ADD_TAG, "21個目"),
                new Action(Action.Kind.APPEND_MEMO, "メモは付く"));
        Rule rule = rules.all().get(0);

        assertThat(processing.applyToExisting(rule, List.of(order), "テスト")).isEqualTo(1);

        assertThat(processing.runsOf(order)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo("APPLIED");
            assertThat(run.summary()).contains("20個に達しているため付けませんでした");
        });
        assertThat(orders.tags(List.of(order)).get(order)).hasSize(20).doesNotContain("21個目");
        assertThat(orders.detail(order).orElseThrow().memo()).isEqualTo("メモは付く");
    }

    @Test
    void theSimulationShowsEachChangeAndWritesNothing() {
        enrich("2日後へ", Condition.all(List.of()), new Action(Action.Kind.SHIFT_DATE, "+2"));
        processing.saveSettings(new RuleSettings(false, 60), "テスト");
        long order = imported(simple("-1", TODAY.plusDays(10), null));
        long version = orders.detail(order).orElseThrow().version();

        var simulated = processing.simulate(List.of(order), List.of());

        assertThat(simulated.get(0).changes())
                .singleElement()
                .asString()
                .contains(date(TODAY.plusDays(10)) + " → " + date(TODAY.plusDays(12)));
        assertThat(orders.detail(order).orElseThrow().version()).isEqualTo(version);
        assertThat(orders.detail(order).orElseThrow().shipments().get(0).deliveryDate())
                .isEqualTo(TODAY.plusDays(10));
    }

    @Test
    void stockIsAllocatableOldestOrderFirstWithinABatch() {
        String sku = product("NORMAL", true);
        jdbc.sql("insert into stock (product_id, on_hand) select id, 1 from product where code = ?")
                .param(sku)
                .update();
        processing.saveSettings(new RuleSettings(false, 60), "テスト");
        ShopOrder first = order("-1", null, null, null, List.of(new ShopOrder.Item(sku, "", "在庫品", 100, 1, 8)));
        ShopOrder second = order("-2", null, null, null, List.of(new ShopOrder.Item(sku, "", "在庫品", 100, 1, 8)));
        // one batch, as an import page: the allocation (if it runs meanwhile) takes them oldest first, as the facts do
        orders.applyFromShop(
                channel,
                List.of(new IncomingOrder(first, "{}", "h1" + tag), new IncomingOrder(second, "{}", "h2" + tag)));
        long older = idOf(first);
        long newer = idOf(second);
        long plenty = imported(simple("-3", null, null));

        var read = facts.read(List.of(newer, older, plenty));

        assertThat(read)
                .filteredOn(f -> f.order().id() == older)
                .singleElement()
                .satisfies(f -> assertThat(Condition.test(Field.STOCK_ALLOCATABLE, Operator.IS_TRUE)
                                .holds(f))
                        .isTrue());
        assertThat(read)
                .filteredOn(f -> f.order().id() == newer)
                .singleElement()
                .satisfies(f -> assertThat(Condition.test(Field.STOCK_ALLOCATABLE, Operator.IS_FALSE)
                                .holds(f))
                        .isTrue());
        assertThat(read)
                .filteredOn(f -> f.order().id() == plenty)
                .singleElement()
                .satisfies(f -> assertThat(f.allocatable()).isTrue());
    }

    long idOf(ShopOrder order) {
        return jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(channel, order.serialCode())
                .query(Long.class)
                .single();
    }

    private static String date(LocalDate d) {
        return d.toString().replace('-', '/');
    }
}
