package jp.juchu.oms.orders;

import static jp.juchu.oms.orders.OrderEditWording.blankToNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.OrderEditWording.LineView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a checked edit: its destinations, its lines, the order's row (only if the order is still at the edit's
 * version), and the history entry and audit line that say who changed what. Each write adds its changes, worded by
 * {@link OrderEditWording}.
 */
@Component
class OrderEditWriter {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json = JsonMapper.builder().build();

    OrderEditWriter(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Adds, updates and removes the order's destinations ({@code existing}, by delivery id) as the edit has them. */
    void destinations(
            long orderId,
            Map<Integer, OrderDetail.Shipment> existing,
            OrderEdit edit,
            Map<Integer, Integer> deliveryIdOf,
            List<String> changes) {
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
                changes.add(OrderEditWording.destinationAdded(label, r, timeSlot, cod));
                continue;
            }
            OrderEditWording.destinationChanges(changes, label, s, d, timeSlot, cod);
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
        for (OrderDetail.Shipment s : existing.values()) {
            if (!kept.contains(s.deliveryId())) {
                jdbc.sql("delete from shipment where order_id = ? and delivery_id = ?")
                        .params(orderId, s.deliveryId())
                        .update();
                changes.add("お届け先" + s.deliveryId() + "を削除: " + s.name());
            }
        }
    }

    /** @return whether the lines changed */
    boolean lines(
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
            return false;
        }
        changes.addAll(OrderEditWording.lineChanges(was, now));
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
        return true;
    }

    /** @return whether the order was still at the edit's version (and is now saved one past it) */
    boolean order(long orderId, OrderEdit edit, ShopOrder.Amounts amounts) {
        OrderEdit.Person b = edit.buyer();
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
        return saved > 0;
    }

    /** Sets each destination's cash-on-delivery amount, adding the changes. */
    void codAmounts(long orderId, OrderDetail order, Map<Integer, Long> amounts, List<String> changes) {
        for (OrderDetail.Shipment s : order.shipments()) {
            Long amount = amounts.get(s.deliveryId());
            OrderEditWording.codAmountChange(changes, s, amount);
            jdbc.sql("update shipment set cod_amount = ? where order_id = ? and delivery_id = ?")
                    .params(amount, orderId, s.deliveryId())
                    .update();
        }
    }

    /** @return whether the order was still at {@code version} (and is now one past it) */
    boolean nextVersion(long orderId, long version) {
        return jdbc.sql("update oms_order set version = version + 1, updated_at = now() where id = ? and version = ?")
                        .params(orderId, version)
                        .update()
                > 0;
    }

    /** The edit in the order's history and the audit log, its changes joined in one line. */
    void recordEdited(long orderId, String orderNumber, String actor, List<String> changes) {
        String summary = String.join(" / ", changes);
        jdbc.sql(Orders.INSERT_HISTORY)
                .params(orderId, "EDITED", actor, summary)
                .update();
        audit.record(actor, "ORDER_EDITED", "order:" + orderNumber, summary);
    }
}
