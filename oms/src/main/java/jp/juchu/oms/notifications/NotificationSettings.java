package jp.juchu.oms.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the OMS's address as the shop reaches it ({@code https://oms.example.jp}); the endpoint registered at
 *     the shop is {@code <baseUrl>/api/notifications/<connectionId>}. Unset, it is {@code http://localhost:<port>} —
 *     right for the demo and tests, where both apps run on one machine
 * @param register whether saving a connection registers the endpoint at the shop (when its platform offers it)
 * @param timestampTolerance how far a notification's timestamp may be from the OMS's clock (±)
 * @param maxBodyBytes the largest body accepted; a notification is about 150 bytes
 */
@ConfigurationProperties("oms.notifications")
public record NotificationSettings(
        String baseUrl,
        @DefaultValue("true") boolean register,
        @DefaultValue("5m") Duration timestampTolerance,
        @DefaultValue("4096") int maxBodyBytes) {}
