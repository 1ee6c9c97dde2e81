package jp.juchu.shop.orders;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order placed at a shop (受注), with every block the order API can return. Money is yen, tax included.
 *
 * @param serialCode the platform's unique key of the order
 * @param orderNumber the number the buyer sees (受注番号)
 */
public record Order(
        long seq,
        String serialCode,
        String shopId,
        String orderNumber,
        OffsetDateTime orderDate,
        OffsetDateTime updatedAt,
        OrderStatus orderStatus,
        PaymentStatus paymentStatus,
        ShippingStatus shippingStatus,
        Buyer buyer,
        Payment payment,
        List<Delivery> deliveries,
        Amounts amounts,
        String remarks,
        OffsetDateTime createdAt) {

    /** 購入者; {@code memberAccount} is null for a guest. */
    public record Buyer(
            String name,
            String nameKana,
            String mailAddress,
            String phone,
            String postalCode,
            String prefecture,
            String address1,
            String address2,
            String memberAccount) {}

    public record Payment(PaymentMethod method, String cardBrand, String cardLast4) {}

    /** お届け先 with its items and its shipping. */
    public record Delivery(
            int deliveryId,
            String name,
            String nameKana,
            String phone,
            String postalCode,
            String prefecture,
            String address1,
            String address2,
            LocalDate deliveryDate,
            TimeSlot timeSlot,
            boolean giftWrapping,
            String noshi,
            long shippingFee,
            List<Item> items,
            Carrier carrier,
            String trackingNumber,
            LocalDate shippedDate) {}

    public record Item(String itemCode, String variation, String itemName, long unitPrice, int quantity, int taxRate) {

        public long amount() {
            return unitPrice * quantity;
        }
    }

    public record Amounts(
            long itemsTotal,
            long shippingFee,
            long codFee,
            long giftWrappingFee,
            long couponDiscount,
            long pointsUsed,
            long total,
            List<TaxLine> tax) {}

    /** Tax contained in the amounts of one rate (税率別消費税). */
    public record TaxLine(int rate, long taxableAmount, long tax) {}
}
