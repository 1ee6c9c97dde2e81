package jp.juchu.oms.orders;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order as the shop sees it (the platform API's order with every block), already read and checked by
 * the importer. Money is yen, tax included.
 */
public record ShopOrder(
        String serialCode,
        String orderNumber,
        OffsetDateTime orderedAt,
        OffsetDateTime shopUpdatedAt,
        String orderStatus,
        String paymentStatus,
        String shippingStatus,
        Buyer buyer,
        String paymentMethod,
        List<Delivery> deliveries,
        Amounts amounts,
        String remarks) {

    public boolean cancelled() {
        return "Cancelled".equals(orderStatus);
    }

    /** 購入者 */
    public record Buyer(
            String name,
            String kana,
            String email,
            String phone,
            String postalCode,
            String prefecture,
            String address1,
            String address2,
            String memberAccount) {}

    /** お届け先: one destination with its items; the OMS ships it as one shipment. */
    public record Delivery(
            int deliveryId,
            String name,
            String kana,
            String phone,
            String postalCode,
            String prefecture,
            String address1,
            String address2,
            LocalDate deliveryDate,
            String timeSlot,
            boolean giftWrapping,
            String noshi,
            long shippingFee,
            List<Item> items,
            String carrier,
            String trackingNumber,
            LocalDate shippedDate) {}

    public record Item(String itemCode, String variation, String name, long unitPrice, int quantity, int taxRate) {}

    public record Amounts(
            long itemsTotal,
            long shippingFee,
            long codFee,
            long giftWrappingFee,
            long couponDiscount,
            long pointsUsed,
            long total,
            List<TaxLine> tax) {

        /**
         * Amounts computed the way the shops compute them: the items' amounts per tax rate, fees at 10 %, coupon and
         * points apportioned, tax per rate rounded down once ({@link jp.juchu.support.money.ConsumptionTax}).
         */
        public static Amounts of(
                java.util.Map<Integer, Long> itemsByRate,
                long shippingFee,
                long codFee,
                long giftWrappingFee,
                long couponDiscount,
                long pointsUsed) {
            long itemsTotal =
                    itemsByRate.values().stream().mapToLong(Long::longValue).sum();
            List<TaxLine> tax = jp.juchu.support.money.ConsumptionTax.perRate(
                            itemsByRate, shippingFee + codFee + giftWrappingFee, couponDiscount + pointsUsed)
                    .stream()
                    .map(line -> new TaxLine(line.rate(), line.taxableAmount(), line.tax()))
                    .toList();
            long total = itemsTotal + shippingFee + codFee + giftWrappingFee - couponDiscount - pointsUsed;
            return new Amounts(
                    itemsTotal, shippingFee, codFee, giftWrappingFee, couponDiscount, pointsUsed, total, tax);
        }
    }

    /** Tax contained in the amounts of one rate (税率ごとの消費税額). */
    public record TaxLine(int rate, long taxableAmount, long tax) {}
}
