package jp.juchu.shop.orders;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Orders placed or changed since a date-time (and before {@code until} when given), optionally in some
 * states; paged by the platform's immutable order sequence, either by offset ({@code from}) or, cheaper on
 * large windows, after a cursor ({@code searchAfter}, the sequence of the last order of the previous page).
 */
public record OrderSearch(
        OffsetDateTime since,
        OffsetDateTime until,
        List<OrderStatus> orderStatus,
        List<PaymentStatus> paymentStatus,
        List<ShippingStatus> shippingStatus,
        int from,
        int size,
        Long searchAfter) {}
