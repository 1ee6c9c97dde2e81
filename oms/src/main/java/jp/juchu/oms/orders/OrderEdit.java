package jp.juchu.oms.orders;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's edit of an order (受注の編集): the buyer, each destination with its items' quantities, fees and
 * discounts, and the memo. {@code version} is the order's version the person started from; if someone saved in
 * between, the edit is refused as a conflict.
 */
public record OrderEdit(
        long version,
        Person buyer,
        String buyerKana,
        String buyerEmail,
        List<Destination> destinations,
        long shippingFee,
        long codFee,
        long giftWrappingFee,
        long couponDiscount,
        long pointsUsed,
        String memo) {

    /** A name with an address and phone. */
    public record Person(
            String name, String phone, String postalCode, String prefecture, String address1, String address2) {}

    /** One destination; {@code quantities} maps each line number to its new quantity. */
    public record Destination(
            int deliveryId,
            Person recipient,
            LocalDate deliveryDate,
            String timeSlot,
            java.util.Map<Integer, Integer> quantities) {}
}
