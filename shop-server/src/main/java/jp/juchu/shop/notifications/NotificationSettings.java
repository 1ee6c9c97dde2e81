package jp.juchu.shop.notifications;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secretKey base64 AES-256 key encrypting the endpoints' signing secrets at rest; when absent one is generated
 *     into {@code secretKeyFile} on first start and read from there afterwards (every node needs the same one)
 * @param secretKeyFile where a generated key is kept
 * @param allowLocalTargets whether an endpoint may be on this machine or a private network: {@code http://} to a
 *     loopback host and any private, link-local or loopback address. On for the demo and tests; a production shop
 *     server sets it false, then only {@code https://} to public addresses is accepted
 * @param maxEndpointsPerShop the most endpoints one shop may register
 * @param connectTimeout how long to wait for a connection to an endpoint
 * @param requestTimeout how long to wait for its answer
 * @param maxAttempts tries of one message before it is given up (the OMS's poll still finds the order)
 * @param backoffBase wait after the first failed try; doubled per try, with jitter
 * @param backoffMax the longest wait between tries
 * @param pauseAfterFailures failed deliveries in a row after which the endpoint is paused and the shop told
 * @param pollInterval how often each node looks for due messages besides being woken by a commit
 * @param senders deliveries in flight at once on one node
 */
@ConfigurationProperties("shop.notifications")
public record NotificationSettings(
        String secretKey,
        @DefaultValue("./data/notification-secret.key") Path secretKeyFile,
        @DefaultValue("true") boolean allowLocalTargets,
        @DefaultValue("5") int maxEndpointsPerShop,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("2s") Duration backoffBase,
        @DefaultValue("10m") Duration backoffMax,
        @DefaultValue("10") int pauseAfterFailures,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("4") int senders) {}
