package jp.juchu.oms.malls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.juchu.oms.malls.internal.KeyVault;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A connection's change notifications: registering the OMS's endpoint at the shop (through the mall's connector) and
 * keeping the signing secret encrypted like the API keys, and checking a notification's signature — the secret never
 * leaves this module.
 */
@Service
public class MallNotifications {

    private final JdbcClient jdbc;
    private final KeyVault vault;
    private final MallConnections connections;
    private final MallConnectors connectors;

    MallNotifications(JdbcClient jdbc, KeyVault vault, MallConnections connections, MallConnectors connectors) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.connections = connections;
        this.connectors = connectors;
    }

    /** Where a connection's notifications come from, as the settings page shows it. */
    public record Subscription(String endpointUrl, OffsetDateTime registeredAt, OffsetDateTime lastReceivedAt) {}

    /**
     * Registers the endpoint at the connection's shop and stores the secret it gives. False when the mall offers no
     * notifications (then any earlier subscription is forgotten: the poll alone imports).
     *
     * @throws ShopApiException when the shop could not be asked
     */
    public boolean subscribe(long connectionId, String endpointUrl) {
        MallConnection connection = connections
                .find(connectionId)
                .orElseThrow(() -> new IllegalArgumentException("no connection " + connectionId));
        Optional<NotificationSubscription> subscribed =
                connectors.of(connection).flatMap(c -> c.subscribeToChanges(connection, endpointUrl));
        if (subscribed.isEmpty()) {
            jdbc.sql("delete from mall_notification where connection_id = ?")
                    .param(connectionId)
                    .update();
            return false;
        }
        jdbc.sql("""
                        insert into mall_notification (connection_id, endpoint_url, remote_endpoint_id, secret_enc,
                            registered_at) values (?, ?, ?, ?, now())
                        on conflict (connection_id) do update set endpoint_url = excluded.endpoint_url,
                            remote_endpoint_id = excluded.remote_endpoint_id, secret_enc = excluded.secret_enc,
                            registered_at = excluded.registered_at""")
                .params(
                        connectionId,
                        endpointUrl,
                        subscribed.get().remoteId(),
                        vault.encrypt(subscribed.get().secret()))
                .update();
        return true;
    }

    public Optional<Subscription> subscription(long connectionId) {
        return jdbc.sql("select endpoint_url, registered_at, last_received_at from mall_notification "
                        + "where connection_id = ?")
                .param(connectionId)
                .query(Subscription.class)
                .optional();
    }

    /**
     * Whether {@code signature} is the shop's signature of the timestamp and body: {@code v1=} and the hex
     * HMAC-SHA256 with the connection's secret over {@code timestamp + "." + body}, compared in constant time. False
     * when the connection has no subscription.
     */
    public boolean signedByShop(long connectionId, String timestamp, byte[] body, String signature) {
        Optional<String> stored = jdbc.sql("select secret_enc from mall_notification where connection_id = ?")
                .param(connectionId)
                .query(String.class)
                .optional();
        if (stored.isEmpty() || signature == null) {
            return false;
        }
        String secret = vault.decrypt(stored.get());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = ("v1=" + HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A notification was accepted: the settings page shows when the last one came. */
    public void received(long connectionId) {
        jdbc.sql("update mall_notification set last_received_at = now() where connection_id = ?")
                .param(connectionId)
                .update();
    }
}
