package jp.juchu.oms.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.oms.bundles.Bundles;
import jp.juchu.oms.documents.DeliveryNotes;
import jp.juchu.oms.documents.PickingLists;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.ShopOrder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** 同梱: candidates, the print guard on every path, merging into one slip and one note, undo, the shared number. */
@SpringBootTest(properties = "db-scheduler.polling-interval=200ms")
@AutoConfigureMockMvc
class BundleTests extends LinkedShopTests {

    @Autowired
    MockMvc mvc;

    private static final Actor STAFF = Actor.person("出荷担当", false);

    @Autowired
    Bundles bundles;

    @Autowired
    DeliveryNotes deliveryNotes;

    @Autowired
    PickingLists pickingLists;

    BundleTests() {
        super("bundle");
    }

    /** The buyer's address as the shop sent it, and what may differ between two orders of the same buyer. */
    private record Variant(String address1, String slot, String payment) {}

    private static final Variant SAME = new Variant("大阪市北区梅田2-4-9", "From14To16", "CreditCard");

    private long order(String number, Variant v) {
        return order(number, v, 3290, 800);
    }

    private long order(String number, Variant v, long total, long shippingFee) {
        ShopOrder order = new ShopOrder(
                prefix + number,
                prefix + number,
                OffsetDateTime.now().minusHours(2),
                OffsetDateTime.now().minusHours(1),
                "New",
                "Paid",
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
                v.payment(),
                List.of(new ShopOrder.Delivery(
                        1,
                        "佐藤 花子",
                        "サトウ ハナコ",
                        "06-1234-5678",
                        "530-0001",
                        "大阪府",
                        v.address1(),
                        null,
                        LocalDate.now().plusDays(3),
                        v.slot(),
                        false,
                        null,
                        shippingFee,
                        List.of(new ShopOrder.Item("tea-" + number, "", "煎茶 " + number, 1080, 2, 8)),
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(
                        2160,
                        shippingFee,
                        0,
                        0,
                        0,
                        0,
                        total,
                        List.of(new ShopOrder.TaxLine(8, 2160, 160), new ShopOrder.TaxLine(10, total - 2160, 102))),
                null);
        orders.applyFromShop(connectionId, List.of(new IncomingOrder(order, "{}", number)));
        long id = jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(connectionId, prefix + number)
                .query(Long.class)
                .single();
        workflow.move(id, "READY_TO_SHIP", STAFF, false);
        return id;
    }

    private long candidateOf(long orderId) {
        return bundles.groupOf(orderId).orElseThrow().id();
    }

    @Test
    void ordersOfTheSameBuyerToTheSameNormalisedAddressAreCandidates() {
        long first = order("same-1", SAME);
        long second = order("same-2", new Variant("大阪市北区梅田２丁目４番９号", "From14To16", "CreditCard"));

        List<Long> found = bundles.find(List.of(second));

        assertThat(found).hasSize(1);
        Bundles.Group group = bundles.group(found.get(0)).orElseThrow();
        assertThat(group.state()).isEqualTo(Bundles.State.CANDIDATE);
        assertThat(group.orderIds()).containsExactly(first, second);
        assertThat(group.shippingFees()).isEqualTo(1600);
        assertThat(group.feeDifference()).isEqualTo(800);
        // finding again changes nothing
        assertThat(bundles.find(List.of(first, second))).containsExactly(found.get(0));
        assertThat(jdbc.sql("select count(*) from bundle_order where order_id in (?, ?)")
                        .params(first, second)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void noCandidateWhenTheSlotThePaymentOrTheAddressDiffersOrTheOtherOrderIsPrinted() {
        long first = order("diff-1", SAME);
        exports.record(Carrier.YAMATO, List.of(first), false, STAFF);
        long afterPrint = order("diff-2", SAME);
        long otherSlot = order("diff-3", new Variant(SAME.address1(), "From16To18", "CreditCard"));
        long otherPayment = order("diff-4", new Variant(SAME.address1(), "From14To16", "BankTransfer"));
        long otherAddress = order("diff-5", new Variant("大阪市北区梅田2-4-10", "From14To16", "CreditCard"));

        // each differs from the others in one criterion, and the only same one is printed
        assertThat(bundles.find(List.of(afterPrint, otherSlot, otherPayment, otherAddress)))
                .isEmpty();
        assertThat(bundles.groupOf(first)).isEmpty();
    }

    @Test
    void anUndecidedCandidateIsRefusedOnEveryPrintPath() throws Exception {
        long first = order("guard-1", SAME);
        long second = order("guard-2", SAME);
        bundles.find(List.of(second));

        assertThat(exports.check(Carrier.YAMATO, List.of(first, second)))
                .allSatisfy(c -> assertThat(c.problems()).anyMatch(p -> p.contains("同梱候補です")));
        assertThatThrownBy(() -> exports.record(Carrier.YAMATO, List.of(first), false, STAFF))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(workflow.moveAll(List.of(first, second), "PRINTED", STAFF, false)
                        .refused())
                .hasSize(2)
                .allMatch(r -> r.reason().contains("同梱候補です"));
        assertThat(workflow.moveAll(List.of(first), "SHIPPED", STAFF, false).refused())
                .hasSize(1);
        assertThatThrownBy(() -> deliveryNotes.write(List.of(first), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("同梱候補です");
        assertThatThrownBy(() ->
                        pickingLists.write(PickingLists.Layout.TOTAL, List.of(second), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("同梱候補です");
        assertThat(orders.detail(first).orElseThrow().workflowStatus()).isEqualTo("READY_TO_SHIP");

        // once declined, each prints on its own
        bundles.decline(candidateOf(first), STAFF);
        assertThat(exports.check(Carrier.YAMATO, List.of(first, second))).allMatch(SlipExports.Candidate::exportable);
        assertThat(bundles.find(List.of(first, second))).isEmpty();
    }

    @Test
    void mergedOrdersShipOnOneSlipRowAndOneNoteWithTheirTotalsUnchanged() throws Exception {
        long first = order("merge-1", SAME, 3290, 800);
        long second = order("merge-2", SAME, 2962, 800);
        bundles.find(List.of(second));

        bundles.merge(candidateOf(first), STAFF);

        // choosing one order of the group exports the whole group, on one row
        SlipExports.Batch batch = exports.record(Carrier.YAMATO, List.of(second), false, STAFF);
        assertThat(batch.orders()).isEqualTo(2);
        assertThat(batch.rows()).isEqualTo(1);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        exports.write(batch.id(), csv);
        String[] lines = new String(csv.toByteArray(), SJIS).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1].split(",", -1)[0]).isEqualTo("J" + first + "-1");
        assertThat(lines[1]).contains("煎茶 merge-1 他");

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        assertThat(deliveryNotes.write(exports.ordersToShip(batch.id()), pdf)).isEqualTo(1);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(prefix + "merge-1", prefix + "merge-2", "煎茶 merge-1", "煎茶 merge-2");
            assertThat(text).contains("3,290円", "2,962円");
        }
        assertThat(pickingLists.write(
                        PickingLists.Layout.PER_ORDER, exports.ordersToShip(batch.id()), new ByteArrayOutputStream()))
                .isEqualTo(1);

        OrderDetail one = orders.detail(first).orElseThrow();
        OrderDetail two = orders.detail(second).orElseThrow();
        assertThat(one.total()).isEqualTo(3290);
        assertThat(two.total()).isEqualTo(2962);
        assertThat(one.shippingFee()).isEqualTo(800);
        assertThat(one.shipments().get(0).items()).hasSize(1);
        assertThat(one.workflowStatus()).isEqualTo("PRINTED");
        assertThat(two.workflowStatus()).isEqualTo("PRINTED");
    }

    @Test
    void mergedCashOnDeliveryOrdersCollectTheirTotalsTogetherOnTheOneSlip() throws Exception {
        Variant cod = new Variant(SAME.address1(), SAME.slot(), "CashOnDelivery");
        long first = order("cod-1", cod, 3290, 800);
        long second = order("cod-2", cod, 2962, 800);
        bundles.find(List.of(second));
        bundles.merge(candidateOf(first), STAFF);

        SlipExports.Batch batch = exports.record(Carrier.YAMATO, List.of(first), false, STAFF);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        exports.write(batch.id(), csv);
        String[] row = new String(csv.toByteArray(), SJIS).split("\r\n")[1].split(",", -1);

        assertThat(row[1]).isEqualTo("2");
        assertThat(row[33]).isEqualTo(String.valueOf(3290 + 2962));
        assertThat(row[34]).isEqualTo(String.valueOf(262 + 262));
    }

    @Test
    void aMergeCanBeUndoneUntilPrintedAndNotAfter() {
        long first = order("undo-1", SAME);
        long second = order("undo-2", SAME);
        bundles.find(List.of(second));
        long group = candidateOf(first);

        bundles.merge(group, STAFF);
        bundles.undo(group, STAFF);
        assertThat(bundles.group(group).orElseThrow().state()).isEqualTo(Bundles.State.CANDIDATE);
        assertThat(workflow.printRefusals(List.of(first))).containsKey(first);

        bundles.merge(group, STAFF);
        exports.record(Carrier.YAMATO, List.of(first), false, STAFF);
        assertThatThrownBy(() -> bundles.undo(group, STAFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("印刷した同梱は取り消せません");
        assertThat(bundles.group(group).orElseThrow().state()).isEqualTo(Bundles.State.MERGED);
    }

    @Test
    void theGroupsTrackingNumberIsSetOnEveryOrderAndReportedToEachOrdersShop() {
        long first = order("track-1", SAME);
        long second = order("track-2", SAME);
        bundles.find(List.of(second));
        bundles.merge(candidateOf(first), STAFF);
        exports.record(Carrier.YAMATO, List.of(first, second), false, STAFF);
        String file = String.join("\r\n", String.join(",", B2CloudLayout.HEADER), "J" + first + "-1,0,0,123456789012")
                + "\r\n";

        TrackingImports.Result result =
                trackingImports.importFile(Carrier.YAMATO, "b2.csv", file.getBytes(SJIS), false, STAFF);

        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.ordersShipped()).isEqualTo(2);
        assertThat(orders.detail(second).orElseThrow().shipments().get(0).trackingNumber())
                .isEqualTo("123456789012");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(shop.shipmentReports()).hasSize(2));
        assertThat(shop.shipmentReports())
                .anySatisfy(r -> assertThat(r)
                        .contains("/orders/" + prefix + "track-1/status")
                        .contains("\"tracking_number\":\"123456789012\""))
                .anySatisfy(r -> assertThat(r)
                        .contains("/orders/" + prefix + "track-2/status")
                        .contains("\"tracking_number\":\"123456789012\""));
    }

    @Test
    void withTheSwitchOnTheImportFindsCandidatesAndARuleActionMergesThem() {
        jdbc.sql("update bundle_setting set find_on_import = true").update();
        try {
            long first = order("import-1", SAME);
            long second = order("import-2", SAME);
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(bundles.groupOf(second)).isPresent());
            assertThat(bundles.groupOf(second).orElseThrow().orderIds()).containsExactly(first, second);
            assertThat(bundles.findAndMerge(second, Actor.rule("同梱ルール"))).startsWith("同梱しました");
            assertThat(bundles.groupOf(first).orElseThrow().state()).isEqualTo(Bundles.State.MERGED);
            assertThat(workflow.printRefusals(List.of(first, second))).isEmpty();
        } finally {
            jdbc.sql("update bundle_setting set find_on_import = false").update();
        }
    }

    @Test
    void aNewOrderMatchingAMergedGroupJoinsItOnOneSlipAndShareItsTrackingNumber() throws Exception {
        long first = order("join-1", SAME);
        long second = order("join-2", SAME);
        bundles.find(List.of(second));
        long group = candidateOf(first);
        bundles.merge(group, STAFF);

        // a third order of the buyer to the same place, while the group is not printed
        long third = order("join-3", SAME);
        assertThat(bundles.find(List.of(third))).containsExactly(group);
        Bundles.Group merged = bundles.group(group).orElseThrow();
        assertThat(merged.state()).isEqualTo(Bundles.State.MERGED);
        assertThat(merged.orderIds()).containsExactly(first, second);
        assertThat(merged.joining()).extracting(Bundles.Member::orderId).containsExactly(third);
        assertThat(bundles.openGroups(List.of(third))).containsKey(third);
        // undecided: neither the group nor the new order prints, and the new order is not on the group's slip yet
        assertThat(bundles.mergedWith(third)).isEmpty();
        assertThat(bundles.mergedWith(first)).containsExactly(second);
        assertThat(workflow.printRefusals(List.of(first, third)))
                .containsOnlyKeys(first, third)
                .allSatisfy((id, reason) -> assertThat(reason).contains("同梱に加える候補があります"));
        // searching again changes nothing
        assertThat(bundles.find(List.of(third))).containsExactly(group);
        assertThat(bundles.group(group).orElseThrow().joining()).hasSize(1);

        // the screens: the group shows the new order with its buttons, the list's badge says 同梱候補
        assertThat(page("/bundles")).contains("data-testid=\"bundle-joining-member\"", prefix + "join-3", "同梱に加える");
        assertThat(page("/bundles/orders/" + third)).contains("data-testid=\"bundle-join\"");
        assertThat(page("/bundles/badges?order=" + third + "&order=" + first))
                .contains("bundle-badge-" + third)
                .contains("同梱候補")
                .contains("同梱</a>");

        // 同梱に加える on the screen
        mvc.perform(post("/bundles/" + group + "/join")
                        .with(user("shipper").roles("STAFF"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/bundles"));

        assertThat(bundles.group(group).orElseThrow().orderIds()).containsExactly(first, second, third);
        assertThat(bundles.group(group).orElseThrow().joining()).isEmpty();
        assertThat(workflow.printRefusals(List.of(first, second, third))).isEmpty();
        SlipExports.Batch batch = exports.record(Carrier.YAMATO, List.of(third), false, STAFF);
        assertThat(batch.orders()).isEqualTo(3);
        assertThat(batch.rows()).isEqualTo(1);
        assertThat(deliveryNotes.write(exports.ordersToShip(batch.id()), new ByteArrayOutputStream()))
                .isEqualTo(1);
        assertThat(pickingLists.write(
                        PickingLists.Layout.PER_ORDER, exports.ordersToShip(batch.id()), new ByteArrayOutputStream()))
                .isEqualTo(1);
        String file = String.join("\r\n", String.join(",", B2CloudLayout.HEADER), "J" + first + "-1,0,0,223456789012")
                + "\r\n";
        TrackingImports.Result result =
                trackingImports.importFile(Carrier.YAMATO, "b2.csv", file.getBytes(SJIS), false, STAFF);
        assertThat(result.applied()).isEqualTo(3);
        assertThat(orders.detail(third).orElseThrow().shipments().get(0).trackingNumber())
                .isEqualTo("223456789012");
    }

    @Test
    void aNewOrderLeftOutOfAMergedGroupPrintsAloneAndIsNotProposedAgainNorForAPrintedGroup() {
        long first = order("apart-1", SAME);
        long second = order("apart-2", SAME);
        bundles.find(List.of(second));
        long group = candidateOf(first);
        bundles.merge(group, STAFF);
        long third = order("apart-3", SAME);
        bundles.find(List.of(third));

        bundles.declineJoining(group, STAFF);

        assertThat(bundles.group(group).orElseThrow().joining()).isEmpty();
        assertThat(bundles.groupOf(third)).isEmpty();
        assertThat(workflow.printRefusals(List.of(first, third))).isEmpty();
        assertThat(bundles.find(List.of(third))).isEmpty();
        assertThatThrownBy(() -> bundles.addJoining(group, STAFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("加える受注はありません");

        // once the group is printed, a new order of the buyer does not join it
        exports.record(Carrier.YAMATO, List.of(first), false, STAFF);
        long fourth = order("apart-4", SAME);
        bundles.find(List.of(fourth));
        assertThat(bundles.group(group).orElseThrow().joining()).isEmpty();
    }

    @Test
    void aRulesMergeAddsTheNewOrderToTheMergedGroup() {
        long first = order("rulejoin-1", SAME);
        long second = order("rulejoin-2", SAME);
        bundles.find(List.of(second));
        long group = candidateOf(first);
        bundles.merge(group, STAFF);
        long third = order("rulejoin-3", SAME);

        assertThat(bundles.findAndMerge(third, Actor.rule("同梱ルール"))).startsWith("同梱 #" + group + " に加えました");

        assertThat(bundles.group(group).orElseThrow().orderIds()).containsExactly(first, second, third);
        assertThat(bundles.mergedWith(third)).containsExactly(first, second);
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("shipper").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
