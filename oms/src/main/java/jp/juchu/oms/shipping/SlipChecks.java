package jp.juchu.oms.shipping;

import java.util.List;
import java.util.regex.Pattern;
import jp.juchu.oms.orders.CashOnDelivery;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.TimeSlot;
import jp.juchu.support.address.AddressFormats;

/** What every carrier's slip needs of an order, and the problems that keep it from being exported. */
final class SlipChecks {

    private static final Pattern PHONE = Pattern.compile("[0-9-]{10,15}");

    private SlipChecks() {}

    /** A cash-on-delivery order to several addresses ships only once its amounts per destination add up. */
    static void codSplit(OrderDetail order, List<String> problems) {
        CashOnDelivery.problem(order).ifPresent(problems::add);
    }

    /**
     * The carrier's code for the shipment's delivery time slot ("" for none); a problem when the carrier does not
     * offer the slot, never a blank column in its place.
     */
    static String timeSlot(Carrier carrier, OrderDetail.Shipment s, String where, List<String> problems) {
        if (s.timeSlot() == null || s.timeSlot().isBlank()) {
            return "";
        }
        return carrier.timeSlotCode(s.timeSlot()).orElseGet(() -> {
            problems.add(where + carrier.label() + "は時間帯「" + TimeSlot.labelOf(s.timeSlot())
                    + "」を扱っていません。お届け先の時間帯を変えるか、別の配送会社で出力してください");
            return "";
        });
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

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * The slip's remark field (記事): the noshi (のし, cut to fit as before) and the OMS's slip remark, which must fit
     * whole — a remark the carrier would cut off is a problem, not a surprise on the parcel.
     */
    static String note(
            OrderDetail.Shipment s,
            jp.juchu.oms.orders.ShippingInstructions.Instruction instruction,
            int maxBytes,
            String where,
            List<String> problems) {
        String noshi = s.noshi() == null || s.noshi().isBlank() ? "" : "のし: " + s.noshi();
        String remark = instruction == null || instruction.slipRemark() == null
                ? ""
                : instruction.slipRemark().strip();
        if (remark.isEmpty()) {
            return SlipText.head(noshi, maxBytes);
        }
        String note = noshi.isEmpty() ? remark : noshi + " " + remark;
        if (SlipText.bytes(note) > maxBytes) {
            problems.add(where + "送り状の記事が長すぎます (" + maxBytes + "バイト、全角" + maxBytes / 2 + "文字まで): " + note);
            return SlipText.head(note, maxBytes);
        }
        return note;
    }
}
