package jp.juchu.oms.malls;

import java.time.LocalDate;

/** Shipping write-back (発送連絡): carrier, tracking (slip) number and ship date of an order. */
public record ShippingUpdate(String carrier, String trackingNumber, LocalDate shippedDate) {}
