package jp.juchu.oms.orders;

import static jp.juchu.oms.orders.OrderEditWording.blankToNull;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.juchu.support.money.Money;

/**
 * What an edit must satisfy before anything of it is saved: known destinations, a payment method, bounded
 * destinations and lines, each line in its bounds and at a destination, no destination left empty, time slots from
 * the list, no shipped destination removed, a total not below zero and cash-on-delivery amounts that add up.
 */
final class OrderEditChecks {

    static final int MAX_DESTINATIONS = 10;
    static final int MAX_LINES = 100;

    private OrderEditChecks() {}

    /**
     * The delivery id each of the edit's destinations is saved as; new destinations are numbered after the highest
     * delivery id the order has had. A destination the order does not have is a problem.
     */
    static Map<Integer, Integer> deliveryIds(
            OrderEdit edit, Map<Integer, OrderDetail.Shipment> existing, List<String> problems) {
        int next = existing.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<Integer, Integer> deliveryIdOf = new LinkedHashMap<>();
        for (OrderEdit.Destination d : edit.destinations()) {
            if (d.isNew()) {
                deliveryIdOf.put(d.key(), next++);
            } else if (existing.containsKey(d.key())) {
                deliveryIdOf.put(d.key(), d.key());
            } else {
                problems.add("お届け先" + d.key() + " はこの受注にありません");
            }
        }
        return deliveryIdOf;
    }

    /** Adds every problem of the edit, its lines filled in, coming to {@code amounts}. */
    static void check(
            OrderEdit edit,
            List<OrderEdit.Line> lines,
            Map<Integer, OrderDetail.Shipment> existing,
            Map<Integer, Integer> deliveryIdOf,
            ShopOrder.Amounts amounts,
            List<String> problems) {
        checkShape(edit, lines, existing, deliveryIdOf, problems);
        if (amounts.total() < 0) {
            problems.add("値引きとポイントが合計を超えています（合計 " + Money.yen(amounts.total()) + "）");
        }
        if (CashOnDelivery.applies(edit.paymentMethod()) && edit.destinations().size() > 1) {
            CashOnDelivery.problem(
                            edit.destinations().stream()
                                    .map(OrderEdit.Destination::codAmount)
                                    .toList(),
                            amounts.total())
                    .ifPresent(problems::add);
        }
    }

    private static void checkShape(
            OrderEdit edit,
            List<OrderEdit.Line> lines,
            Map<Integer, OrderDetail.Shipment> existing,
            Map<Integer, Integer> deliveryIdOf,
            List<String> problems) {
        if (!PaymentMethods.isKnown(edit.paymentMethod())) {
            problems.add("支払方法を選んでください");
        }
        if (edit.destinations().isEmpty()) {
            problems.add("お届け先を1つ以上にしてください");
        }
        if (edit.destinations().size() > MAX_DESTINATIONS) {
            problems.add("お届け先は" + MAX_DESTINATIONS + "件までです");
        }
        if (lines.isEmpty()) {
            problems.add("商品を1行以上にしてください");
        }
        if (lines.size() > MAX_LINES) {
            problems.add("商品は" + MAX_LINES + "行までです");
        }
        Set<Integer> used = new HashSet<>();
        int number = 0;
        for (OrderEdit.Line l : lines) {
            number++;
            String label = "商品" + number + "行目";
            if (!deliveryIdOf.containsKey(l.destination())) {
                problems.add(label + ": お届け先を選んでください");
            } else {
                used.add(l.destination());
            }
            if (l.quantity() < 1 || l.quantity() > 999) {
                problems.add(label + " [数量]: 1〜999で入力してください");
            }
            if (l.unitPrice() != null && (l.unitPrice() < 0 || l.unitPrice() > 10_000_000)) {
                problems.add(label + " [単価]: 0円〜10,000,000円で入力してください");
            }
            if (l.taxRate() != null && l.taxRate() != 10 && l.taxRate() != 8 && l.taxRate() != 0) {
                problems.add(label + " [税率]: 10%・8%・0%のどれかを選んでください");
            }
            if (l.name() != null && l.name().length() > 400) {
                problems.add(label + " [商品名]: 400文字までで入力してください");
            }
            if (l.itemCode() != null && l.itemCode().length() > 100) {
                problems.add(label + " [商品コード]: 100文字までで入力してください");
            }
        }
        for (OrderEdit.Destination d : edit.destinations()) {
            if (deliveryIdOf.containsKey(d.key()) && !used.contains(d.key())) {
                int shown = deliveryIdOf.get(d.key());
                problems.add("お届け先" + shown + "に商品がありません。商品を移すか、お届け先を削除してください");
            }
            String slot = blankToNull(d.timeSlot());
            OrderDetail.Shipment s = existing.get(d.key());
            boolean unchanged = s != null && Objects.equals(slot, s.timeSlot());
            if (slot != null && TimeSlot.ofCode(slot).isEmpty() && !unchanged) {
                problems.add("お届け先の時間帯「" + slot + "」は選べません。一覧から選んでください");
            }
        }
        Set<Integer> keptIds = new HashSet<>(deliveryIdOf.values());
        for (OrderDetail.Shipment s : existing.values()) {
            if (!keptIds.contains(s.deliveryId()) && s.trackingNumber() != null) {
                problems.add("お届け先" + s.deliveryId() + "は伝票番号があるため削除できません");
            }
        }
    }
}
