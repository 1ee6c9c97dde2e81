package jp.juchu.oms.orders;

import java.time.LocalDate;

/** A shipment of an order got (or had replaced) its carrier, tracking number and shipping date. */
public record TrackingNumberRecorded(long orderId, int deliveryId, String carrier, LocalDate shippedDate) {}
