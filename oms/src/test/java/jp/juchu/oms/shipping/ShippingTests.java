package jp.juchu.oms.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.oms.malls.ConnectionSettings;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.ShopOrder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Slip export, tracking import and write-back, on orders imported for a shop served over HTTP. */
@SpringBootTest(properties = "db-scheduler.polling-interval=200ms")
class ShippingTests extends LinkedShopTests {

    ShippingTests() {
        super("ship");
    }

    /** Imports an order to the OMS and makes it ready to ship; returns its id. */
    private long order(String number, String paymentMethod, ShopOrder.Delivery... deliveries) {
        ShopOrder order = new ShopOrder(
                prefix + number,
                prefix + number,
                OffsetDateTime.now().minusHours(2),
                OffsetDateTime.now().minusHours(1),
                "New",
                "CashOnDelivery".equals(paymentMethod) ? "Unpaid" : "Paid",
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
                List.of(deliveries),
                new ShopOrder.Amounts(
                        2160,
                        800,
                        330,
                        0,
                        0,
                        0,
                        3290,
                        List.of(new ShopOrder.TaxLine(8, 2160, 160), new ShopOrder.TaxLine(10, 1130, 102))),
                null);
        orders.applyFromShop(connectionId, List.of(new IncomingOrder(order, "{}", number)));
        long id = jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(connectionId, prefix + number)
                .query(Long.class)
                .single();
        workflow.move(id, "READY_TO_SHIP", Actor.person("テスト", false), false);
        return id;
    }

    private static ShopOrder.Delivery delivery(int id, String phone, String postal, String address1, String address2) {
        return new ShopOrder.Delivery(
                id,
                "佐藤 花子",
                "サトウ ハナコ",
                phone,
                postal,
                "大阪府",
                address1,
                address2,
                LocalDate.now().plusDays(3),
                "From14To16",
                false,
                "御歳暮",
                800,
                List.of(new ShopOrder.Item("tea-1", "", "静岡 深蒸し煎茶", 1080, 2, 8)),
                null,
                null,
                null);
    }

    private static ShopOrder.Delivery good(int id) {
        return delivery(id, "06-1234-5678", "530-0001", "大阪市北区梅田2-4-9", "梅田ビル3F");
    }

    private String csv(long batchId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(batchId, out);
        return new String(out.toByteArray(), SJIS);
    }

