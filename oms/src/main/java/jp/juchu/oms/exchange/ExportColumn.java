package jp.juchu.oms.exchange;

import java.util.function.Function;
import jp.juchu.oms.orders.OrderDetail;

/** A column an order CSV can have, one row per item of each shipment (受注明細). */
public enum ExportColumn {
    ORDER_NUMBER("order_number", "受注番号", true, r -> r.order().orderNumber()),
    ORDERED_AT("ordered_at", "受注日時", false, r -> r.orderedAt()),
    WORKFLOW("workflow", "受注ステータス", true, r -> r.order().workflowStatusName()),
    BUYER_NAME("buyer_name", "購入者名", true, r -> r.order().buyerName()),
    BUYER_KANA("buyer_kana", "購入者フリガナ", true, r -> r.order().buyerKana()),
    BUYER_EMAIL("buyer_email", "購入者メールアドレス", true, r -> r.order().buyerEmail()),
    BUYER_PHONE("buyer_phone", "購入者電話番号", true, r -> r.order().buyerPhone()),
    PAYMENT(
            "payment",
            "支払方法",
            true,
            r -> jp.juchu.oms.orders.PaymentMethods.labelOf(r.order().paymentMethod())),
    TOTAL("total", "合計金額", false, r -> String.valueOf(r.order().total())),
    SHIPPING_FEE("shipping_fee", "送料", false, r -> String.valueOf(r.order().shippingFee())),
    COD_FEE("cod_fee", "代引手数料", false, r -> String.valueOf(r.order().codFee())),
    POINTS("points", "利用ポイント", false, r -> String.valueOf(r.order().pointsUsed())),
    COUPON("coupon", "クーポン値引", false, r -> String.valueOf(r.order().couponDiscount())),
    DELIVERY_ID("delivery_id", "お届け先番号", false, r -> String.valueOf(r.shipment().deliveryId())),
    SHIP_NAME("ship_name", "お届け先名", true, r -> r.shipment().name()),
    SHIP_PHONE("ship_phone", "お届け先電話番号", true, r -> r.shipment().phone()),
    SHIP_POSTAL("ship_postal", "お届け先郵便番号", true, r -> r.shipment().postalCode()),
    SHIP_ADDRESS(
            "ship_address",
            "お届け先住所",
            true,
            r -> join(
                    r.shipment().prefecture(),
                    r.shipment().address1(),
                    r.shipment().address2())),
    DELIVERY_DATE(
            "delivery_date",
            "お届け希望日",
            false,
            r -> r.shipment().deliveryDate() == null
                    ? ""
                    : r.shipment().deliveryDate().format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd"))),
    TIME_SLOT("time_slot", "時間帯", true, r -> r.shipment().timeSlotLabel()),
    TRACKING("tracking", "伝票番号", true, r -> r.shipment().trackingNumber()),
    ITEM_CODE("item_code", "商品コード", true, r -> r.item().itemCode()),
    ITEM_NAME("item_name", "商品名", true, r -> r.item().name()),
    VARIATION("variation", "バリエーション", true, r -> r.item().variation()),
    UNIT_PRICE("unit_price", "単価", false, r -> String.valueOf(r.item().unitPrice())),
    QUANTITY("quantity", "数量", false, r -> String.valueOf(r.item().quantity())),
    TAX_RATE("tax_rate", "税率", false, r -> String.valueOf(r.item().taxRate())),
    REMARKS("remarks", "備考", true, r -> r.order().remarks()),
    MEMO("memo", "社内メモ", true, r -> r.order().memo());

    /** One row of the file: an item of a shipment of an order. */
    record Line(OrderDetail order, OrderDetail.Shipment shipment, OrderDetail.Item item, String orderedAt) {}

    private final String key;
    private final String label;
    private final boolean text;
    private final Function<Line, String> value;

    ExportColumn(String key, String label, boolean text, Function<Line, String> value) {
        this.key = key;
        this.label = label;
        this.text = text;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /**
     * The cell: text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
     * gets a leading apostrophe; numbers are written as they are.
     */
    String cell(Line line) {
        String v = value.apply(line);
        if (v == null) {
            return "";
        }
        return text ? jp.juchu.oms.system.JapaneseCsv.neutralised(v) : v;
    }

    static ExportColumn byKey(String key) {
        for (ExportColumn c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown column " + key);
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.isEmpty() ? "" : " ").append(p.strip());
            }
        }
        return b.toString();
    }
}
