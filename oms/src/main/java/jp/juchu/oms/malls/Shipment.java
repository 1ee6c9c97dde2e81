package jp.juchu.oms.malls;

import java.time.LocalDate;

/**
 * A shipped delivery of an order, as reported to the shop (出荷連絡).
 *
 * @param serialCode the order's serial code at the shop
 * @param deliveryId the delivery (お届け先) of the order that shipped
 * @param carrier the carrier's code in the platform API ({@code Yamato}, {@code Sagawa}, {@code JapanPost})
 */
public record Shipment(
        String serialCode, int deliveryId, String carrier, String trackingNumber, LocalDate shippedDate) {}
