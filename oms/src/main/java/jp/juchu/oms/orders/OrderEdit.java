package jp.juchu.oms.orders;

import java.time.LocalDate;
import java.util.List;

/**
 * A person's edit of an order (受注の編集): the buyer, the payment method, the destinations (new ones with
 * {@code deliveryId} 0 are numbered on saving; a destination left out is removed), the lines (each naming the
 * destination it goes to; a line given only a product code is filled in from the products the OMS has seen), fees
 * and discounts, and the memo. {@code version} is the order's version the person started from; if someone saved in
 * between, the edit is refused as a conflict.
 */
public record OrderEdit(
        long version,
        Person buyer,
        String buyerKana,
        String buyerEmail,
        String paymentMethod,
        List<Destination> destinations,
        List<Line> lines,
        long shippingFee,
        long codFee,
        long giftWrappingFee,
        long couponDiscount,
        long pointsUsed,
        String memo) {

    /** A name with an address and phone. */
    public record Person(
            String name, String phone, String postalCode, String prefecture, String address1, String address2) {}

    /**
     * One destination: {@code key} is how lines name it (its delivery id, or a negative number for a new one);
     * {@code codAmount} is what it collects when the order is cash on delivery to several destinations.
     */
    public record Destination(int key, Person recipient, LocalDate deliveryDate, String timeSlot, Long codAmount) {

        public boolean isNew() {
            return key <= 0;
        }
    }

    /**
     * One line: the destination it goes to (a {@link Destination#key()}), the product, price, rate and quantity. A
     * blank name or price is filled in from the product code.
     */
    public record Line(
            int destination,
            String itemCode,
            String variation,
            String name,
            Long unitPrice,
            Integer taxRate,
            int quantity) {}
}
