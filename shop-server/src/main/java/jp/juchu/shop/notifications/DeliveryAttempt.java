package jp.juchu.shop.notifications;

import java.time.OffsetDateTime;

/** One try to deliver one message to an endpoint, as the delivery log (配信ログ) shows it. */
public record DeliveryAttempt(
        long id,
        long messageId,
        String serialCode,
        String event,
        int attempt,
        OffsetDateTime attemptedAt,
        Integer statusCode,
        boolean succeeded,
        String error,
        int durationMs) {}
