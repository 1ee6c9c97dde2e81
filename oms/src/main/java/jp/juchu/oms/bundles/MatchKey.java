package jp.juchu.oms.bundles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import jp.juchu.oms.orders.OrderDetail;

/**
 * What two orders must share to ship together: the shop, the buyer's name and e-mail, the destination's name and
 * address (normalised: {@link Normalised}), the carrier, the desired date and time slot, the temperature zone, the
 * gift options and the payment method — as a SHA-256, so that finding is one indexed look-up.
 */
final class MatchKey {

    /** Statuses an order is past bundling in: printed, shipped, cancelled. */
    static final Set<String> CLOSED = Set.of("PRINTED", "SHIPPED", "CANCELLED");

    private MatchKey() {}

    /**
     * The order's key, or empty when it cannot be bundled: printed, shipped or cancelled (here or at the shop), sent
     * to several destinations, or already given a tracking number.
     *
     * @param carrier the shipment's carrier (the merchant's, else the shop's); null when unknown
     * @param zones the temperature zones of its products, e.g. "NORMAL"
     */
    static Optional<String> of(OrderDetail order, String carrier, String zones) {
        if (!bundleable(order)) {
            return Optional.empty();
        }
        OrderDetail.Shipment s = order.shipments().get(0);
        String postal = s.postalCode() == null ? "" : s.postalCode().replaceAll("\\D", "");
        List<String> parts = List.of(
                String.valueOf(order.connectionId()),
                Normalised.text(order.buyerName()),
                order.buyerEmail() == null ? "" : order.buyerEmail().strip().toLowerCase(Locale.ROOT),
                Normalised.text(s.name()),
                postal,
                Normalised.text(nullToEmpty(s.prefecture()) + nullToEmpty(s.address1()) + nullToEmpty(s.address2())),
                carrier == null ? "" : carrier,
                s.deliveryDate() == null ? "" : s.deliveryDate().toString(),
                s.timeSlot() == null ? "" : s.timeSlot().strip(),
                zones,
                String.valueOf(s.giftWrapping()),
                Normalised.text(s.noshi()),
                order.paymentMethod());
        return Optional.of(sha256(String.join("\u001f", parts)));
    }

    static boolean bundleable(OrderDetail order) {
        return !CLOSED.contains(order.workflowStatus())
                && !"Cancelled".equals(order.shopOrderStatus())
                && order.shipments().size() == 1
                && order.shipments().get(0).trackingNumber() == null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
