package jp.juchu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault soak's end: the shop's orders read three ways — over its management API, straight from its database,
 * and as the OMS holds them — and compared order by order, with the OMS's own record of how often each order was
 * imported. Each side is a map from serial code to a fingerprint of serial code, {@code updated_at}, the three
 * states, total, buyer address and each delivery's address and tracking number.
 */
final class SoakComparison {

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the OMS holds and how it got there. */
    record OmsSide(
            Map<String, String> orders,
            int rows,
            int serialsTwice,
            int importedTwice,
            int neverImported,
            long createdByRuns,
            int quarantinedSeen,
            int quarantinedOpen) {}

    /** One side against another: missing, older content, and orders only the second side has. */
    record Difference(int lost, int stale, int unknown) {
        boolean none() {
            return lost == 0 && stale == 0 && unknown == 0;
        }
    }

    static Difference compare(Map<String, String> shop, Map<String, String> other) {
        int lost = 0;
        int stale = 0;
        for (Map.Entry<String, String> order : shop.entrySet()) {
            String theirs = other.get(order.getKey());
            if (theirs == null) {
                lost++;
            } else if (!theirs.equals(order.getValue())) {
                stale++;
            }
        }
        int unknown = (int) other.keySet().stream()
                .filter(serial -> !shop.containsKey(serial))
                .count();
        return new Difference(lost, stale, unknown);
    }

    /** Every order of the demo shop, read over the management API with the current key, by cursor. */
    Map<String, String> shopApi(String baseUrl, String shopId, String managerKey) throws Exception {
        Map<String, String> orders = new HashMap<>();
        String cursor = null;
        String authorization = "Basic "
                + Base64.getEncoder().encodeToString((shopId + ":" + managerKey).getBytes(StandardCharsets.UTF_8));
        do {
            String body = "{\"since\":\"2000-01-01T00:00:00+09:00\",\"size\":100"
                    + (cursor == null ? ",\"from\":0" : ",\"search_after\":\"" + cursor + "\"") + "}";
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/management/v2/orders/_retrieve/all"))
                            .header("Authorization", authorization)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode answer = json.readTree(page.body());
            for (JsonNode order : answer.get("orders")) {
                List<String> deliveries = new ArrayList<>();
                for (JsonNode d : order.get("deliveries")) {
                    JsonNode tracking = d.path("shipping").path("tracking_number");
                    deliveries.add(d.get("delivery_id").asInt() + ":"
                            + d.path("address1").asString("") + ":"
                            + (tracking.isNull() || tracking.isMissingNode() ? "" : tracking.asString()));
                }
                String serial = order.get("serial_code").asString();
                orders.put(
                        serial,
                        fingerprint(
                                serial,
                                OffsetDateTime.parse(order.get("updated_at").asString())
                                        .toInstant(),
                                order.get("order_status").asString(),
                                order.get("payment_status").asString(),
                                order.get("shipping_status").asString(),
                                order.get("amounts").get("total").asLong(),
                                order.get("buyer").get("address1").asString(),
                                String.join("|", deliveries)));
            }
            JsonNode next = answer.get("next_search_after");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return orders;
    }

    /** Every order of the demo shop as its own database holds it, not as its API says. */
    Map<String, String> shopDatabase(Connection db, String shopId) throws Exception {
        Map<String, String> orders = new HashMap<>();
        try (PreparedStatement sql = db.prepareStatement("""
                select o.serial_code, o.updated_at, o.order_status, o.payment_status, o.shipping_status, o.total,
                       o.buyer_address1,
                       (select string_agg(d.delivery_id || ':' || coalesce(d.address1, '') || ':'
                                          || coalesce(d.tracking_number, ''), '|' order by d.delivery_id)
                          from shop_order_delivery d where d.order_seq = o.seq) as deliveries
                from shop_order o where o.shop_id = ?
                """)) {
            sql.setString(1, shopId);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    orders.put(rs.getString(1), fingerprint(rs));
                }
            }
        }
        return orders;
    }

    /** The orders the OMS imported from the connection, and its record of each order's imports. */
    OmsSide oms(Connection db, long connection) throws Exception {
        Map<String, String> orders = new HashMap<>();
        int rows = 0;
        int serialsTwice = 0;
        try (PreparedStatement sql = db.prepareStatement("""
                select o.serial_code, o.shop_updated_at, o.shop_order_status, o.shop_payment_status,
                       o.shop_shipping_status, o.total, o.buyer_address1,
                       (select string_agg(s.delivery_id || ':' || coalesce(s.address1, '') || ':'
                                          || coalesce(s.shop_tracking_number, ''), '|' order by s.delivery_id)
                          from shipment s where s.order_id = o.id) as deliveries
                from oms_order o where o.connection_id = ?
                """)) {
            sql.setLong(1, connection);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    if (orders.put(rs.getString(1), fingerprint(rs)) != null) {
                        serialsTwice++;
                    }
                }
            }
        }
        // one import per order: an order is created once, with one "imported" entry in its history, and the runs'
        // own counts of created orders add up to the orders there are
        long[] history = longs(db, """
                select count(*) filter (where imports > 1), count(*) filter (where imports = 0)
                from (select o.id, (select count(*) from order_history h
                                     where h.order_id = o.id and h.kind = 'IMPORTED') as imports
                      from oms_order o where o.connection_id = ?) per_order
                """, connection);
        long[] runs = longs(db, "select coalesce(sum(created), 0) from import_run where connection_id = ?", connection);
        long[] quarantined = longs(
                db,
                "select count(*), count(*) filter (where resolved_at is null) from quarantined_order"
                        + " where connection_id = ?",
                connection);
        return new OmsSide(
                orders, rows, serialsTwice, (int) history[0], (int) history[1], runs[0], (int) quarantined[0], (int)
                        quarantined[1]);
    }

    private static long[] longs(Connection db, String query, long connection) throws Exception {
        try (PreparedStatement sql = db.prepareStatement(query)) {
            sql.setLong(1, connection);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                long[] values = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getLong(i + 1);
                }
                return values;
            }
        }
    }

    private static String fingerprint(ResultSet rs) throws Exception {
        return fingerprint(
                rs.getString(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8));
    }

    private static String fingerprint(
            String serial,
            Instant updatedAt,
            String orderStatus,
            String paymentStatus,
            String shippingStatus,
            long total,
            String address,
            String deliveries) {
        String content = String.join(
                "\u001f",
                serial,
                updatedAt.truncatedTo(ChronoUnit.MILLIS).toString(),
                orderStatus,
                paymentStatus,
                shippingStatus,
                String.valueOf(total),
                address,
                deliveries == null ? "" : deliveries);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