    @Test
    void b2CloudFileIsShiftJisWithCrlfOneRowPerShipmentInTheCarriersColumnOrder() throws Exception {
        long cod = order("cod-1", "CashOnDelivery", good(1));
        long twoPlaces = order("two-1", "CreditCard", good(1), good(2));

        SlipExports.Batch batch =
                exports.record(Carrier.YAMATO, List.of(cod, twoPlaces), false, Actor.person("出荷担当", false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(batch.id(), out);
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, SJIS);

        assertThat(new String(bytes, SJIS).getBytes(SJIS)).isEqualTo(bytes);
        assertThat(text).endsWith("\r\n").doesNotContain("\n\n");
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0].split(",", -1)).hasSize(42).startsWith("お客様管理番号", "送り状種別", "クール区分", "伝票番号");
        String[] codRow = lines[1].split(",", -1);
        assertThat(codRow).hasSize(42);
        assertThat(codRow[0]).isEqualTo("J" + cod + "-1");
        assertThat(codRow[1]).isEqualTo("2");
        assertThat(codRow[6]).isEqualTo("1416");
        assertThat(codRow[11]).isEqualTo("大阪府大阪市北区梅田2-4-9");
        assertThat(codRow[12]).isEqualTo("梅田ビル3F");
        assertThat(codRow[24]).isEqualTo("ジュチュウ日本茶店");
        assertThat(codRow[32]).isEqualTo("のし: 御歳暮");
        assertThat(codRow[33]).isEqualTo("3290");
        assertThat(codRow[34]).isEqualTo("262");
        assertThat(lines[2].split(",", -1)[0]).isEqualTo("J" + twoPlaces + "-1");
        assertThat(lines[3].split(",", -1)[0]).isEqualTo("J" + twoPlaces + "-2");
        assertThat(lines[3].split(",", -1)[1]).isEqualTo("0");
        assertThat(orders.detail(cod).orElseThrow().workflowStatusName()).isEqualTo("印刷済み");
    }

    @Test
    void everyProblemIsListedAndNothingIsExportedUntilFixed() {
        long noPhone = order("nophone", "CreditCard", delivery(1, "", "530-0001", "大阪市北区梅田2-4-9", null));
        long badPostal = order("postal", "CreditCard", delivery(1, "06-1234-5678", "5300", "大阪市北区梅田2-4-9", null));
        long tooLong = order(
                "long",
                "CreditCard",
                delivery(
                        1, "06-1234-5678", "530-0001", "大阪市北区梅田二丁目四番九号ブリーゼタワー管理棟北側通用口奥の倉庫前", "ブリーゼタワー二十三階株式会社架空商事総務部"));
        long unmappable = order("kanji", "CreditCard", delivery(1, "06-1234-5678", "530-0001", "大阪市北区𠮷野町1-1", null));

        List<SlipExports.Candidate> checked =
                exports.check(Carrier.YAMATO, List.of(noPhone, badPostal, tooLong, unmappable));

        assertThat(checked).allMatch(c -> !c.exportable());
        assertThat(checked.get(0).problems()).anyMatch(p -> p.contains("電話番号がありません"));
        assertThat(checked.get(1).problems()).anyMatch(p -> p.contains("郵便番号"));
        assertThat(checked.get(2).problems()).anyMatch(p -> p.contains("住所が長すぎます"));
        assertThat(checked.get(3).problems()).anyMatch(p -> p.contains("Shift_JIS で送れない文字") && p.contains("𠮷"));
        assertThatThrownBy(() -> exports.record(
                        Carrier.YAMATO,
                        List.of(noPhone, badPostal, tooLong, unmappable),
                        false,
                        Actor.person("担当", false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("select count(*) from slip_export_order where order_id in (?, ?, ?, ?)")
                        .params(noPhone, badPostal, tooLong, unmappable)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aLongAddressIsSplitAtACharacterBoundaryNotCut() {
        String address = "大阪府大阪市北区梅田二丁目四番九号ブリーゼタワー管理棟北側通用口奥";
        String[] split = B2CloudLayout.splitAddress(address, "三階");
        assertThat(split).isNotNull();
        assertThat(SlipText.bytes(split[0])).isEqualTo(64);
        assertThat(split[1]).isEqualTo("奥 三階");
        assertThat(split[0] + split[1]).isEqualTo(address + " 三階");
    }

    @Test
    void ordersExportedBeforeAreLeftOutUnlessAskedAgain() throws Exception {
        long id = order("again-1", "CreditCard", good(1));
        exports.record(Carrier.YAMATO, List.of(id), false, Actor.person("担当", false));

        assertThatThrownBy(() -> exports.record(Carrier.YAMATO, List.of(id), false, Actor.person("担当", false)))
                .isInstanceOf(IllegalArgumentException.class);
        SlipExports.Batch again = exports.record(Carrier.YAMATO, List.of(id), true, Actor.person("担当", false));
        assertThat(csv(again.id())).contains("J" + id + "-1");
    }

    @Test
    void aTrackingFileWithAnyBadLineIsRefusedWholeWithEveryLineNamed() {
        long one = order("track-1", "CreditCard", good(1));
        long two = order("track-2", "CreditCard", good(1), good(2));
        String file = String.join(
                        "\r\n",
                        String.join(",", B2CloudLayout.HEADER),
                        "J" + one + "-1,0,0,123456789012",
                        "J" + two + "-1,0,0,2345-6789-0123",
                        "J" + two + "-1,0,0,345678901234",
                        "J999999999-1,0,0,456789012345",
                        "X-1,0,0,567890123456",
                        "J" + two + "-2,0,0,ABC")
                + "\r\n";

        assertThatThrownBy(() -> trackingImports.importFile(
                        Carrier.YAMATO, "b2.csv", file.getBytes(SJIS), false, Actor.person("出荷担当", false)))
                .isInstanceOfSatisfying(
                        TrackingImports.Refused.class,
                        e -> assertThat(e.errors())
                                .satisfiesExactly(
                                        l -> assertThat(l).startsWith("4行目").contains("重複"),
                                        l -> assertThat(l).startsWith("5行目").contains("見つかりません"),
                                        l -> assertThat(l).startsWith("6行目").contains("このOMSが出力したものではありません"),
                                        l -> assertThat(l).startsWith("7行目").contains("12桁")));

        assertThat(orders.detail(one).orElseThrow().workflowStatusName()).isEqualTo("出荷待ち");
        assertThat(orders.detail(one).orElseThrow().shipments())
                .allSatisfy(s -> assertThat(s.trackingNumber()).isNull());
        assertThat(writeBacks.ofOrder(one)).isEmpty();
        assertThat(jdbc.sql("select refused from tracking_import where file_name = 'b2.csv' order by id desc limit 1")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aTrackingFileWithThousandsOfBadLinesListsTheFirst200AndCountsTheRest() {
        StringBuilder file = new StringBuilder(String.join(",", B2CloudLayout.HEADER)).append("\r\n");
        for (int i = 0; i < 5_000; i++) {
            file.append("X-").append(i).append(",0,0,123456789012\r\n");
        }

        assertThatThrownBy(() -> trackingImports.importFile(
                        Carrier.YAMATO, "many.csv", file.toString().getBytes(SJIS), false, Actor.person("出荷担当", false)))
                .isInstanceOfSatisfying(TrackingImports.Refused.class, e -> {
                    assertThat(e.errors()).hasSize(201);
                    assertThat(e.errors().get(0)).startsWith("2行目");
                    assertThat(e.errors().get(199)).startsWith("201行目");
                    assertThat(e.errors().get(200)).isEqualTo("ほか 4800件の行にも問題があります");
                });
    }

    @Test
    void trackingFileShipsTheOrdersAndWritesBackToTheShop() {
        long one = order("track-3", "CreditCard", good(1));
        long two = order("track-4", "CreditCard", good(1), good(2));
        String file = String.join(
                        "\r\n",
                        String.join(",", B2CloudLayout.HEADER),
                        "J" + one + "-1,0,0,123456789012",
                        "J" + two + "-1,0,0,2345-6789-0123")
                + "\r\n";

        TrackingImports.Result result = trackingImports.importFile(
                Carrier.YAMATO, "b2.csv", file.getBytes(SJIS), false, Actor.person("出荷担当", false));

        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.ordersShipped()).isEqualTo(1);
        assertThat(orders.detail(one).orElseThrow().workflowStatusName()).isEqualTo("出荷済み");
        assertThat(orders.detail(two).orElseThrow().workflowStatusName()).isEqualTo("出荷待ち");

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(shop.shipmentReports()).hasSize(2));
        assertThat(shop.shipmentReports())
                .anySatisfy(r -> assertThat(r)
                        .contains("/orders/" + prefix + "track-3/status")
                        .contains("\"tracking_number\":\"123456789012\"")
                        .contains("\"carrier\":\"Yamato\""));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(writeBacks.ofOrder(one)).allMatch(WriteBacks.WriteBack::done));
    }

    @Test
    void aFileInTheWrongFormatIsRefusedWhole() {
        long id = order("wrong-1", "CreditCard", good(1));
        String file = "受注番号,追跡番号\r\nJ" + id + "-1,123456789012\r\n";

        assertThatThrownBy(() -> trackingImports.importFile(
                        Carrier.YAMATO, "other.csv", file.getBytes(SJIS), false, Actor.person("担当", false)))
                .isInstanceOf(TrackingImports.WrongFormat.class);
        assertThat(orders.detail(id).orElseThrow().workflowStatusName()).isEqualTo("出荷待ち");
    }

    @Test
    void aRefusedWriteBackIsRetriedUntilTheShopAcceptsIt() {
        long id = order("retry-1", "CreditCard", good(1));
        shop.failReports(1);
        String file = String.join(",", B2CloudLayout.HEADER) + "\r\nJ" + id + "-1,0,0,987654321098\r\n";

        trackingImports.importFile(Carrier.YAMATO, "b2.csv", file.getBytes(SJIS), false, Actor.person("担当", false));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(writeBacks.ofOrder(id))
                        .singleElement()
                        .satisfies(w -> assertThat(w.attempts()).isEqualTo(1))
                        .satisfies(w -> assertThat(w.lastError()).contains("503")));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(writeBacks.ofOrder(id)).allMatch(WriteBacks.WriteBack::done));
        assertThat(shop.shipmentReports()).hasSize(1);
    }

    @Test
    void anUnpaidBankTransferOrderNeedsAnOverrideToBeReadyToShip() {
        ShopOrder unpaid = new ShopOrder(
                prefix + "unpaid",
                prefix + "unpaid",
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                "New",
                "Unpaid",
                "NotShipped",
                new ShopOrder.Buyer(
                        "山田 太郎", "ヤマダ タロウ", "t@example.jp", "03-1234-5678", "150-0001", "東京都", "渋谷区", null, null),
                "BankTransfer",
                List.of(good(1)),
                new ShopOrder.Amounts(2160, 800, 0, 0, 0, 0, 2960, List.of()),
                null);
        orders.applyFromShop(connectionId, List.of(new IncomingOrder(unpaid, "{}", "h")));
        long id = jdbc.sql("select id from oms_order where serial_code = ?")
                .param(prefix + "unpaid")
                .query(Long.class)
                .single();

        assertThatThrownBy(() -> workflow.move(id, "READY_TO_SHIP", Actor.person("担当", false), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("入金");
        workflow.move(id, "READY_TO_SHIP", Actor.person("担当", false), true);
        assertThat(orders.detail(id).orElseThrow().history())
                .anySatisfy(h -> assertThat(h.summary()).contains("入金前の出荷を承認"));
    }

    @Test
    void withTheConnectionsWriteBackOffNothingIsSentAndTheOrderSaysSo() throws Exception {
        setup.verifyAndSave(
                connectionId,
                new ConnectionSettings(
                        shop.shopId(), null, null, 7, false, 30, shop.managementUrl(), shop.itemUrl(), false));
        long id = order("off-1", "CreditCard", good(1));
        String file = String.join(",", B2CloudLayout.HEADER) + "\r\nJ" + id + "-1,0,0,111122223333\r\n";

        trackingImports.importFile(Carrier.YAMATO, "b2.csv", file.getBytes(SJIS), false, Actor.person("担当", false));

        assertThat(orders.detail(id).orElseThrow().workflowStatusName()).isEqualTo("出荷済み");
        assertThat(writeBacks.ofOrder(id)).singleElement().matches(WriteBacks.WriteBack::off);
        Thread.sleep(1000);
        assertThat(shop.shipmentReports()).isEmpty();
    }

    @Test
    void sagawaFileSpreadsTheAddressOverThreeLinesOfSixteenCharacters() throws Exception {
        long id = order(
                "sagawa-1",
                "CashOnDelivery",
                delivery(1, "06-1234-5678", "530-0001", "大阪市北区梅田二丁目四番九号ブリーゼタワー", "二十三階株式会社架空商事"));

        SlipExports.Batch batch = exports.record(Carrier.SAGAWA, List.of(id), false, Actor.person("担当", false));
        String[] lines = csv(batch.id()).split("\r\n");

        assertThat(lines).hasSize(2);
        assertThat(lines[0].split(",", -1)).hasSize(42).startsWith("住所録コード", "お届け先電話番号");
        String[] row = lines[1].split(",", -1);
        assertThat(row).hasSize(42);
        assertThat(row[3] + row[4] + row[5]).isEqualTo("大阪府大阪市北区梅田二丁目四番九号ブリーゼタワー 二十三階株式会社架空商事");
        assertThat(List.of(row[3], row[4], row[5])).allMatch(l -> SlipText.bytes(l) <= 32);
        assertThat(row[6]).isEqualTo("佐藤 花子 様");
        assertThat(row[8]).isEqualTo("J" + id + "-1");
        assertThat(row[27]).isEqualTo(LocalDate.now().plusDays(3).toString().replace("-", ""));
        assertThat(row[28]).isEqualTo("14");
        assertThat(row[30]).isEqualTo("3290");

        String file = "お客様管理ナンバー,お問合せ送り状NO\r\nJ" + id + "-1,4444-5555-6666\r\n";
        TrackingImports.Result result = trackingImports.importFile(
                Carrier.SAGAWA, "ehiden.csv", file.getBytes(SJIS), false, Actor.person("担当", false));
        assertThat(result.applied()).isEqualTo(1);
        assertThat(orders.detail(id).orElseThrow().workflowStatusName()).isEqualTo("出荷済み");
    }

    @Test
    void yuPackPrintRFileCarriesTheReferenceAddressLinesAndJapanPostTimeSlotCodes() throws Exception {
        long id = order("yupack-1", "CashOnDelivery", good(1));

        SlipExports.Batch batch = exports.record(Carrier.JAPAN_POST, List.of(id), false, Actor.person("担当", false));
        String[] lines = csv(batch.id()).split("\r\n");

        assertThat(lines).hasSize(2);
        assertThat(lines[0].split(",", -1)).hasSize(YuPackLayout.HEADER.size()).startsWith("お客様側管理番号");
        String[] row = lines[1].split(",", -1);
        assertThat(row[0]).isEqualTo("J" + id + "-1");
        assertThat(row[4]).isEqualTo("2");
        assertThat(row[6]).isEqualTo("大阪府大阪市北区梅田2-4-9 梅田ビル3F");
        assertThat(row[20]).isEqualTo("53");
        assertThat(row[21]).isEqualTo("3290");

        String file = "お客様側管理番号,お問い合わせ番号\r\nJ" + id + "-1,1234-5678-9012\r\n";
        assertThat(trackingImports
                        .importFile(
                                Carrier.JAPAN_POST, "yupri.csv", file.getBytes(SJIS), false, Actor.person("担当", false))
                        .applied())
                .isEqualTo(1);
    }
}
