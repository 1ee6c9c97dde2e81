package jp.juchu.oms.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import jp.juchu.support.money.Money;

/**
 * How an edit reads in the order's history and the audit log: one line per change, "項目: 前 → 後", and the lines'
 * changes as a merchant reads them (quantity, price, moved, removed, added).
 */
final class OrderEditWording {

    private OrderEditWording() {}

    /** A line as the history compares it. */
    record LineView(int destination, String code, String name, long price, int quantity, int rate) {

        @Override
        public String toString() {
            return "お届け先" + destination + " " + name + " (" + code + ") " + Money.yen(price) + " × " + quantity + " ["
                    + rate + "%]";
        }

        boolean sameProduct(LineView o) {
            return code.equals(o.code) && name.equals(o.name) && rate == o.rate;
        }
    }

    /** A destination the edit adds, with its time slot and cash-on-delivery amount when it has them. */
    static String destinationAdded(String label, OrderEdit.Person r, String timeSlot, Long cod) {
        return label + "を追加: " + r.name() + " " + address(r)
                + (timeSlot == null ? "" : " 時間帯 " + TimeSlot.labelOf(timeSlot))
                + (cod == null ? "" : " 代引金額 " + Money.yen(cod));
    }

    /** What the edit changes of a destination the order has. */
    static void destinationChanges(
            List<String> changes,
            String label,
            OrderDetail.Shipment s,
            OrderEdit.Destination d,
            String timeSlot,
            Long cod) {
        OrderEdit.Person r = d.recipient();
        compare(changes, label + "の氏名", s.name(), r.name());
        compare(changes, label + "の電話", s.phone(), r.phone());
        compare(
                changes,
                label + "の住所",
                address(s.postalCode(), s.prefecture(), s.address1(), s.address2()),
                address(r));
        compare(changes, label + "のお届け希望日", s.deliveryDate(), d.deliveryDate());
        compare(
                changes,
                label + "の時間帯",
                emptyToNull(TimeSlot.labelOf(s.timeSlot())),
                emptyToNull(TimeSlot.labelOf(timeSlot)));
        compare(changes, label + "の代引金額", yenOrNull(s.codAmount()), yenOrNull(cod));
    }

    /** What the edit changes of the buyer, the payment, the fees and discounts, the total and the memo. */
    static void orderChanges(List<String> changes, OrderDetail before, OrderEdit edit, ShopOrder.Amounts amounts) {
        OrderEdit.Person b = edit.buyer();
        compare(changes, "購入者の氏名", before.buyerName(), b.name());
        compare(changes, "購入者のカナ", before.buyerKana(), blankToNull(edit.buyerKana()));
        compare(changes, "購入者のメール", before.buyerEmail(), blankToNull(edit.buyerEmail()));
        compare(changes, "購入者の電話", before.buyerPhone(), b.phone());
        compare(
                changes,
                "購入者の住所",
                address(
                        before.buyerPostalCode(),
                        before.buyerPrefecture(),
                        before.buyerAddress1(),
                        before.buyerAddress2()),
                address(b));
        compare(
                changes,
                "支払方法",
                PaymentMethods.labelOf(before.paymentMethod()),
                PaymentMethods.labelOf(edit.paymentMethod()));
        compare(changes, "送料", Money.yen(before.shippingFee()), Money.yen(amounts.shippingFee()));
        compare(changes, "代引手数料", Money.yen(before.codFee()), Money.yen(amounts.codFee()));
        compare(changes, "ギフト包装料", Money.yen(before.giftWrappingFee()), Money.yen(amounts.giftWrappingFee()));
        compare(changes, "クーポン値引", Money.yen(before.couponDiscount()), Money.yen(amounts.couponDiscount()));
        compare(changes, "ポイント利用", Money.yen(before.pointsUsed()), Money.yen(amounts.pointsUsed()));
        compare(changes, "合計", Money.yen(before.total()), Money.yen(amounts.total()));
        compare(changes, "社内メモ", blankToNull(before.memo()), blankToNull(edit.memo()));
    }

    /** A destination's cash-on-delivery amount set on the order page. */
    static void codAmountChange(List<String> changes, OrderDetail.Shipment s, Long amount) {
        compare(changes, "お届け先" + s.deliveryId() + "の代引金額", yenOrNull(s.codAmount()), yenOrNull(amount));
    }

    /** The lines' changes as a merchant reads them: quantity, price, moved, removed, added. */
    static List<String> lineChanges(List<LineView> was, List<LineView> now) {
        List<String> changes = new ArrayList<>();
        List<LineView> removed = new ArrayList<>(was);
        now.forEach(removed::remove);
        List<LineView> added = new ArrayList<>(now);
        was.forEach(added::remove);
        for (LineView r : List.copyOf(removed)) {
            LineView a =
                    first(added, x -> x.sameProduct(r) && x.destination() == r.destination() && x.price() == r.price());
            if (a != null) {
                changes.add("数量 " + r.name() + ": " + r.quantity() + " → " + a.quantity());
            } else if ((a = first(added, x -> x.sameProduct(r) && x.destination() == r.destination())) != null) {
                changes.add("単価 " + r.name() + ": " + Money.yen(r.price()) + " → " + Money.yen(a.price())
                        + (a.quantity() != r.quantity() ? " (数量 " + r.quantity() + " → " + a.quantity() + ")" : ""));
            } else if ((a = first(
                            added, x -> x.sameProduct(r) && x.price() == r.price() && x.quantity() == r.quantity()))
                    != null) {
                changes.add(r.name() + "を移動: お届け先" + r.destination() + " → お届け先" + a.destination());
            }
            if (a != null) {
                removed.remove(r);
                added.remove(a);
            }
        }
        removed.forEach(r -> changes.add("商品を削除: " + r));
        added.forEach(a -> changes.add("商品を追加: " + a));
        if (changes.isEmpty()) {
            changes.add("商品の並びを変更");
        }
        return changes;
    }

    /** A text as saved: stripped, or {@code null} when blank. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LineView first(List<LineView> lines, Predicate<LineView> test) {
        return lines.stream().filter(test).findFirst().orElse(null);
    }

    private static void compare(List<String> changes, String label, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(label + ": " + (before == null ? "(なし)" : before) + " → " + (after == null ? "(なし)" : after));
        }
    }

    private static String address(OrderEdit.Person p) {
        return address(p.postalCode(), p.prefecture(), p.address1(), p.address2());
    }

    private static String address(String postalCode, String prefecture, String address1, String address2) {
        return String.join(
                        " ",
                        Objects.toString(postalCode, ""),
                        Objects.toString(prefecture, "")
                                + Objects.toString(address1, "")
                                + Objects.toString(blankToNull(address2), ""))
                .strip();
    }

    private static String yenOrNull(Long amount) {
        return amount == null ? null : Money.yen(amount);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
