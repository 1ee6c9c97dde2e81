package jp.juchu.oms.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.TimeSlot;
import jp.juchu.oms.settings.Contractor;
import org.junit.jupiter.api.Test;

/** Each carrier's slip takes the slots it offers in its own code, and cash on delivery collects per destination. */
class SlipTimeSlotsAndCashOnDeliveryTests {

    private static final Contractor SENDER =
            new Contractor("ジュチュウ日本茶店", "受注 太郎", "420-0852", "静岡県", "静岡市葵区紺屋町17-1", "054-000-1234", "shop@example.jp");
    private static final int SAGAWA_SLOT = SagawaLayout.HEADER.indexOf("配達指定時間帯");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static OrderDetail.Shipment shipment(int id, String slot, Long cod) {
        return new OrderDetail.Shipment(
                id,
                "佐藤 花子",
                "06-1234-5678",
                "530-0001",
                "大阪府",
                "大阪市北区梅田2-4-9",
                null,
                null,
                slot,
                false,
                null,
                0,
                null,
                List.of(new OrderDetail.Item("tea-1", "", "煎茶", 1080, 2, 8, 1)),
                cod);
    }

    private static OrderDetail order(String payment, long total, OrderDetail.Shipment... shipments) {
        return new OrderDetail(
                42,
                1,
                "s",
                "N-1",
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                "New",
                "Unpaid",
                "NotShipped",
                "山田 太郎",
                null,
                null,
                "03-1234-5678",
                "150-0001",
                "東京都",
                "渋谷区",
                null,
                null,
                payment,
                2160,
                800,
                330,
                0,
                0,
                0,
                total,
                "[{\"rate\":8,\"taxableAmount\":2160,\"tax\":160},"
                        + "{\"rate\":10,\"taxableAmount\":1130,\"tax\":102}]",
                null,
                "READY_TO_SHIP",
                "出荷待ち",
                null,
                null,
                null,
                0,
                null,
                List.of(shipments),
                List.of());
    }

    @Test
    void everyCarrierWritesItsOwnCodeForASlotItOffers() {
        OrderDetail order = order("CreditCard", 3290, shipment(1, "Morning", null));

        assertThat(SlipLayout.of(Carrier.YAMATO)
                        .rows(order, SENDER, "", TODAY)
                        .rows()
                        .get(0)
                        .get(6))
                .isEqualTo("0812");
        assertThat(SlipLayout.of(Carrier.SAGAWA)
                        .rows(order, SENDER, "", TODAY)
                        .rows()
                        .get(0)
                        .get(SAGAWA_SLOT))
                .isEqualTo("01");
        assertThat(SlipLayout.of(Carrier.JAPAN_POST)
                        .rows(order, SENDER, "", TODAY)
                        .rows()
                        .get(0)
                        .get(20))
                .isEqualTo("51");
    }

    @Test
    void aSlotTheCarrierDoesNotOfferIsACheckFailureNotABlankColumn() {
        OrderDetail noonToTwo = order("CreditCard", 3290, shipment(1, TimeSlot.FROM_12_TO_14.code(), null));

        assertThat(SlipLayout.of(Carrier.YAMATO)
                        .rows(noonToTwo, SENDER, "", TODAY)
                        .problems())
                .anyMatch(p -> p.contains("ヤマト運輸は時間帯「12時〜14時」を扱っていません"));
        assertThat(SlipLayout.of(Carrier.SAGAWA)
                        .rows(noonToTwo, SENDER, "", TODAY)
                        .problems())
                .isEmpty();
        assertThat(SlipLayout.of(Carrier.JAPAN_POST)
                        .rows(noonToTwo, SENDER, "", TODAY)
                        .rows()
                        .get(0)
                        .get(20))
                .isEqualTo("52");

        OrderDetail unknown = order("CreditCard", 3290, shipment(1, "Evening", null));
        for (Carrier carrier : Carrier.values()) {
            assertThat(SlipLayout.of(carrier).rows(unknown, SENDER, "", TODAY).problems())
                    .anyMatch(p -> p.contains("不明な時間帯 (Evening)"));
        }
    }

    @Test
    void theShopsSlotCodesMapOntoTheOmsSlots() {
        assertThat(TimeSlot.fromShop("From14To16")).isEqualTo("From14To16");
        assertThat(TimeSlot.fromShop(" morning ")).isEqualTo("Morning");
        assertThat(TimeSlot.fromShop("午前中")).isEqualTo("Morning");
        assertThat(TimeSlot.fromShop("")).isNull();
        assertThat(TimeSlot.labelOf("From19To21")).isEqualTo("19時〜21時");
    }

    @Test
    void cashOnDeliveryToTwoDestinationsShipsOnlyWithAmountsThatAddUp() {
        OrderDetail unset = order("CashOnDelivery", 3290, shipment(1, null, null), shipment(2, null, null));
        assertThat(SlipLayout.of(Carrier.YAMATO).rows(unset, SENDER, "", TODAY).problems())
                .anyMatch(p -> p.contains("お届け先ごとの代引金額を決めてから"));

        OrderDetail wrong = order("CashOnDelivery", 3290, shipment(1, null, 2000L), shipment(2, null, 1000L));
        assertThat(SlipLayout.of(Carrier.YAMATO).rows(wrong, SENDER, "", TODAY).problems())
                .anyMatch(p -> p.contains("(3,000円) が受注の合計 (3,290円) と合いません"));

        OrderDetail split = order("CashOnDelivery", 3290, shipment(1, null, 2290L), shipment(2, null, 1000L));
        for (Carrier carrier : Carrier.values()) {
            assertThat(SlipLayout.of(carrier).rows(split, SENDER, "", TODAY).problems())
                    .as(carrier.label())
                    .isEmpty();
        }
        List<List<String>> rows =
                SlipLayout.of(Carrier.YAMATO).rows(split, SENDER, "", TODAY).rows();
        // 送り状種別 2 (コレクト), the amount each collects, and the tax (262円) apportioned by share
        assertThat(rows.get(0).subList(33, 35)).containsExactly("2290", String.valueOf(262 * 2290 / 3290));
        assertThat(rows.get(1).subList(33, 35)).containsExactly("1000", String.valueOf(262 - 262 * 2290 / 3290));
        assertThat(rows.get(0).get(1)).isEqualTo("2");
    }

    @Test
    void aDestinationThatCollectsNothingGoesAsAPrepaidSlip() {
        OrderDetail split = order("CashOnDelivery", 3290, shipment(1, null, 3290L), shipment(2, null, 0L));
        List<List<String>> rows =
                SlipLayout.of(Carrier.YAMATO).rows(split, SENDER, "", TODAY).rows();
        assertThat(rows.get(0).get(1)).isEqualTo("2");
        assertThat(rows.get(0).subList(33, 35)).containsExactly("3290", "262");
        assertThat(rows.get(1).get(1)).isEqualTo("0");
        assertThat(rows.get(1).get(33)).isEmpty();
    }
}
