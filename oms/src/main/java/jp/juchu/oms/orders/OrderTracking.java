package jp.juchu.oms.orders;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracking numbers (伝票番号) on an order's shipments, under the workflow's rules: which order may take one, a number
 * replaced only when asked, and the order moved to 出荷済み when its last shipment has one. Every path — the tracking
 * file, the order page, the API — records them here.
 */
@Service
public class OrderTracking {

    /** A tracking number given to a shipment: whether anything changed, replaced a number, and shipped the order. */
    public record TrackingRecorded(boolean changed, boolean overwritten, boolean orderShipped) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final StatusWrites writes;

    OrderTracking(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, StatusWrites writes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.writes = writes;
    }

    /**
     * Why a shipment of an order may not take this tracking number now; empty when it may (or already has it). The
     * order must be in 出荷待ち or 印刷済み and allowed to ship (not cancelled here or at the shop, not held, paid
     * or with 入金前に出荷する recorded); a shipment with another number takes a new one only with {@code overwrite}.
     */
    public Optional<String> trackingRefusal(
            long orderId, int deliveryId, String trackingNumber, boolean overwrite, Actor actor) {
        return writes.state(orderId, false)
                .map(order -> trackingRefusal(order, deliveryId, trackingNumber, overwrite, actor))
                .orElse(Optional.of("受注が見つかりません"));
    }

    /**
     * Gives a shipment its tracking number, under the rules of {@link #trackingRefusal}. When every shipment of the
     * order has one, the order moves to 出荷済み. The same number again changes nothing.
     *
     * @throws TransitionRefused when the rules refuse it
     */
    @Transactional
    public TrackingRecorded recordTracking(
            long orderId,
            int deliveryId,
            String carrier,
            String trackingNumber,
            LocalDate shippedDate,
            boolean overwrite,
            Actor actor) {
        Transitions.OrderState order =
                writes.state(orderId, true).orElseThrow(() -> new IllegalArgumentException("受注がありません: " + orderId));
        Optional<String> refusal = trackingRefusal(order, deliveryId, trackingNumber, overwrite, actor);
        if (refusal.isPresent()) {
            throw new TransitionRefused(new OrderWorkflow.Refusal(orderId, order.orderNumber(), refusal.get()));
        }
        String before = trackingNumber(orderId, deliveryId).orElse(null);
        if (trackingNumber.equals(before)) {
            return new TrackingRecorded(false, false, Transitions.SHIPPED.equals(order.status()));
        }
        jdbc.sql("update shipment set carrier = ?, tracking_number = ?, shipped_date = ?"
                        + " where order_id = ? and delivery_id = ?")
                .params(carrier, trackingNumber, shippedDate, orderId, deliveryId)
                .update();
        String summary = before == null
                ? "お届け先" + deliveryId + " の伝票番号 " + trackingNumber + " (" + carrier + ")"
                : "お届け先" + deliveryId + " の伝票番号を上書き: " + before + " → " + trackingNumber + " (" + carrier + ")";
        writes.history(orderId, "SHIPPING", actor, summary);
        events.publishEvent(new TrackingNumberRecorded(orderId, deliveryId, carrier, shippedDate));
        if (before != null && actor.isPerson()) {
            audit.record(actor.name(), "TRACKING_OVERWRITTEN", "order:" + order.orderNumber(), summary);
        }
        boolean complete = jdbc.sql("select not exists (select 1 from shipment where order_id = ?"
                        + " and coalesce(tracking_number, shop_tracking_number) is null)")
                .param(orderId)
                .query(Boolean.class)
                .single();
        if (complete && !Transitions.SHIPPED.equals(order.status())) {
            writes.apply(order, Transitions.SHIPPED, actor, false, null, "伝票番号の取込", writes.names());
        }
        return new TrackingRecorded(true, before != null, complete);
    }

    private Optional<String> trackingRefusal(
            Transitions.OrderState order, int deliveryId, String trackingNumber, boolean overwrite, Actor actor) {
        boolean shipmentExists = jdbc.sql(
                        "select exists (select 1 from shipment where order_id = ? and delivery_id = ?)")
                .params(order.id(), deliveryId)
                .query(Boolean.class)
                .single();
        if (!shipmentExists) {
            return Optional.of("お届け先" + deliveryId + " が見つかりません");
        }
        Optional<String> before = trackingNumber(order.id(), deliveryId);
        if (before.isPresent() && before.get().equals(trackingNumber)) {
            return Optional.empty();
        }
        if (before.isPresent() && !overwrite) {
            return Optional.of("お届け先" + deliveryId + " にはすでに伝票番号 " + before.get() + " があります。置き換えるには「上書きする」を選んでください");
        }
        Map<String, String> names = writes.names();
        Transitions.Stage stage = Transitions.Stage.of(order.status());
        if (stage == Transitions.Stage.SHIPPED) {
            if (order.shopCancelled()) {
                return Optional.of("ショップでキャンセルされた受注です");
            }
            // a shipped order takes only a replacement for a number it has
            return before.isPresent() ? Optional.empty() : Optional.of("出荷済みの受注です");
        }
        if (stage == Transitions.Stage.OPEN) {
            return Optional.of("出荷待ち・印刷済みの受注ではありません (いまは「" + names.get(order.status()) + "」)");
        }
        return Transitions.refusal(order, Transitions.SHIPPED, actor, false, false, c -> names.getOrDefault(c, c));
    }

    private Optional<String> trackingNumber(long orderId, int deliveryId) {
        return jdbc.sql("select tracking_number from shipment where order_id = ? and delivery_id = ?"
                        + " and tracking_number is not null")
                .params(orderId, deliveryId)
                .query(String.class)
                .optional();
    }
}
