package jp.juchu.oms.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import jp.juchu.oms.imports.ImportNotifications;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.malls.MallNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a shop's change notification for a connection, in this order: the connection has a subscription; the
 * timestamp is within ±{@code timestamp-tolerance} of the OMS's clock; the signature is the shop's (HMAC-SHA256 with
 * the secret the shop gave, over timestamp and body); the signature was not seen before (kept for twice the window,
 * so a replay is refused on every node); the body names the connection's shop. Then the connection's import starts
 * ({@link ImportNotifications}). A notification carries no order data the OMS trusts: the import reads the shop's API
 * as always.
 */
@Service
public class NotificationInbox {

    private static final Logger log = LoggerFactory.getLogger(NotificationInbox.class);

    private final MallConnections connections;
    private final MallNotifications notifications;
    private final ImportNotifications imports;
    private final NotificationSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    NotificationInbox(
            MallConnections connections,
            MallNotifications notifications,
            ImportNotifications imports,
            NotificationSettings settings,
            JdbcClient jdbc,
            Clock clock) {
        this.connections = connections;
        this.notifications = notifications;
        this.imports = imports;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public NotificationReceipt receive(long connectionId, String timestamp, String signature, byte[] body) {
        Optional<MallConnection> connection = connections.find(connectionId);
        if (connection.isEmpty() || notifications.subscription(connectionId).isEmpty()) {
            return NotificationReceipt.UNKNOWN_CONNECTION;
        }
        if (body.length > settings.maxBodyBytes()) {
            return NotificationReceipt.TOO_LARGE;
        }
        if (!withinWindow(timestamp)) {
            return NotificationReceipt.STALE;
        }
        if (signature == null
                || signature.length() > 80
                || !notifications.signedByShop(connectionId, timestamp.strip(), body, signature.strip())) {
            return NotificationReceipt.BAD_SIGNATURE;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("delete from notification_seen where received_at < ?")
                .param(now.minus(settings.timestampTolerance().multipliedBy(2)))
                .update();
        int fresh = jdbc.sql("insert into notification_seen (connection_id, signature, received_at) values (?, ?, ?) "
                        + "on conflict do nothing")
                .params(connectionId, signature.strip(), now)
                .update();
        if (fresh == 0) {
            return NotificationReceipt.REPLAY;
        }
        if (!aboutTheShop(body, connection.get().shopId())) {
            return NotificationReceipt.BAD_BODY;
        }
        notifications.received(connectionId);
        imports.notified(connectionId);
        return NotificationReceipt.ACCEPTED;
    }

    private boolean withinWindow(String timestamp) {
        if (timestamp == null || timestamp.isBlank() || timestamp.strip().length() > 12) {
            return false;
        }
        try {
            Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(at, clock.instant()).abs().compareTo(settings.timestampTolerance()) <= 0;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }

    private boolean aboutTheShop(byte[] body, String shopId) {
        try {
            JsonNode message = json.readTree(body);
            return message != null
                    && message.isObject()
                    && shopId.equals(message.path("shop_id").asString(null))
                    && message.path("serial_code").isString()
                    && message.path("event").isString();
        } catch (JacksonException e) {
            log.debug("A signed notification could not be read: {}", e.getOriginalMessage());
            return false;
        }
    }
}
