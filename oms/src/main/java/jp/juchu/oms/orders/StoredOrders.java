package jp.juchu.oms.orders;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the OMS holds of a shop's orders, read by serial code before a page of them is applied: the content hash and
 * the shop's last change of each, and the stored fields a shop change is compared with.
 */
@Component
class StoredOrders {

    private final JdbcClient jdbc;

    StoredOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored content hash of each of these orders that the OMS already has. */
    Map<String, String> contentHashes(long connectionId, Collection<String> serialCodes) {
        Map<String, String> hashes = new HashMap<>();
        if (serialCodes.isEmpty()) {
            return hashes;
        }
        jdbc.sql("select serial_code, content_hash from oms_order where connection_id = ? and serial_code = any (?)")
                .params(connectionId, serialCodes.toArray(String[]::new))
                .query(rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        return hashes;
    }

    /** When the shop last changed each of these orders, as the OMS last imported them. */
    Map<String, Instant> shopUpdatedAt(long connectionId, Collection<String> serialCodes) {
        Map<String, Instant> updated = new HashMap<>();
        if (serialCodes.isEmpty()) {
            return updated;
        }
        jdbc.sql("select serial_code, shop_updated_at from oms_order where connection_id = ? and serial_code = any (?)")
                .params(connectionId, serialCodes.toArray(String[]::new))
                .query(rs -> {
                    updated.put(
                            rs.getString(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MICROS));
                });
        return updated;
    }

    /** An order as stored, with what a shop change is compared with. */
    record Stored(
            long id,
            String contentHash,
            OffsetDateTime shopUpdatedAt,
            String workflowStatus,
            String orderStatus,
            String paymentStatus,
            String shippingStatus,
            long total,
            String buyerAddress,
            boolean shippingAssigned) {}

    /** The stored ones of these orders by serial code, locked for update until the caller's transaction ends. */
    Map<String, Stored> forUpdate(long connectionId, Collection<String> serialCodes) {
        if (serialCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql("""
                        select o.serial_code, o.id, o.content_hash, o.shop_updated_at, o.workflow_status,
                               o.shop_order_status,
                               o.shop_payment_status, o.shop_shipping_status, o.total,
                               concat_ws(' ', o.buyer_postal_code, o.buyer_prefecture, o.buyer_address1, o.buyer_address2) as address,
                               exists (select 1 from shipment s where s.order_id = o.id and s.tracking_number is not null) as assigned
                        from oms_order o
                        where o.connection_id = ? and o.serial_code = any (?)
                        for update
                        """).params(connectionId, serialCodes.toArray(String[]::new)).query(rs -> {
            stored.put(
                    rs.getString("serial_code"),
                    new Stored(
                            rs.getLong("id"),
                            rs.getString("content_hash"),
                            rs.getObject("shop_updated_at", OffsetDateTime.class),
                            rs.getString("workflow_status"),
                            rs.getString("shop_order_status"),
                            rs.getString("shop_payment_status"),
                            rs.getString("shop_shipping_status"),
                            rs.getLong("total"),
                            rs.getString("address"),
                            rs.getBoolean("assigned")));
        });
        return stored;
    }
}
