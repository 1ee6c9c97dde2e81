package jp.juchu.oms.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import jp.juchu.oms.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves a person's edit of an order with optimistic locking: the edit names the version it started from and is
 * saved only if the order is still at that version. Totals and tax per rate are recomputed by the shops' rule; the
 * history and the audit log say who changed what.
 */
@Service
public class OrderEditing {

    private final Orders orders;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json = JsonMapper.builder().build();

    OrderEditing(Orders orders, JdbcClient jdbc, AuditLog audit) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * @return the changes made, one line each (empty when nothing changed)
     * @throws OrderEditConflict when someone saved the order after {@code edit.version()}
     * @throws IllegalArgumentException when the edit leaves a negative total or names an unknown line
     */
    @Transactional
    public List<String> edit(long orderId, OrderEdit edit, String actor) {
        OrderDetail before =
                orders.detail(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        if (before.version() != edit.version()) {
            throw conflict(before);
        }
        List<String> changes = new ArrayList<>();
        Map<Integer, Long> itemsByRate = new TreeMap<>();
        for (OrderDetail.Shipment shipment : before.shipments()) {
            OrderEdit.Destination destination = edit.destinations().stream()
                    .filter(d -> d.deliveryId() == shipment.deliveryId())
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("お届け先 " + shipment.deliveryId() + " がありません"));
            for (OrderDetail.Item item : shipment.items()) {
                int quantity = destination.quantities().getOrDefault(item.lineNo(), item.quantity());
                if (quantity < 1 || quantity > 999) {
                    throw new IllegalArgumentException(item.name() + " の数量は1〜999で入力してください");
                }
                if (quantity != item.quantity()) {
                    changes.add("数量 " + item.name() + ": " + item.quantity() + " → " + quantity);
                    jdbc.sql("update order_item set quantity = ? where line_no = ? and shipment_id ="
                                    + " (select id from shipment where order_id = ? and delivery_id = ?)")
                            .params(quantity, item.lineNo(), orderId, shipment.deliveryId())
                            .update();
                }
                itemsByRate.merge(item.taxRate(), item.unitPrice() * quantity, Long::sum);
            }
            OrderEdit.Person r = destination.recipient();
            String label = "お届け先" + shipment.deliveryId();
            compare(changes, label + "の氏名", shipment.name(), r.name());
            compare(changes, label + "の電話", shipment.phone(), r.phone());
            compare(
                    changes,
                    label + "の住所",
                    address(shipment.postalCode(), shipment.prefecture(), shipment.address1(), shipment.address2()),
                    address(r.postalCode(), r.prefecture(), r.address1(), r.address2()));
            compare(changes, label + "のお届け希望日", shipment.deliveryDate(), destination.deliveryDate());
            compare(changes, label + "の時間帯", shipment.timeSlot(), blankToNull(destination.timeSlot()));
            jdbc.sql("""
                            update shipment set name = ?, phone = ?, postal_code = ?, prefecture = ?, address1 = ?,
                                   address2 = ?, delivery_date = ?, time_slot = ?
                            where order_id = ? and delivery_id = ?
                            """)
                    .params(
                            r.name(),
                            r.phone(),
                            r.postalCode(),
                            r.prefecture(),
                            r.address1(),
                            blankToNull(r.address2()),
                            destination.deliveryDate(),
                            blankToNull(destination.timeSlot()),
                            orderId,
                            shipment.deliveryId())
                    .update();
        }
        ShopOrder.Amounts amounts = ShopOrder.Amounts.of(
                itemsByRate,
                edit.shippingFee(),
                edit.codFee(),
                edit.giftWrappingFee(),
                edit.couponDiscount(),
                edit.pointsUsed());
        if (amounts.total() < 0) {
            throw new IllegalArgumentException("値引きとポイントが合計を超えています（合計 " + amounts.total() + "円）");
        }
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
                address(b.postalCode(), b.prefecture(), b.address1(), b.address2()));
        compare(changes, "送料", before.shippingFee(), amounts.shippingFee());
        compare(changes, "代引手数料", before.codFee(), amounts.codFee());
        compare(changes, "ギフト包装料", before.giftWrappingFee(), amounts.giftWrappingFee());
        compare(changes, "クーポン値引", before.couponDiscount(), amounts.couponDiscount());
        compare(changes, "ポイント利用", before.pointsUsed(), amounts.pointsUsed());
        compare(changes, "合計", before.total(), amounts.total());
        compare(changes, "社内メモ", blankToNull(before.memo()), blankToNull(edit.memo()));
        if (changes.isEmpty()) {
            return changes;
        }
        int saved = jdbc.sql("""
                        update oms_order set buyer_name = ?, buyer_kana = ?, buyer_email = ?, buyer_phone = ?,
                               buyer_postal_code = ?, buyer_prefecture = ?, buyer_address1 = ?, buyer_address2 = ?,
                               items_total = ?, shipping_fee = ?, cod_fee = ?, gift_wrapping_fee = ?,
                               coupon_discount = ?, points_used = ?, total = ?, tax = ?::jsonb, memo = ?,
                               version = version + 1, updated_at = now()
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
        return changes;
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

    private static String address(String postalCode, String prefecture, String address1, String address2) {
        return String.join(
                        " ",
                        Objects.toString(postalCode, ""),
                        Objects.toString(prefecture, "")
                                + Objects.toString(address1, "")
                                + Objects.toString(blankToNull(address2), ""))
                .strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
