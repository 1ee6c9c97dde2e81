package jp.juchu.oms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.PaymentKinds;
import jp.juchu.oms.products.Product;
import org.junit.jupiter.api.Test;

class RuleConditionsTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    /** A bank-transfer order (Saturday 2026/12/05 21:30 in Tokyo) with two lines to one destination. */
    static OrderFacts facts(String remarks, List<OrderDetail.Shipment> shipments) {
        OrderDetail order = new OrderDetail(
                1L,
                7L,
                "S1",
                "1001",
                OffsetDateTime.of(2026, 12, 5, 12, 30, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 12, 5, 12, 30, 0, 0, ZoneOffset.UTC),
                "New",
                "Unpaid",
                "NotShipped",
                "山田 太郎",
                "ヤマダ タロウ",
                "taro@example.jp",
                "03-1234-5678",
                "150-0001",
                "東京都",
                "渋谷区",
                null,
                "member-1",
                "BankTransfer",
                5400,
                800,
                0,
                0,
                100,
                50,
                6050,
                "[]",
                remarks,
                "NEW",
                "新規受付",
                null,
                null,
                null,
                0,
                null,
                shipments,
                List.of());
        return new OrderFacts(
                order,
                "API",
                PaymentKinds.Kind.PREPAID,
                false,
                2,
                List.of("VIP"),
                TODAY,
                List.of(CHILLED_PREORDER),
                true);
    }

    static OrderDetail.Shipment shipment(String name, String postal, String prefecture, LocalDate date, String phone) {
        return new OrderDetail.Shipment(
                1,
                name,
                phone,
                postal,
                prefecture,
                "那覇市1-1",
                null,
                date,
                "14-16",
                false,
                null,
                800,
                null,
                List.of(
                        new OrderDetail.Item("tea-1", "", "煎茶", 1080, 3, 8, 1),
                        new OrderDetail.Item("cup-2", "", "湯呑み", 2160, 1, 10, 2)),
                null);
    }

    static final Product CHILLED_PREORDER = new Product(
            9L,
            "CAKE-1",
            Product.Kind.SKU,
            "ケーキ",
            8,
            3000,
            1200,
            true,
            LocalDate.of(2026, 12, 20),
            true,
            false,
            "CHILLED",
            2,
            "A-01",
            false,
            true);

    static OrderFacts standard() {
        return facts("", List.of(shipment("山田 太郎", "900-0001", "沖縄県", null, "098-000-0000")));
    }

    boolean holds(OrderFacts facts, Field field, Operator operator, String... values) {
        return Condition.test(field, operator, values).holds(facts);
    }

    @Test
    void textFieldsCompareIgnoringWidthAndCase() {
        OrderFacts f = standard();
        assertThat(holds(f, Field.PAYMENT_METHOD, Operator.ONE_OF, "CreditCard", "banktransfer"))
                .isTrue();
        assertThat(holds(f, Field.BUYER_EMAIL, Operator.CONTAINS, "ＥＸＡＭＰＬＥ")).isTrue();
        assertThat(holds(f, Field.SOURCE, Operator.EQUALS, "API")).isTrue();
        assertThat(holds(f, Field.SHOP, Operator.EQUALS, "7")).isTrue();
        assertThat(holds(f, Field.PREFECTURE, Operator.STARTS_WITH, "沖縄")).isTrue();
        assertThat(holds(f, Field.PREFECTURE, Operator.NOT_EQUALS, "沖縄県")).isFalse();
    }

    @Test
    void amountsAndCountsCompareAsNumbersAsMerchantsWriteThem() {
        OrderFacts f = standard();
        assertThat(holds(f, Field.TOTAL, Operator.AT_LEAST, "6,050円")).isTrue();
        assertThat(holds(f, Field.TOTAL, Operator.AT_MOST, "6049")).isFalse();
        assertThat(holds(f, Field.ITEMS_TOTAL, Operator.BETWEEN, "5000", "6000"))
                .isTrue();
        assertThat(holds(f, Field.FEES, Operator.EQUALS, "800")).isTrue();
        assertThat(holds(f, Field.POINTS, Operator.EQUALS, "50")).isTrue();
        assertThat(holds(f, Field.COUPON, Operator.EQUALS, "100")).isTrue();
        assertThat(holds(f, Field.TOTAL_QUANTITY, Operator.EQUALS, "4")).isTrue();
        assertThat(holds(f, Field.LINE_COUNT, Operator.EQUALS, "2")).isTrue();
        assertThat(holds(f, Field.PREVIOUS_ORDERS, Operator.AT_LEAST, "1")).isTrue();
        assertThat(holds(f, Field.DESTINATIONS, Operator.AT_LEAST, "2")).isFalse();
    }

    @Test
    void lineFieldsMatchOnAnyLineOrEveryLine() {
        OrderFacts f = standard();
        assertThat(holds(f, Field.ITEM_CODE, Operator.EQUALS, "cup-2")).isTrue();
        assertThat(holds(f, Field.ITEM_CODE_EVERY, Operator.EQUALS, "cup-2")).isFalse();
        assertThat(holds(f, Field.ITEM_CODE_EVERY, Operator.ONE_OF, "cup-2", "tea-1"))
                .isTrue();
        assertThat(holds(f, Field.ITEM_NAME, Operator.CONTAINS, "煎茶")).isTrue();
        assertThat(holds(f, Field.LINE_QUANTITY, Operator.AT_LEAST, "3")).isTrue();
    }

    @Test
    void remarksMatchAnyOrNoneOfTheWords() {
        OrderFacts f = facts("至急でお願いします", standard().order().shipments());
        assertThat(holds(f, Field.REMARKS, Operator.CONTAINS, "のし", "至急")).isTrue();
        assertThat(holds(f, Field.REMARKS, Operator.NOT_CONTAINS, "のし", "至急")).isFalse();
        assertThat(holds(f, Field.REMARKS, Operator.NOT_EMPTY)).isTrue();
        assertThat(holds(standard(), Field.REMARKS, Operator.EMPTY)).isTrue();
    }

    @Test
    void destinationChecksFindMismatchesMissingPhonesGiftsAndLongNames() {
        OrderFacts mismatch = facts("", List.of(shipment("佐藤 花子", "150-0001", "沖縄県", null, " ")));
        assertThat(holds(mismatch, Field.POSTAL_MISMATCH, Operator.IS_TRUE)).isTrue();
        assertThat(holds(standard(), Field.POSTAL_MISMATCH, Operator.IS_FALSE)).isTrue();
        assertThat(holds(mismatch, Field.PHONE_MISSING, Operator.IS_TRUE)).isTrue();
        assertThat(holds(mismatch, Field.GIFT, Operator.IS_TRUE)).isTrue();
        assertThat(holds(standard(), Field.GIFT, Operator.IS_FALSE)).isTrue();
        assertThat(holds(standard(), Field.POSTAL_CODE, Operator.STARTS_WITH, "900"))
                .isTrue();
        assertThat(holds(standard(), Field.RECIPIENT_NAME_LENGTH, Operator.AT_MOST, "5"))
                .isTrue();
        assertThat(holds(standard(), Field.ADDRESS, Operator.CONTAINS, "那覇市")).isTrue();
    }

    @Test
    void desiredDatesCountDaysFromToday() {
        OrderFacts f = facts("", List.of(shipment("山田 太郎", "900-0001", "沖縄県", TODAY.plusDays(20), "098")));
        assertThat(holds(f, Field.DAYS_TO_DESIRED_DATE, Operator.AT_LEAST, "14"))
                .isTrue();
        assertThat(holds(f, Field.DESIRED_DATE, Operator.BETWEEN, "2026/12/20", "2026/12/31"))
                .isTrue();
        assertThat(holds(standard(), Field.DESIRED_DATE, Operator.EMPTY)).isTrue();
        assertThat(holds(standard(), Field.TIME_SLOT, Operator.EQUALS, "14-16")).isTrue();
    }

    @Test
    void orderTimeIsTakenInTokyo() {
        OrderFacts f = standard();
        assertThat(holds(f, Field.ORDER_HOUR, Operator.EQUALS, "21")).isTrue();
        assertThat(holds(f, Field.ORDER_WEEKDAY, Operator.ONE_OF, "土", "日")).isTrue();
        assertThat(holds(f, Field.ORDER_DATE, Operator.EQUALS, "2026/12/05")).isTrue();
    }

    @Test
    void customerTagsAndFlagsAreConditionsToo() {
        OrderFacts f = standard();
        assertThat(holds(f, Field.MEMBER, Operator.IS_TRUE)).isTrue();
        assertThat(holds(f, Field.BLACKLISTED, Operator.IS_FALSE)).isTrue();
        assertThat(holds(f, Field.TAG, Operator.EQUALS, "vip")).isTrue();
        assertThat(holds(f, Field.ALERT, Operator.EMPTY)).isTrue();
        assertThat(holds(f, Field.WRAPPING, Operator.IS_FALSE)).isTrue();
    }

    /** The standard order with a customer's tags, the shop's shipping names and whether its stock is there. */
    static OrderFacts with(List<String> customerTags, List<String> shopCarriers, boolean allocatable) {
        OrderFacts f = standard();
        return new OrderFacts(
                f.order(),
                f.source(),
                f.paymentKind(),
                f.blacklisted(),
                f.previousOrders(),
                f.tags(),
                f.today(),
                f.products(),
                f.unmapped(),
                customerTags,
                shopCarriers,
                allocatable);
    }

    @Test
    void stockCustomerTagsAndTheShopsCarrierAreConditions() {
        OrderFacts short1 = with(List.of("VIP", "リピーター"), List.of("ヤマト宅急便"), false);
        assertThat(holds(short1, Field.STOCK_ALLOCATABLE, Operator.IS_FALSE)).isTrue();
        assertThat(holds(with(List.of(), List.of(), true), Field.STOCK_ALLOCATABLE, Operator.IS_TRUE))
                .isTrue();
        assertThat(holds(short1, Field.CUSTOMER_TAG, Operator.EQUALS, "ｖｉｐ")).isTrue();
        assertThat(holds(short1, Field.CUSTOMER_TAG, Operator.ONE_OF, "要注意", "ブラック"))
                .isFalse();
        assertThat(holds(with(List.of(), List.of(), true), Field.CUSTOMER_TAG, Operator.EMPTY))
                .isTrue();
        assertThat(holds(short1, Field.SHOP_CARRIER, Operator.CONTAINS, "ヤマト")).isTrue();
        assertThat(holds(short1, Field.SHOP_CARRIER, Operator.EQUALS, "佐川急便")).isFalse();
    }

    @Test
    void remoteIslandsAreFoundByTheirPostalCodesNotByTheirPrefecture() {
        OrderFacts naha = standard();
        OrderFacts ishigaki = facts("", List.of(shipment("山田 太郎", "907-0004", "沖縄県", null, "0980-00-0000")));
        OrderFacts sado = facts("", List.of(shipment("山田 太郎", "９５２－１２０９", "新潟県", null, "0259-00-0000")));
        OrderFacts chiyoda = facts("", List.of(shipment("山田 太郎", "100-0001", "東京都", null, "03-0000-0000")));
        OrderFacts hachijo = facts("", List.of(shipment("山田 太郎", "1001511", "東京都", null, "04996-0-0000")));

        assertThat(holds(naha, Field.REMOTE_ISLAND, Operator.IS_TRUE)).isFalse();
        assertThat(holds(ishigaki, Field.REMOTE_ISLAND, Operator.IS_TRUE)).isTrue();
        assertThat(holds(sado, Field.REMOTE_ISLAND, Operator.IS_TRUE)).isTrue();
        assertThat(holds(chiyoda, Field.REMOTE_ISLAND, Operator.IS_FALSE)).isTrue();
        assertThat(holds(hachijo, Field.REMOTE_ISLAND, Operator.IS_TRUE)).isTrue();
    }

    @Test
    void productAttributesComeFromTheProductMaster() {
        OrderFacts f = standard();
        assertThat(holds(f, Field.TEMPERATURE_ZONE, Operator.EQUALS, "CHILLED")).isTrue();
        assertThat(holds(f, Field.PREORDER, Operator.IS_TRUE)).isTrue();
        assertThat(holds(f, Field.MADE_TO_ORDER, Operator.IS_FALSE)).isTrue();
        assertThat(holds(f, Field.RELEASE_DATE, Operator.AT_LEAST, "2026/12/06"))
                .isTrue();
        assertThat(holds(f, Field.PRODUCT_CODE, Operator.STARTS_WITH, "cake")).isTrue();
        assertThat(holds(f, Field.UNMAPPED_ITEM, Operator.IS_TRUE)).isTrue();
    }

    @Test
    void groupsNestAllAndAny() {
        OrderFacts f = standard();
        Condition okinawaOrHokkaido = Condition.any(List.of(
                Condition.test(Field.PREFECTURE, Operator.EQUALS, "北海道"),
                Condition.test(Field.PREFECTURE, Operator.EQUALS, "沖縄県")));
        Condition bankAndRemote = Condition.all(
                List.of(Condition.test(Field.PAYMENT_METHOD, Operator.EQUALS, "BankTransfer"), okinawaOrHokkaido));
        assertThat(bankAndRemote.holds(f)).isTrue();
        Condition cardAndRemote = Condition.all(
                List.of(Condition.test(Field.PAYMENT_METHOD, Operator.EQUALS, "CreditCard"), okinawaOrHokkaido));
        assertThat(cardAndRemote.holds(f)).isFalse();
        assertThat(Condition.all(List.of()).holds(f))
                .as("an empty ALL group is a catch-all")
                .isTrue();
    }

    @Test
    void aTraceShowsEachTestWithTheOrdersValue() {
        Condition condition = Condition.all(List.of(
                Condition.test(Field.PAYMENT_METHOD, Operator.EQUALS, "BankTransfer"),
                Condition.test(Field.TOTAL, Operator.AT_LEAST, "10000")));
        List<Condition.TraceLine> trace = condition.trace(standard());
        assertThat(trace).extracting(Condition.TraceLine::held).containsExactly(false, true, false);
        assertThat(trace.get(2).actual()).isEqualTo("6050");
        assertThat(trace.get(1).depth()).isEqualTo(1);
    }

    @Test
    void badConditionsAreRefusedWithTheirReason() {
        assertThat(Condition.test(Field.TOTAL, Operator.AT_LEAST, "たくさん").problems())
                .containsExactly("「請求金額」の値「たくさん」: 数で入れてください");
        assertThat(Condition.test(Field.BLACKLISTED, Operator.CONTAINS, "x").problems())
                .singleElement()
                .asString()
                .contains("使えません");
        assertThat(Condition.test(Field.TOTAL, Operator.BETWEEN, "1").problems())
                .singleElement()
                .asString()
                .contains("2 つ必要");
        assertThat(Condition.test(Field.DESIRED_DATE, Operator.EQUALS, "2026/13/40")
                        .problems())
                .singleElement()
                .asString()
                .contains("yyyy/MM/dd");
        Condition deep = Condition.test(Field.TOTAL, Operator.EMPTY);
        for (int i = 0; i < 7; i++) {
            deep = Condition.all(List.of(deep));
        }
        assertThat(deep.problems()).anyMatch(p -> p.contains("入れ子"));
    }

    @Test
    void textVariablesAreFilledAndUnknownOnesRefused() {
        Action memo = new Action(Action.Kind.APPEND_MEMO, "{受注番号} {購入者名} 様 {請求金額} ({ルール名})");
        assertThat(memo.fill(standard(), "テスト")).isEqualTo("1001 山田 太郎 様 6,050円 (テスト)");
        assertThat(new Action(Action.Kind.APPEND_MEMO, "{お客様}").problems(java.util.Set.of()))
                .singleElement()
                .asString()
                .contains("{お客様} はありません");
        assertThat(new Action(Action.Kind.MOVE_STATUS, "NOWHERE").problems(java.util.Set.of("NEW")))
                .singleElement()
                .asString()
                .contains("ありません");
    }
}
