package jp.juchu.oms.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.ShopOrder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The shipping paths go through the order workflow: tracking numbers never ship a cancelled, unpaid or held order
 * nor one the shop cancelled, a slip is never made for one, a replaced number is reported once, and the B2 Cloud
 * export needs its customer code.
 */
@SpringBootTest(properties = "db-scheduler.polling-interval=200ms")
class ShippingWorkflowTests extends LinkedShopTests {

    private static final Actor STAFF = Actor.person("出荷担当", false);
    private static final Actor ADMIN = Actor.person("管理者", true);

    ShippingWorkflowTests() {
        super("wf");
    }

    @Test
    void trackingImportRefusesACancelledAnUnpaidAndAHeldOrderAndChangesNothing() {
        long cancelled = ready("cxl");
        workflow.move(cancelled, "CANCELLED", STAFF, false);
        long unpaid = imported(shopOrder("unpaid", "BankTransfer", "New", "Unpaid", 1), "h1");
        long held = ready("held");
        workflow.hold(List.of(held), "住所確認中", STAFF);
        long fine = ready("fine");

        String file = b2File(
                cancelled + "-1,0,0,111111111111",
                unpaid + "-1,0,0,222222222222",
                held + "-1,0,0,333333333333",
                fine + "-1,0,0,444444444444");
        for (Actor actor : List.of(STAFF, ADMIN)) {
            assertThatThrownBy(() -> trackingImports.importFile(Carrier.YAMATO, "b2.csv", bytes(file), false, actor))
                    .isInstanceOfSatisfying(
                            TrackingImports.Refused.class,
                            e -> assertThat(e.errors())
                                    .satisfiesExactly(
                                            l -> assertThat(l).startsWith("2行目").contains("キャンセル"),
                                            l -> assertThat(l).startsWith("3行目").contains("出荷待ち・印刷済みの受注ではありません"),
                                            l -> assertThat(l).startsWith("4行目").contains("保留中")));
        }

        assertThat(status(cancelled)).isEqualTo("CANCELLED");
        assertThat(status(unpaid)).isEqualTo("NEW");
        assertThat(status(held)).isEqualTo("ON_HOLD");
        assertThat(status(fine)).isEqualTo("READY_TO_SHIP");
        assertThat(writeBacks.ofOrder(fine)).isEmpty();
        assertThat(shop.shipmentReports()).isEmpty();
    }

    @Test
    void anUnpaidOrderShipsOnlyWithTheRecordedOverride() {
        long unpaid = imported(shopOrder("prepaid", "ConvenienceStore", "New", "Unpaid", 1), "h1");
        assertThatThrownBy(() -> workflow.move(unpaid, "READY_TO_SHIP", STAFF, false))
                .hasMessageContaining("入金前に出荷する");

        workflow.move(unpaid, "READY_TO_SHIP", STAFF, true);
        exports.record(Carrier.YAMATO, List.of(unpaid), false, STAFF);
        trackingImports.importFile(
                Carrier.YAMATO, "b2.csv", bytes(b2File(unpaid + "-1,0,0,555555555555")), false, STAFF);

        assertThat(status(unpaid)).isEqualTo("SHIPPED");
        assertThat(orders.detail(unpaid).orElseThrow().history())
                .anySatisfy(h -> assertThat(h.summary()).contains("入金前の出荷を承認"))
                .anySatisfy(h -> assertThat(h.summary()).contains("印刷済み"))
                .anySatisfy(h -> assertThat(h.summary()).contains("出荷済み"));
    }

    @Test
    void anOrderTheShopCancelledAfterPrintingIsAlertedNeverOnASlipAndRefusedByTrackingImport() throws Exception {
        ShopOrder placed = shopOrder("late", "CreditCard", "New", "Paid", 1);
        long id = imported(placed, "h1");
        workflow.move(id, "READY_TO_SHIP", STAFF, false);
        long batch = exports.record(Carrier.YAMATO, List.of(id), false, STAFF).id();
        assertThat(status(id)).isEqualTo("PRINTED");

        imported(shopOrder("late", "CreditCard", "Cancelled", "Paid", 1), "h2");

        assertThat(status(id)).isEqualTo("PRINTED");
        assertThat(orders.detail(id).orElseThrow().alert()).contains("出荷作業の開始後").contains("キャンセル");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(batch, out);
        assertThat(new String(out.toByteArray(), SJIS)).doesNotContain("J" + id + "-1");
        assertThatThrownBy(() -> trackingImports.importFile(
                        Carrier.YAMATO, "b2.csv", bytes(b2File(id + "-1,0,0,666666666666")), false, STAFF))
                .isInstanceOfSatisfying(
                        TrackingImports.Refused.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(l -> assertThat(l).startsWith("2行目").contains("ショップでキャンセルされた受注")));
        assertThat(exports.check(Carrier.YAMATO, List.of(id)))
                .singleElement()
                .satisfies(c ->
                        assertThat(c.problems()).anySatisfy(p -> assertThat(p).contains("ショップでキャンセル")));
    }

    @Test
    void aShipmentReportIsNotSentOnceTheShopCancelledTheOrder() {
        long id = ready("stop");
        shop.failReports(1);
        trackingImports.importFile(Carrier.YAMATO, "b2.csv", bytes(b2File(id + "-1,0,0,777777777777")), false, STAFF);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(writeBacks.ofOrder(id))
                        .singleElement()
                        .satisfies(w -> assertThat(w.attempts()).isEqualTo(1)));

