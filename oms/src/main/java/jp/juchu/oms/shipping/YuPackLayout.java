package jp.juchu.oms.shipping;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.CashOnDelivery;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.ShippingInstructions;
import jp.juchu.oms.settings.Contractor;

/**
 * Japan Post ゆうパックプリントR (発送予定データ). ゆうプリR reads a CSV through an import filter the merchant
 * registers once; these are the columns of that filter, in order (docs/shipping.md lists them): the
 * address over 住所１–３ of 50 bytes each, split at character boundaries; 元/着払/代引 0 or 2; time slots
 * 51 午前中 · 53 14–16 · 54 16–18 · 55 18–20 · 56 19–21.
 */
final class YuPackLayout implements SlipLayout {

    static final YuPackLayout INSTANCE = new YuPackLayout();
    static final List<String> HEADER = List.of(
            "お客様側管理番号",
            "発送予定日",
            "郵便種別",
            "保冷種別",
            "元/着払/代引",
            "お届け先郵便番号",
            "お届け先住所1",
            "お届け先住所2",
            "お届け先住所3",
            "お届け先名称1",
            "お届け先名称2",
            "お届け先敬称",
            "お届け先電話番号",
            "ご依頼主郵便番号",
            "ご依頼主住所1",
            "ご依頼主住所2",
            "ご依頼主名称1",
            "ご依頼主電話番号",
            "品名",
            "配達希望日",
            "配達時間帯",
            "代引金額",
            "代引消費税",
            "記事");

    static final int LINE_BYTES = 50;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private YuPackLayout() {}

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
            problems.add("契約者情報の住所が長すぎます (ゆうプリR: 50バイト × 2行まで)");
            senderAddress = List.of("", "");
        }
        List<List<String>> rows = new ArrayList<>();
        for (OrderDetail.Shipment s : order.shipments()) {
            String where = SlipChecks.where(order, s);
            long collect = CashOnDelivery.amountOf(order, s);
            boolean cod = collect > 0;
            SlipChecks.recipient(s, where, problems);
            String fullAddress = SlipChecks.nullToEmpty(s.prefecture())
                    + SlipChecks.nullToEmpty(s.address1())
                    + (s.address2() == null || s.address2().isBlank() ? "" : " " + s.address2());
            List<String> address = SlipText.split(fullAddress, LINE_BYTES, 3);
            if (address == null) {
                problems.add(where + "住所が長すぎます (ゆうプリR: 50バイト × 3行まで)");
                address = List.of("", "", "");
            }
            List<String> name = SlipText.split(SlipChecks.nullToEmpty(s.name()), LINE_BYTES, 2);
            if (name == null) {
                problems.add(where + "お届け先名が長すぎます (50バイト × 2行まで): " + s.name());
                name = List.of("", "");
            }
            String item = SlipChecks.itemName(s);
            ShippingInstructions.Instruction instruction = instructions.get(s.deliveryId());
            String cool = instruction == null || instruction.coolType() == null ? "NORMAL" : instruction.coolType();
            if (cool.equals("FROZEN")) {
                problems.add(where + "ゆうパックは冷凍便にできません (チルドゆうパックは冷蔵だけです)");
            }
            List<String> row = List.of(
                    SlipLayout.reference(order.id(), s.deliveryId()),
                    shipDate.format(DATE),
                    "0",
                    // 保冷種別: 0 通常, 1 チルド (冷蔵)
                    cool.equals("CHILLED") ? "1" : "0",
                    cod ? "2" : "0",
                    SlipChecks.nullToEmpty(s.postalCode()).strip(),
                    address.get(0),
                    address.get(1),
                    address.get(2),
                    name.get(0),
                    name.get(1),
                    "様",
                    s.phone() == null ? "" : s.phone().strip(),
                    sender.postalCode(),
                    senderAddress.get(0),
                    senderAddress.get(1),
                    SlipText.head(sender.companyName(), LINE_BYTES),
                    sender.phone(),
                    SlipText.head(item, LINE_BYTES),
                    s.deliveryDate() == null ? "" : s.deliveryDate().format(DATE),
                    SlipChecks.timeSlot(Carrier.JAPAN_POST, s, where, problems),
                    cod ? String.valueOf(collect) : "",
                    cod ? String.valueOf(CashOnDelivery.taxOf(order, s)) : "",
                    SlipChecks.note(s, instruction, LINE_BYTES, where, problems));
            SlipChecks.encodable(HEADER, row, where, problems);
            rows.add(row);
        }
        return new Rows(rows, problems);
    }
}
