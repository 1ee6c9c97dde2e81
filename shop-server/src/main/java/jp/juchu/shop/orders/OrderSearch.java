package jp.juchu.shop.orders;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Orders placed or changed since a date-time (and before {@code until} when given), optionally in some
 * states; paged by the platform's immutable order sequence.
 */
public record OrderSearch(
        OffsetDateTime since,
        OffsetDateTime until,
        List<OrderStatus> orderStatus,
        List<PaymentStatus> paymentStatus,
        List<ShippingStatus> shippingStatus,
        int from,
        int size) {}
