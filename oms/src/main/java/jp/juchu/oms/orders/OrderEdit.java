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

    /** The order as it is, as an edit that changes nothing: what an automatic change starts from. */
    public static OrderEdit from(OrderDetail order) {
        List<Destination> destinations = new java.util.ArrayList<>();
        List<Line> lines = new java.util.ArrayList<>();
        for (OrderDetail.Shipment s : order.shipments()) {
            destinations.add(new Destination(
                    s.deliveryId(),
                    new Person(s.name(), s.phone(), s.postalCode(), s.prefecture(), s.address1(), s.address2()),
                    s.deliveryDate(),
                    s.timeSlot(),
                    s.codAmount()));
            for (OrderDetail.Item i : s.items()) {
                lines.add(new Line(
                        s.deliveryId(),
                        i.itemCode(),
                        i.variation(),
                        i.name(),
                        i.unitPrice(),
                        i.taxRate(),
                        i.quantity()));
            }
        }
        return new OrderEdit(
                order.version(),
                new Person(
                        order.buyerName(),
                        order.buyerPhone(),
                        order.buyerPostalCode(),
                        order.buyerPrefecture(),
                        order.buyerAddress1(),
                        order.buyerAddress2()),
                order.buyerKana(),
                order.buyerEmail(),
                order.paymentMethod(),
                destinations,
                lines,
                order.shippingFee(),
                order.codFee(),
                order.giftWrappingFee(),
                order.couponDiscount(),
                order.pointsUsed(),
                order.memo());
    }

    /** This edit with other destinations and lines. */
    public OrderEdit withShipments(List<Destination> destinations, List<Line> lines) {
        return new OrderEdit(
                version,
                buyer,
                buyerKana,
                buyerEmail,
                paymentMethod,
                destinations,
                lines,
                shippingFee,
                codFee,
                giftWrappingFee,
                couponDiscount,
                pointsUsed,
                memo);
    }

    /** This edit with other fees. */
    public OrderEdit withFees(long shippingFee, long codFee, long giftWrappingFee) {
        return new OrderEdit(
                version,
                buyer,
                buyerKana,
                buyerEmail,
                paymentMethod,
                destinations,
                lines,
                shippingFee,
                codFee,
                giftWrappingFee,
                couponDiscount,
                pointsUsed,
                memo);
    }

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
