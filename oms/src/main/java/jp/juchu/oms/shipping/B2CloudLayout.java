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
 * Yamato B2 Cloud's slip data (送り状発行データ): the column order, the field limits (in Shift_JIS bytes),
 * and the codes. One row per shipment; our reference (お客様管理番号) is {@code J<order id>-<delivery>},
 * which the tracking-number file brings back. Kept in this one place, as the carrier's layout changes.
 */
final class B2CloudLayout implements SlipLayout {

    static final B2CloudLayout INSTANCE = new B2CloudLayout();
    static final List<String> HEADER = List.of(
            "お客様管理番号",
            "送り状種別",
            "クール区分",
            "伝票番号",
            "出荷予定日",
            "お届け予定（指定）日",
            "配達時間帯",
            "お届け先コード",
            "お届け先電話番号",
            "お届け先電話番号枝番",
            "お届け先郵便番号",
            "お届け先住所",
            "お届け先住所（アパートマンション名）",
            "お届け先会社・部門名１",
            "お届け先会社・部門名２",
            "お届け先名",
            "お届け先名略称カナ",
            "敬称",
            "ご依頼主コード",
            "ご依頼主電話番号",
            "ご依頼主電話番号枝番",
            "ご依頼主郵便番号",
            "ご依頼主住所",
            "ご依頼主住所（アパートマンション名）",
            "ご依頼主名",
            "ご依頼主略称カナ",
            "品名コード１",
            "品名１",
            "品名コード２",
            "品名２",
            "荷扱い１",
            "荷扱い２",
            "記事",
            "コレクト代金引換額（税込）",
            "コレクト内消費税額等",
            "営業所止置き",
            "営業所コード",
            "発行枚数",
            "個数口枠の印字",
            "ご請求先顧客コード",
            "ご請求先分類コード",
            "運賃管理番号");

    static final int ADDRESS_BYTES = 64;
    static final int BUILDING_BYTES = 32;
    static final int NAME_BYTES = 32;
    static final int ITEM_BYTES = 50;
    static final int NOTE_BYTES = 44;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private B2CloudLayout() {}

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
        List<List<String>> rows = new ArrayList<>();
        for (OrderDetail.Shipment s : order.shipments()) {
            String where = SlipChecks.where(order, s);
            long collect = CashOnDelivery.amountOf(order, s);
            boolean cod = collect > 0;
            SlipChecks.recipient(s, where, problems);
            String phone = s.phone();
            String[] address = splitAddress(
                    SlipChecks.nullToEmpty(s.prefecture()) + SlipChecks.nullToEmpty(s.address1()),
                    SlipChecks.nullToEmpty(s.address2()));
            if (address == null) {
                problems.add(where + "住所が長すぎます (B2クラウド: 住所 全角32文字 + 建物名 全角16文字まで)");
                address = new String[] {"", ""};
            }
            if (SlipText.bytes(s.name()) > NAME_BYTES) {
                problems.add(where + "お届け先名が長すぎます (全角16文字まで): " + s.name());
            }
            String item = SlipChecks.itemName(s);
            String slot = SlipChecks.timeSlot(Carrier.YAMATO, s, where, problems);
            ShippingInstructions.Instruction instruction = instructions.get(s.deliveryId());
            String note = SlipChecks.note(s, instruction, NOTE_BYTES, where, problems);
            String kind = cod ? "2" : serviceCode(instruction, where, problems);
            String cool = coolCode(instruction, kind, where, problems);
            List<String> row = Arrays.asList(
                    SlipLayout.reference(order.id(), s.deliveryId()),
                    kind,
                    cool,
                    "",
                    shipDate.format(DATE),
                    s.deliveryDate() == null ? "" : s.deliveryDate().format(DATE),
                    slot,
                    "",
                    phone == null ? "" : phone.strip(),
                    "",
                    SlipChecks.nullToEmpty(s.postalCode()).strip(),
                    address[0],
                    address[1],
                    "",
                    "",
                    SlipChecks.nullToEmpty(s.name()),
                    "",
                    "様",
                    "",
                    sender.phone(),
                    "",
                    sender.postalCode(),
                    sender.prefecture() + sender.address(),
                    "",
                    sender.companyName(),
                    "",
                    "",
                    SlipText.head(item, ITEM_BYTES),
                    "",
                    "",
                    "",
                    "",
                    note,
                    cod ? String.valueOf(collect) : "",
                    cod ? String.valueOf(CashOnDelivery.taxOf(order, s)) : "",
                    "0",
                    "",
                    "1",
                    "",
                    customerCode == null ? "" : customerCode,
                    "",
                    "");
            SlipChecks.encodable(HEADER, row, where, problems);
            rows.add(row);
        }
        return new Rows(rows, problems);
    }

    /** 送り状種別 of the shipment's service: 宅急便 0 (発払い), ネコポス 7, 宅急便コンパクト 8. */
    static String serviceCode(ShippingInstructions.Instruction instruction, String where, List<String> problems) {
        String service = instruction == null ? null : instruction.service();
        if (service == null || service.equals("宅急便")) {
            return "0";
        }
        return switch (service) {
            case "ネコポス" -> "7";
            case "宅急便コンパクト" -> "8";
            default -> {
                problems.add(where + "配送サービス「" + service + "」はヤマト運輸の送り状にありません");
                yield "0";
            }
        };
    }

    /** クール区分: 0 通常, 1 クール冷凍, 2 クール冷蔵; ネコポス and 宅急便コンパクト carry no cool. */
    static String coolCode(
            ShippingInstructions.Instruction instruction, String kind, String where, List<String> problems) {
        String cool = instruction == null || instruction.coolType() == null ? "NORMAL" : instruction.coolType();
        if (!cool.equals("NORMAL") && (kind.equals("7") || kind.equals("8"))) {
            problems.add(where + "ネコポス・宅急便コンパクトはクール便にできません");
        }
        return switch (cool) {
            case "FROZEN" -> "1";
            case "CHILLED" -> "2";
            default -> "0";
        };
    }

    /**
     * The address over the two fields, split at a character boundary; {@code null} when it does not fit.
     */
    static String[] splitAddress(String address, String building) {
        if (SlipText.bytes(address) <= ADDRESS_BYTES) {
            return SlipText.bytes(building) <= BUILDING_BYTES ? new String[] {address, building} : null;
        }
        String first = SlipText.head(address, ADDRESS_BYTES);
        String rest = address.substring(first.length()) + (building.isEmpty() ? "" : " " + building);
        return SlipText.bytes(rest) <= BUILDING_BYTES ? new String[] {first, rest} : null;
    }
}
