package jp.juchu.oms.orders;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.support.money.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves a person's edit of an order with optimistic locking: the edit names the version it started from and is
 * saved only if the order is still at that version. Lines can be added (a product code fills in name, price and
 * rate), removed, repriced and moved between destinations; destinations can be added and removed. Totals and tax per
 * rate are recomputed by the one rule ({@link ShopOrder.Amounts#of}, i.e. {@code ConsumptionTax}); the history and
 * the audit log say who changed what.
 */
@Service
public class OrderEditing {

    static final int MAX_DESTINATIONS = 10;
    static final int MAX_LINES = 100;

    private final Orders orders;
    private final ManualOrders products;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    OrderEditing(
            Orders orders, ManualOrders products, JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.orders = orders;
        this.products = products;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** The edit's lines with name, price and rate filled in from their product codes, or why one cannot be. */
    public record FilledLines(List<OrderEdit.Line> lines, List<String> problems) {}

    /** Fills in lines given only a product code from the products seen on orders; names each that cannot be. */
    public FilledLines fill(List<OrderEdit.Line> lines) {
        Map<String, ManualOrders.KnownItem> known = products.known(lines.stream()
                .map(OrderEdit.Line::itemCode)
                .filter(c -> c != null && !c.isBlank())
                .map(String::strip)
                .distinct()
                .toList());
        List<OrderEdit.Line> filled = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int number = 0;
        for (OrderEdit.Line line : lines) {
            number++;
            String code = line.itemCode() == null ? "" : line.itemCode().strip();
            ManualOrders.KnownItem seen = known.get(code);
            String name = present(line.name()) ? line.name().strip() : seen == null ? null : seen.name();
            Long price = line.unitPrice() != null ? line.unitPrice() : seen == null ? null : seen.unitPrice();
            Integer rate = line.taxRate() != null ? line.taxRate() : seen == null ? 10 : seen.taxRate();
            if (name == null || price == null) {
                problems.add("商品" + number + "行目: 商品コード「" + code + "」は見つかりません。商品名と単価を入力してください");
                filled.add(line);
                continue;
            }
            filled.add(new OrderEdit.Line(
                    line.destination(),
                    code.isEmpty() ? "manual" : code,
                    line.variation(),
                    name,
                    price,
                    rate,
                    line.quantity()));
        }
        return new FilledLines(filled, problems);
    }

    /** The totals and tax per rate the edit comes to, its lines filled in as {@link #fill} does. */
    public static ShopOrder.Amounts amounts(OrderEdit edit, List<OrderEdit.Line> filledLines) {
        Map<Integer, Long> itemsByRate = new TreeMap<>();
        filledLines.forEach(l -> itemsByRate.merge(
                l.taxRate() == null ? 10 : l.taxRate(),
                (l.unitPrice() == null ? 0 : l.unitPrice()) * l.quantity(),
                Long::sum));
        return ShopOrder.Amounts.of(
                itemsByRate,
                edit.shippingFee(),
                edit.codFee(),
                edit.giftWrappingFee(),
                edit.couponDiscount(),
                edit.pointsUsed());
    }

    /**
     * @return the changes made, one line each (empty when nothing changed)
     * @throws OrderEditConflict when someone saved the order after {@code edit.version()}
     * @throws IllegalArgumentException with every problem (one per line) when the edit cannot be saved as it is
     */
    @Transactional
    public List<String> edit(long orderId, OrderEdit edit, String actor) {
        OrderDetail before =
                orders.detail(orderId).orElseThrow(() -> new IllegalArgumentException("受注 " + orderId + " はありません"));
        if (before.version() != edit.version()) {
            throw conflict(before);
        }
        FilledLines filled = fill(edit.lines());
        List<String> problems = new ArrayList<>(filled.problems());
        List<OrderEdit.Line> lines = filled.lines();
        Map<Integer, OrderDetail.Shipment> existing = new LinkedHashMap<>();
        before.shipments().forEach(s -> existing.put(s.deliveryId(), s));

        // number new destinations after the highest delivery id the order has had
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
        checkShape(edit, lines, existing, deliveryIdOf, problems);
        ShopOrder.Amounts amounts = amounts(edit, lines);
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
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }

        List<String> changes = new ArrayList<>();
        boolean splitCod = CashOnDelivery.applies(edit.paymentMethod())
                && edit.destinations().size() > 1;
        Set<Integer> kept = new HashSet<>();
        for (OrderEdit.Destination d : edit.destinations()) {
            int deliveryId = deliveryIdOf.get(d.key());
            kept.add(deliveryId);
            OrderEdit.Person r = d.recipient();
            String timeSlot = blankToNull(d.timeSlot());
            Long cod = splitCod ? d.codAmount() : null;
            String label = "お届け先" + deliveryId;
            OrderDetail.Shipment s = existing.get(deliveryId);
            if (s == null) {
                jdbc.sql("""
                                insert into shipment (order_id, delivery_id, name, phone, postal_code, prefecture,
                                    address1, address2, delivery_date, time_slot, cod_amount)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                                """)
                        .params(
                                orderId,
                                deliveryId,
                                r.name(),
                                r.phone(),
                                r.postalCode(),
                                r.prefecture(),
                                r.address1(),
                                blankToNull(r.address2()),
                                d.deliveryDate(),
                                timeSlot,
                                cod)
                        .update();
                changes.add(label + "を追加: " + r.name() + " " + address(r)
                        + (timeSlot == null ? "" : " 時間帯 " + TimeSlot.labelOf(timeSlot))
                        + (cod == null ? "" : " 代引金額 " + Money.yen(cod)));
                continue;
            }
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
            jdbc.sql("""
                            update shipment set name = ?, phone = ?, postal_code = ?, prefecture = ?, address1 = ?,
                                   address2 = ?, delivery_date = ?, time_slot = ?, cod_amount = ?
                            where order_id = ? and delivery_id = ?
                            """)
                    .params(
                            r.name(),
                            r.phone(),
                            r.postalCode(),
                            r.prefecture(),
                            r.address1(),
                            blankToNull(r.address2()),
                            d.deliveryDate(),
                            timeSlot,
                            cod,
                            orderId,
                            deliveryId)
                    .update();
        }
        for (OrderDetail.Shipment s : before.shipments()) {
            if (!kept.contains(s.deliveryId())) {
                jdbc.sql("delete from shipment where order_id = ? and delivery_id = ?")
                        .params(orderId, s.deliveryId())
                        .update();
                changes.add("お届け先" + s.deliveryId() + "を削除: " + s.name());
            }
        }
        replaceLines(orderId, before, lines, deliveryIdOf, changes);

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
        if (changes.isEmpty()) {
            return changes;
        }
        int saved = jdbc.sql("""
                        update oms_order set buyer_name = ?, buyer_kana = ?, buyer_email = ?, buyer_phone = ?,
                               buyer_postal_code = ?, buyer_prefecture = ?, buyer_address1 = ?, buyer_address2 = ?,
                               payment_method = ?, items_total = ?, shipping_fee = ?, cod_fee = ?,
                               gift_wrapping_fee = ?, coupon_discount = ?, points_used = ?, total = ?, tax = ?::jsonb,
                               memo = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?
                        """)
                .params(
                        b.name(),
                        blankToNull(edit.buyerKana()),
                        blankToNull(edit.buyerEmail()),
                        b.phone(),
                        b.postalCode(),
                        b.prefecture(),
                        b.address1(),
                        blankToNull(b.address2()),
                        edit.paymentMethod(),
                        amounts.itemsTotal(),
                        amounts.shippingFee(),
                        amounts.codFee(),
                        amounts.giftWrappingFee(),
                        amounts.couponDiscount(),
                        amounts.pointsUsed(),
                        amounts.total(),
                        json.writeValueAsString(amounts.tax()),
                        blankToNull(edit.memo()),
                        orderId,
                        edit.version())
                .update();
        if (saved == 0) {
            // someone saved between our read and this write: roll back everything written above
            throw conflict(orders.detail(orderId).orElseThrow());
        }
        String summary = String.join(" / ", changes);
        jdbc.sql(Orders.INSERT_HISTORY)
                .params(orderId, "EDITED", actor, summary)
                .update();
        audit.record(actor, "ORDER_EDITED", "order:" + before.orderNumber(), summary);
        events.publishEvent(new OrderEdited(orderId));
        return changes;
    }

    /**
     * 代引金額の設定 on the order page: the amount each destination of a cash-on-delivery order collects. Saved only if
     * they add up to the order's total and the order is still at {@code version}.
     */
    @Transactional
    public List<String> splitCashOnDelivery(long orderId, long version, Map<Integer, Long> amounts, String actor) {
        OrderDetail order =
                orders.detail(orderId).orElseThrow(() -> new IllegalArgumentException("受注 " + orderId + " はありません"));
        if (order.version() != version) {
            throw conflict(order);
        }
        if (!CashOnDelivery.needsSplit(order)) {
            throw new IllegalArgumentException("代金引換でお届け先が2つ以上ある受注だけ、お届け先ごとの代引金額を設定できます");
        }
        List<Long> values =
                order.shipments().stream().map(s -> amounts.get(s.deliveryId())).toList();
        CashOnDelivery.problem(values, order.total()).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        List<String> changes = new ArrayList<>();
        for (OrderDetail.Shipment s : order.shipments()) {
            Long amount = amounts.get(s.deliveryId());
            compare(changes, "お届け先" + s.deliveryId() + "の代引金額", yenOrNull(s.codAmount()), yenOrNull(amount));
            jdbc.sql("update shipment set cod_amount = ? where order_id = ? and delivery_id = ?")
                    .params(amount, orderId, s.deliveryId())
                    .update();
        }
        if (changes.isEmpty()) {
            return changes;
        }
        int saved = jdbc.sql(
                        "update oms_order set version = version + 1, updated_at = now() where id = ? and version = ?")
                .params(orderId, version)
                .update();
        if (saved == 0) {
            throw conflict(orders.detail(orderId).orElseThrow());
        }
        String summary = String.join(" / ", changes);
        jdbc.sql(Orders.INSERT_HISTORY)
                .params(orderId, "EDITED", actor, summary)
                .update();
        audit.record(actor, "ORDER_EDITED", "order:" + order.orderNumber(), summary);
        return changes;
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

    /** A line as the history compares it. */
    private record LineView(int destination, String code, String name, long price, int quantity, int rate) {

        @Override
        public String toString() {
            return "お届け先" + destination + " " + name + " (" + code + ") " + Money.yen(price) + " × " + quantity + " ["
                    + rate + "%]";
        }

        boolean sameProduct(LineView o) {
            return code.equals(o.code) && name.equals(o.name) && rate == o.rate;
        }
    }

    private void replaceLines(
            long orderId,
            OrderDetail before,
            List<OrderEdit.Line> lines,
            Map<Integer, Integer> deliveryIdOf,
            List<String> changes) {
        List<LineView> was = new ArrayList<>();
        List<LineView> now = new ArrayList<>();
        for (OrderDetail.Shipment s : before.shipments()) {
            for (OrderDetail.Item i : s.items()) {
                was.add(new LineView(s.deliveryId(), i.itemCode(), i.name(), i.unitPrice(), i.quantity(), i.taxRate()));
            }
        }
        for (OrderEdit.Line l : lines) {
            now.add(new LineView(
                    deliveryIdOf.get(l.destination()),
                    l.itemCode(),
                    l.name(),
                    l.unitPrice(),
                    l.quantity(),
                    l.taxRate()));
        }
        if (was.equals(now)) {
            return;
        }
        changes.addAll(lineChanges(was, now));
        jdbc.sql("delete from order_item where shipment_id in (select id from shipment where order_id = ?)")
                .param(orderId)
                .update();
        Map<Integer, Integer> lineNo = new LinkedHashMap<>();
        for (OrderEdit.Line l : lines) {
            int deliveryId = deliveryIdOf.get(l.destination());
            int no = lineNo.merge(deliveryId, 1, Integer::sum);
            jdbc.sql("""
                            insert into order_item (shipment_id, line_no, item_code, variation, name, unit_price,
                                quantity, tax_rate)
                            values ((select id from shipment where order_id = ? and delivery_id = ?), ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            orderId,
                            deliveryId,
                            no,
                            l.itemCode(),
                            blankToNull(l.variation()),
                            l.name(),
                            l.unitPrice(),
                            l.quantity(),
                            l.taxRate())
                    .update();
        }
    }

    /** The lines' changes as a merchant reads them: quantity, price, moved, removed, added. */
    private static List<String> lineChanges(List<LineView> was, List<LineView> now) {
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

    private static LineView first(List<LineView> lines, java.util.function.Predicate<LineView> test) {
        return lines.stream().filter(test).findFirst().orElse(null);
    }

    private OrderEditConflict conflict(OrderDetail current) {
        String savedBy = current.history().stream()
                .reduce((first, second) -> second)
                .map(OrderDetail.HistoryEntry::actor)
                .orElse("別の担当者");
        return new OrderEditConflict(savedBy);
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

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
