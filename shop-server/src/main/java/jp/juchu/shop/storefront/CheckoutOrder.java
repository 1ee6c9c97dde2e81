package jp.juchu.shop.storefront;

import java.time.LocalDate;
import java.util.List;

/**
 * A checked checkout, ready to be quoted and placed.
 *
 * @param pointsToUse points the member spends (0 for guests)
 * @param paymentMethod {@code CreditCard}, {@code BankTransfer}, {@code CashOnDelivery} or {@code ConvenienceStore}
 * @param cardBrand with a credit card: its brand; only it and the last four digits are kept
 * @param memberAccount the signed-in member, or {@code null} for a guest
 */
public record CheckoutOrder(
        Buyer buyer,
        List<Destination> destinations,
        String remarks,
        String couponCode,
        long pointsToUse,
        String paymentMethod,
        String cardBrand,
        String cardLast4,
        String memberAccount) {

    public static final List<String> PAYMENT_METHODS =
            List.of("CreditCard", "BankTransfer", "CashOnDelivery", "ConvenienceStore");
    public static final List<String> TIME_SLOTS =
            List.of("Morning", "From14To16", "From16To18", "From18To20", "From19To21");

    public record Buyer(
            String name,
            String kana,
            String email,
            String phone,
            String postalCode,
            String prefecture,
            String address1,
            String address2) {}

    /**
     * @param deliveryDate wished date, or {@code null} for none
     * @param timeSlot wished slot ({@link #TIME_SLOTS}), or {@code null}
     * @param lines the cart lines (and quantities) sent here
     */
    public record Destination(
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
            List<Carts.Line> lines) {}

    public boolean cashOnDelivery() {
        return "CashOnDelivery".equals(paymentMethod);
    }
}
