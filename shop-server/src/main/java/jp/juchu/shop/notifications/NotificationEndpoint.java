package jp.juchu.shop.notifications;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A registered endpoint (通知先). The secret is not part of it: it is shown once, at registration.
 *
 * @param secretPrefix the secret's first characters, to tell endpoints apart
 * @param consecutiveFailures failed deliveries in a row; reset by a success or a resume
 */
public record NotificationEndpoint(
        long id,
        String shopId,
        String url,
        Set<NotificationEvent> events,
        String secretPrefix,
        boolean paused,
        int consecutiveFailures,
        OffsetDateTime pausedAt,
        String pausedReason,
        OffsetDateTime createdAt) {}
