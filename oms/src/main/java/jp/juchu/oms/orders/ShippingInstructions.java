package jp.juchu.oms.orders;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the OMS tells the carrier and the buyer beyond the shop's order (配送指示): per shipment the carrier, its
 * service and cool type, and the slip's remark (送り状の記事); per order the delivery note's remark (納品書の備考).
 * Set before printing only — once a slip is printed what it says is fixed — with a line in the order's history. The
 * slip export and the delivery note read them here.
 */
@Service
public class ShippingInstructions {

    public static final int SLIP_REMARK = 200;
    public static final int DELIVERY_NOTE_REMARK = 500;
    public static final Set<String> COOL_TYPES = Set.of("NORMAL", "CHILLED", "FROZEN");

    /** Statuses after which a slip exists or never will: the instructions stay as they are. */
    private static final Set<String> FIXED = Set.of("PRINTED", "SHIPPED", "CANCELLED");

    /**
     * One shipment's instructions; null where none was given (the carrier's default: its usual service, no cool).
     *
     * @param carrier the OMS's carrier code ({@code YAMATO}), or the one a tracking number came with
     * @param coolType NORMAL, CHILLED or FROZEN
     */
    public record Instruction(int deliveryId, String carrier, String service, String coolType, String slipRemark) {}

    private final JdbcClient jdbc;

    ShippingInstructions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The instructions of each of an order's shipments, by delivery id. */
    public Map<Integer, Instruction> of(long orderId) {
        Map<Integer, Instruction> found = new TreeMap<>();
        jdbc.sql("select delivery_id, carrier, carrier_service as service, cool_type, slip_remark from shipment"
                        + " where order_id = ? order by delivery_id")
                .param(orderId)
                .query(Instruction.class)
                .list()
                .forEach(i -> found.put(i.deliveryId(), i));
        return found;
    }

    /** The delivery note's remark (納品書の備考), or "" for none. */
    public String deliveryNoteRemark(long orderId) {
        return jdbc.sql("select coalesce(delivery_note_remark, '') from oms_order where id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse("");
    }

    /**
     * Assigns a carrier (and optionally its service and cool type; null leaves each as it is) to every shipment of
     * the order that has no tracking number yet.
     *
     * @return why it was not done (the order is printed, shipped or cancelled; a value out of bounds), or empty
     */
    @Transactional
    public Optional<String> assign(long orderId, String carrier, String service, String coolType, String actor) {
        if (carrier == null || carrier.isBlank() || carrier.length() > 20) {
            return Optional.of("配送業者がありません");
        }
        if (service != null && service.length() > 20) {
            return Optional.of("配送サービスは20文字までです");
        }
        if (coolType != null && !COOL_TYPES.contains(coolType)) {
            return Optional.of("温度帯は NORMAL / CHILLED / FROZEN のどれかです");
        }
        Optional<String> fixed = fixed(orderId);
        if (fixed.isPresent()) {
            return fixed;
        }
        int changed = jdbc.sql("""
                        update shipment set carrier = ?, carrier_service = coalesce(?, carrier_service),
                               cool_type = coalesce(?, cool_type)
                        where order_id = ? and tracking_number is null
                        """).params(carrier, service, coolType, orderId).update();
        if (changed == 0) {
            return Optional.of("伝票番号のないお届け先がありません");
        }
        history(
                orderId,
                actor,
                "配送指示: " + carrier + (service == null ? "" : " " + service)
                        + (coolType == null ? "" : " 温度帯 " + coolType));
        return Optional.empty();
    }

    /** Sets one shipment's cool type (when a split by temperature zone made it), unless it has a tracking number. */
    @Transactional
    public void cool(long orderId, int deliveryId, String coolType) {
        if (!COOL_TYPES.contains(coolType)) {
            throw new IllegalArgumentException("温度帯は NORMAL / CHILLED / FROZEN のどれかです");
        }
        jdbc.sql("update shipment set cool_type = ? where order_id = ? and delivery_id = ? and tracking_number is null")
                .params(coolType, orderId, deliveryId)
                .update();
    }

    /**
     * Appends a line to the slip remark (送り状の記事) of every shipment of the order.
     *
     * @return why it was not done (printed or cancelled, or a remark would pass {@link #SLIP_REMARK} characters)
     */
    @Transactional
    public Optional<String> appendSlipRemark(long orderId, String remark, String actor) {
        String text = remark.replaceAll("\\s+", " ").strip();
        Optional<String> fixed = fixed(orderId);
        if (fixed.isPresent()) {
            return fixed;
        }
        List<String> remarks = jdbc.sql("select coalesce(slip_remark, '') from shipment where order_id = ? for update")
                .param(orderId)
                .query(String.class)
                .list();
        if (remarks.stream().anyMatch(r -> joined(r, text).length() > SLIP_REMARK)) {
            return Optional.of("送り状の記事が" + SLIP_REMARK + "文字を超えるため追記しませんでした");
        }
        jdbc.sql("update shipment set slip_remark = case when coalesce(slip_remark, '') = '' then ?"
                        + " else slip_remark || ' ' || ? end where order_id = ?")
                .params(text, text, orderId)
                .update();
        history(orderId, actor, "送り状の記事に追記: " + text);
        return Optional.empty();
    }

    /**
     * Appends a line to the delivery note's remark (納品書の備考).
     *
     * @return why it was not done (printed or cancelled, or the remark would pass {@link #DELIVERY_NOTE_REMARK})
     */
    @Transactional
    public Optional<String> appendDeliveryNoteRemark(long orderId, String text, String actor) {
        Optional<String> fixed = fixed(orderId);
        if (fixed.isPresent()) {
            return fixed;
        }
        String now = jdbc.sql("select coalesce(delivery_note_remark, '') from oms_order where id = ? for update")
                .param(orderId)
                .query(String.class)
                .single();
        String appended = now.isEmpty() ? text : now + "\n" + text;
        if (appended.length() > DELIVERY_NOTE_REMARK) {
            return Optional.of("納品書の備考が" + DELIVERY_NOTE_REMARK + "文字を超えるため追記しませんでした");
        }
        jdbc.sql("update oms_order set delivery_note_remark = ?, version = version + 1, updated_at = now()"
                        + " where id = ?")
                .params(appended, orderId)
                .update();
        jdbc.sql(Orders.INSERT_HISTORY)
                .params(orderId, "EDITED", actor, "納品書の備考に追記: " + text)
                .update();
        return Optional.empty();
    }

    private Optional<String> fixed(long orderId) {
        Optional<String> status = jdbc.sql("select workflow_status from oms_order where id = ? for update")
                .param(orderId)
                .query(String.class)
                .optional();
        if (status.isEmpty()) {
            return Optional.of("受注 " + orderId + " はありません");
        }
        return FIXED.contains(status.get()) ? Optional.of("印刷済み・出荷済み・キャンセルの受注の配送指示は変えられません") : Optional.empty();
    }

    private void history(long orderId, String actor, String summary) {
        jdbc.sql("update oms_order set version = version + 1, updated_at = now() where id = ?")
                .param(orderId)
                .update();
        jdbc.sql(Orders.INSERT_HISTORY)
                .params(orderId, "EDITED", actor, summary)
                .update();
    }

    private static String joined(String now, String text) {
        return now.isEmpty() ? text : now + " " + text;
    }
}
