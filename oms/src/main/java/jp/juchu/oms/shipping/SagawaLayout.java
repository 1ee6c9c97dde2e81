package jp.juchu.oms.shipping;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.CashOnDelivery;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.ShippingInstructions;
import jp.juchu.oms.settings.Contractor;

/**
 * Sagawa e飛伝Ⅱ's shipping data (出荷データ, 42 columns). Addresses go over 住所１–３ of 16 full-width
 * characters each, split at character boundaries; names over 名称１–２. Our reference goes in
 * お客様管理ナンバー.
 */
final class SagawaLayout implements SlipLayout {

    static final SagawaLayout INSTANCE = new SagawaLayout();
    static final List<String> HEADER = List.of(
            "住所録コード",
            "お届け先電話番号",
            "お届け先郵便番号",
            "お届け先住所１",
            "お届け先住所２",
            "お届け先住所３",
            "お届け先名称１",
            "お届け先名称２",
            "お客様管理ナンバー",
            "お客様コード",
            "部署・担当者",
            "荷送人電話番号",
            "ご依頼主電話番号",
            "ご依頼主郵便番号",
            "ご依頼主住所１",
            "ご依頼主住所２",
            "ご依頼主名称１",
            "ご依頼主名称２",
            "荷姿コード",
            "品名１",
            "品名２",
            "品名３",
            "品名４",
            "品名５",
            "出荷個数",
            "便種(スピードで選択)",
            "便種(商品)",
            "配達日",
            "配達指定時間帯",
            "配達指定時間（時分）",
            "代引金額",
            "消費税",
            "決済種別",
            "保険金額",
            "保険金額印字",
            "指定シール①",
            "指定シール②",
            "指定シール③",
            "営業店止め",
            "ＳＲＣ区分",
            "営業店コード",
            "元着区分");

    static final int LINE_BYTES = 32;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private SagawaLayout() {}

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public Rows rows(
            OrderDetail order,
            Map<Integer, ShippingInstructions.Instruction> instructions,
            Contractor sender,
            String customerCode,
            LocalDate shipDate) {
        List<String> problems = new ArrayList<>();
        SlipChecks.codSplit(order, problems);
        List<String> senderAddress = SlipText.split(sender.prefecture() + sender.address(), LINE_BYTES, 2);
        if (senderAddress == null) {
            problems.add("契約者情報の住所が長すぎます (e飛伝Ⅱ: 全角16文字 × 2行まで)");
            senderAddress = List.of("", "");
        }
        List<List<String>> rows = new ArrayList<>();
        for (OrderDetail.Shipment s : order.shipments()) {
            ShippingInstructions.Instruction instruction = instructions.get(s.deliveryId());
            if (instruction != null
                    && ((instruction.coolType() != null
                                    && !instruction.coolType().equals("NORMAL"))
                            || (instruction.slipRemark() != null
                                    && !instruction.slipRemark().isBlank()))) {
                problems.add(SlipChecks.where(order, s) + "佐川急便の送り状にはクール便の指定・記事を出せません (未対応)。配送業者を変えてください");
            }
            String where = SlipChecks.where(order, s);
            long collect = CashOnDelivery.amountOf(order, s);
            boolean cod = collect > 0;
            SlipChecks.recipient(s, where, problems);
            String fullAddress = SlipChecks.nullToEmpty(s.prefecture())
                    + SlipChecks.nullToEmpty(s.address1())
                    + (s.address2() == null || s.address2().isBlank() ? "" : " " + s.address2());
            List<String> address = SlipText.split(fullAddress, LINE_BYTES, 3);
            if (address == null) {
                problems.add(where + "住所が長すぎます (e飛伝Ⅱ: 全角16文字 × 3行まで)");
                address = List.of("", "", "");
            }
            List<String> name = SlipText.split(SlipChecks.nullToEmpty(s.name()) + " 様", LINE_BYTES, 2);
            if (name == null) {
                problems.add(where + "お届け先名が長すぎます (全角16文字 × 2行まで): " + s.name());
                name = List.of("", "");
            }
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                items.add(i < s.items().size() ? SlipText.head(s.items().get(i).name(), LINE_BYTES) : "");
            }
            List<String> row = new ArrayList<>(Arrays.asList(
                    "",
                    s.phone() == null ? "" : s.phone().strip(),
                    SlipChecks.nullToEmpty(s.postalCode()).strip(),
                    address.get(0),
                    address.get(1),
                    address.get(2),
                    name.get(0),
                    name.get(1),
                    SlipLayout.reference(order.id(), s.deliveryId()),
                    customerCode == null ? "" : customerCode,
                    "",
                    sender.phone(),
                    sender.phone(),
                    sender.postalCode(),
                    senderAddress.get(0),
                    senderAddress.get(1),
                    SlipText.head(sender.companyName(), LINE_BYTES),
                    "",
                    "001"));
            row.addAll(items);
            row.addAll(Arrays.asList(
                    "1",
                    "000",
                    "",
                    s.deliveryDate() == null ? "" : s.deliveryDate().format(DATE),
                    SlipChecks.timeSlot(Carrier.SAGAWA, s, where, problems),
                    "",
                    cod ? String.valueOf(collect) : "",
                    cod ? String.valueOf(CashOnDelivery.taxOf(order, s)) : "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "1"));
            SlipChecks.encodable(HEADER, row, where, problems);
            rows.add(row);
        }
        return new Rows(rows, problems);
    }
}
