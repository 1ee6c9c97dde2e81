package jp.juchu.oms.orders;

import java.time.LocalDate;
import java.util.List;

/**
 * An order a person enters (受注登録) for a phone, fax or shop-floor sale.
 *
 * @param destinations one to three; a destination with a blank name is the buyer's own address
 * @param lines each names the destination (1-based) it goes to; a known product code fills a blank name and price
 * @param paid whether the payment is already received (入金済み)
 */
public record ManualOrder(
        ShopOrder.Buyer buyer,
        List<Destination> destinations,
        List<Line> lines,
        String paymentMethod,
        boolean paid,
        long shippingFee,
        long codFee,
        long couponDiscount,
        String remarks) {

    public record Destination(
            String name,
            String phone,
            String postalCode,
            String prefecture,
            String address1,
            String address2,
            LocalDate deliveryDate,
            String timeSlot) {

        boolean sameAsBuyer() {
            return name == null || name.isBlank();
        }
    }

    public record Line(String itemCode, String name, Long unitPrice, int quantity, Integer taxRate, int destination) {

        boolean blank() {
            return (itemCode == null || itemCode.isBlank()) && (name == null || name.isBlank());
        }
    }
}
