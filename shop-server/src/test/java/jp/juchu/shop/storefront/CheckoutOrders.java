package jp.juchu.shop.storefront;

import java.util.List;

/** Checkouts built directly, for tests that place orders without the pages. */
final class CheckoutOrders {

    private CheckoutOrders() {}

    static CheckoutOrder of(String account, String couponCode, String paymentMethod, String itemCode, int quantity) {
        return to("東京都", account, couponCode, paymentMethod, itemCode, quantity);
    }

    static CheckoutOrder to(
            String prefecture, String account, String couponCode, String paymentMethod, String itemCode, int quantity) {
        CheckoutOrder.Buyer buyer = new CheckoutOrder.Buyer(
                "山田 太郎", "ヤマダ タロウ", "taro@example.jp", "03-1234-5678", "150-0001", prefecture, "渋谷区神宮前1-2-3", "");
        CheckoutOrder.Destination destination = new CheckoutOrder.Destination(
                buyer.name(),
                buyer.kana(),
                buyer.phone(),
                buyer.postalCode(),
                prefecture,
                buyer.address1(),
                "",
                null,
                null,
                false,
                "",
                List.of(new Carts.Line(itemCode, "", quantity)));
        return new CheckoutOrder(buyer, List.of(destination), "", couponCode, 0, paymentMethod, null, null, account);
    }
}
