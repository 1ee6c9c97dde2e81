package jp.juchu.shop.storefront;

import java.util.List;

/**
 * Every amount of a checkout before it is placed, as the confirmation page shows it (yen, tax incl.).
 * {@code total = itemsTotal + shippingFee + codFee + giftWrappingFee − couponDiscount − pointsUsed}.
 */
public record Quote(
        List<DestinationQuote> destinations,
        long itemsTotal,
        long shippingFee,
        long codFee,
        long giftWrappingFee,
        long couponDiscount,
        long pointsUsed,
        long total,
        List<Tax> tax) {

    public record Line(String itemCode, String variation, String name, long unitPrice, int taxPercent, int quantity) {
        public long subtotal() {
            return unitPrice * quantity;
        }
    }

    public record DestinationQuote(List<Line> lines, long shippingFee, long giftWrappingFee) {}

    /** Per tax rate: the amount it applies to (after apportioning discounts) and the tax contained in it. */
    public record Tax(int rate, long taxableAmount, long tax) {}
}
