package jp.juchu.oms.shipping;

import java.util.List;
import java.util.regex.Pattern;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.support.address.AddressFormats;

/** What every carrier's slip needs of an order, and the problems that keep it from being exported. */
final class SlipChecks {

    private static final Pattern PHONE = Pattern.compile("[0-9-]{10,15}");

    private SlipChecks() {}

    static boolean cashOnDelivery(OrderDetail order) {
        return "CashOnDelivery".equals(order.paymentMethod());
    }

    /** A cash-on-delivery order to several addresses: which shipment collects how much is the merchant's call. */
    static void codToOneAddress(OrderDetail order, List<String> problems) {
        if (cashOnDelivery(order) && order.shipments().size() > 1) {
            problems.add("代金引換で複数のお届け先がある注文は、お届け先ごとの代引金額を決めてから出荷してください");
        }
    }

    /** How a problem names the shipment: "お届け先2: " when the order has several. */
    static String where(OrderDetail order, OrderDetail.Shipment s) {
        return order.shipments().size() > 1 ? "お届け先" + s.deliveryId() + ": " : "";
    }

    /** The recipient's phone and postal code, which every carrier needs. */
    static void recipient(OrderDetail.Shipment s, String where, List<String> problems) {
        if (s.phone() == null || s.phone().isBlank()) {
            problems.add(where + "電話番号がありません");
        } else if (!PHONE.matcher(s.phone().strip()).matches()) {
            problems.add(where + "電話番号の形式が正しくありません: " + s.phone());
        }
        if (s.postalCode() == null || !AddressFormats.isPostalCode(s.postalCode())) {
            problems.add(where + "郵便番号が正しくありません: " + (s.postalCode() == null ? "(なし)" : s.postalCode()));
        }
    }

    /** Every cell of the row that has a character Shift_JIS cannot carry, named by its column. */
    static void encodable(List<String> header, List<String> row, String where, List<String> problems) {
        for (int i = 0; i < row.size(); i++) {
            String unmappable = SlipText.unmappable(row.get(i));
            if (!unmappable.isEmpty()) {
                problems.add(where + header.get(i) + " に Shift_JIS で送れない文字があります: " + unmappable);
            }
        }
    }

    /** The label's description: the first item's name, "他" when there are more. */
    static String itemName(OrderDetail.Shipment s) {
        return s.items().isEmpty() ? "" : s.items().get(0).name() + (s.items().size() > 1 ? " 他" : "");
    }

    /** The consumption tax contained in the order's total, over every rate (for a cash-on-delivery slip). */
    static long codTax(OrderDetail order) {
        return order.taxLines().stream().mapToLong(OrderDetail.TaxLine::tax).sum();
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