        imported(shopOrder("stop", "CreditCard", "Cancelled", "Paid", 1), "h2");

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(writeBacks.ofOrder(id))
                        .singleElement()
                        .satisfies(w -> assertThat(w.stopped()).isTrue())
                        .satisfies(w -> assertThat(w.lastError()).contains("ショップでキャンセル")));
        assertThat(shop.shipmentReports()).isEmpty();
    }

    @Test
    void aDifferentNumberReplacesTheOldOnlyWhenOverwritingAndIsReportedOnce() {
        long id = ready("over");
        trackingImports.importFile(Carrier.YAMATO, "b2.csv", bytes(b2File(id + "-1,0,0,888888888888")), false, STAFF);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(shop.shipmentReports()).hasSize(1));
        String replacement = b2File(id + "-1,0,0,999999999999");

        assertThatThrownBy(() -> trackingImports.importFile(Carrier.YAMATO, "b2.csv", bytes(replacement), false, STAFF))
                .isInstanceOfSatisfying(
                        TrackingImports.Refused.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(l ->
                                        assertThat(l).contains("888888888888").contains("上書きする")));
        TrackingImports.Result result =
                trackingImports.importFile(Carrier.YAMATO, "b2.csv", bytes(replacement), true, STAFF);
        TrackingImports.Result again =
                trackingImports.importFile(Carrier.YAMATO, "b2.csv", bytes(replacement), true, STAFF);

        assertThat(result.overwritten()).isEqualTo(1);
        assertThat(again.applied()).isZero();
        assertThat(orders.detail(id).orElseThrow().shipments().get(0).trackingNumber())
                .isEqualTo("999999999999");
        assertThat(orders.detail(id).orElseThrow().history())
                .anySatisfy(h -> assertThat(h.summary()).contains("上書き: 888888888888 → 999999999999"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(shop.shipmentReports()).hasSize(2));
        assertThat(shop.shipmentReports().get(1)).contains("999999999999");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'TRACKING_OVERWRITTEN' and actor = ?")
                        .param(STAFF.name())
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void b2CloudExportNeedsTheCustomerCodeAndAHeldOrderIsNeverPrinted() {
        long id = ready("b2");
        jdbc.sql("update carrier_setting set customer_code = null where carrier = 'YAMATO'")
                .update();
        try {
            assertThat(exports.missingSetup(Carrier.YAMATO))
                    .singleElement()
                    .satisfies(m -> assertThat(m).contains("ご請求先顧客コード"));
            assertThatThrownBy(() -> exports.record(Carrier.YAMATO, List.of(id), false, STAFF))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ご請求先顧客コード");
            assertThat(status(id)).isEqualTo("READY_TO_SHIP");
        } finally {
            jdbc.sql("update carrier_setting set customer_code = '0123456789' where carrier = 'YAMATO'")
                    .update();
        }

        workflow.hold(List.of(id), "在庫確認", STAFF);
        assertThatThrownBy(() -> exports.record(Carrier.YAMATO, List.of(id), false, STAFF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(status(id)).isEqualTo("ON_HOLD");
    }

    private String status(long id) {
        return orders.detail(id).orElseThrow().workflowStatus();
    }

    private long ready(String number) {
        long id = imported(shopOrder(number, "CreditCard", "New", "Paid", 1), "h1");
        workflow.move(id, "READY_TO_SHIP", STAFF, false);
        return id;
    }

    private long imported(ShopOrder order, String hash) {
        orders.applyFromShop(connectionId, List.of(new IncomingOrder(order, "{}", hash)));
        return jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(connectionId, order.serialCode())
                .query(Long.class)
                .single();
    }

    private ShopOrder shopOrder(
            String number, String paymentMethod, String orderStatus, String paymentStatus, int deliveryId) {
        return new ShopOrder(
                prefix + number,
                prefix + number,
                OffsetDateTime.now().minusHours(2),
                OffsetDateTime.now().minusHours(1),
                orderStatus,
                paymentStatus,
                "NotShipped",
                new ShopOrder.Buyer(
                        "山田 太郎",
                        "ヤマダ タロウ",
                        "taro@example.jp",
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-2-3",
                        null,
                        null),
                paymentMethod,
                List.of(new ShopOrder.Delivery(
                        deliveryId,
                        "佐藤 花子",
                        "サトウ ハナコ",
                        "06-1234-5678",
                        "530-0001",
                        "大阪府",
                        "大阪市北区梅田2-4-9",
                        null,
                        null,
                        null,
                        false,
                        null,
                        800,
                        List.of(new ShopOrder.Item("tea-1", "", "静岡 深蒸し煎茶", 1080, 2, 8)),
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(2160, 800, 0, 0, 0, 0, 2960, List.of(new ShopOrder.TaxLine(8, 2160, 160))),
                null);
    }

    /** B2 Cloud's issued data: our reference (without the J) and the slip number per line. */
    private static String b2File(String... lines) {
        StringBuilder file = new StringBuilder(String.join(",", B2CloudLayout.HEADER)).append("\r\n");
        for (String line : lines) {
            file.append('J').append(line).append("\r\n");
        }
        return file.toString();
    }

    private static byte[] bytes(String file) {
        return file.getBytes(SJIS);
    }
}
