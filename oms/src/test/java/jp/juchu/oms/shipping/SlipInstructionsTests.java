package jp.juchu.oms.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.ShippingInstructions;
import jp.juchu.oms.settings.Contractor;
import org.junit.jupiter.api.Test;

/** The OMS's shipping instructions (service, cool type, slip remark) reach each carrier's slip, or say why not. */
class SlipInstructionsTests {

    private static final Contractor SENDER =
            new Contractor("ジュチュウ日本茶店", "受注 太郎", "420-0852", "静岡県", "静岡市葵区紺屋町17-1", "054-000-1234", "shop@example.jp");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static OrderDetail order(String payment) {
        OrderDetail.Shipment s = new OrderDetail.Shipment(
                1,
                "佐藤 花子",
                "06-1234-5678",
                "530-0001",
                "大阪府",
                "大阪市北区梅田2-4-9",
                null,
                null,
                null,
                false,
                "御歳暮",
                0,
                null,
                List.of(new OrderDetail.Item("cake-1", "", "ケーキ", 3000, 1, 8, 1)),
                null);
        return new OrderDetail(
                42,
                1,
                "s",
                "N-1",
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                "New",
                "Paid",
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
                3000,
                0,
                0,
                0,
                0,
                0,
                3000,
                "[{\"rate\":8,\"taxableAmount\":3000,\"tax\":222}]",
                null,
                "READY_TO_SHIP",
                "出荷待ち",
                null,
                null,
                null,
                0,
                null,
                List.of(s),
                List.of());
    }

    private static Map<Integer, ShippingInstructions.Instruction> given(String service, String cool, String remark) {
        return Map.of(1, new ShippingInstructions.Instruction(1, "YAMATO", service, cool, remark));
    }

    private static String column(List<String> header, List<String> row, String name) {
        return row.get(header.indexOf(name));
    }

    @Test
    void yamatoSlipsCarryTheCoolTypeServiceAndRemark() {
        var rows = B2CloudLayout.INSTANCE.rows(order("CreditCard"), given(null, "CHILLED", "天地無用"), SENDER, "", TODAY);
        List<String> row = rows.rows().get(0);

        assertThat(rows.problems()).isEmpty();
        assertThat(column(B2CloudLayout.HEADER, row, "クール区分")).isEqualTo("2");
        assertThat(column(B2CloudLayout.HEADER, row, "送り状種別")).isEqualTo("0");
        assertThat(column(B2CloudLayout.HEADER, row, "記事")).isEqualTo("のし: 御歳暮 天地無用");

        var compact =
                B2CloudLayout.INSTANCE.rows(order("CreditCard"), given("宅急便コンパクト", null, null), SENDER, "", TODAY);
        assertThat(column(B2CloudLayout.HEADER, compact.rows().get(0), "送り状種別")).isEqualTo("8");
        assertThat(column(B2CloudLayout.HEADER, compact.rows().get(0), "クール区分")).isEqualTo("0");

        var without = B2CloudLayout.INSTANCE.rows(order("CreditCard"), SENDER, "", TODAY);
        assertThat(column(B2CloudLayout.HEADER, without.rows().get(0), "クール区分")).isEqualTo("0");
    }

    @Test
    void whatASlipCannotCarryIsAProblemNotASilentCut() {
        assertThat(B2CloudLayout.INSTANCE
                        .rows(order("CreditCard"), given("ネコポス", "FROZEN", null), SENDER, "", TODAY)
                        .problems())
                .anySatisfy(p -> assertThat(p).contains("クール便にできません"));
        assertThat(B2CloudLayout.INSTANCE
                        .rows(order("CreditCard"), given(null, null, "あ".repeat(30)), SENDER, "", TODAY)
                        .problems())
                .anySatisfy(p -> assertThat(p).contains("送り状の記事が長すぎます"));
        assertThat(YuPackLayout.INSTANCE
                        .rows(order("CreditCard"), given(null, "FROZEN", null), SENDER, "", TODAY)
                        .problems())
                .anySatisfy(p -> assertThat(p).contains("冷凍便にできません"));
        assertThat(SagawaLayout.INSTANCE
                        .rows(order("CreditCard"), given(null, "CHILLED", null), SENDER, "", TODAY)
                        .problems())
                .anySatisfy(p -> assertThat(p).contains("佐川急便の送り状にはクール便"));
    }
}
