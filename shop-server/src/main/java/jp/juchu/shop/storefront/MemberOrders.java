package jp.juchu.shop.storefront;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Placing a checked-out order and a member's order history. A port: the orders module provides it,
 * placing through its one-transaction order placement (prices, stock, points, buyer, amounts).
 */
public interface MemberOrders {

    /** States are the contract's enumeration names (New, Unpaid, NotShipped …). */
    record Summary(
            String serialCode,
            String orderNumber,
            OffsetDateTime orderDate,
            long total,
            String orderStatus,
            String paymentStatus,
            String shippingStatus) {}

    record Item(String itemName, String variation, long unitPrice, int quantity) {}

    record Delivery(
            String name,
            String prefecture,
            String address1,
            List<Item> items,
            String carrier,
            String trackingNumber,
            LocalDate shippedDate) {}

    record Detail(
            Summary summary,
            String paymentMethod,
            List<Delivery> deliveries,
            long itemsTotal,
            long shippingFee,
            long codFee,
            long giftWrappingFee,
            long couponDiscount,
            long pointsUsed) {}

    /**
     * Places the order in one transaction with the amounts quoted to the buyer.
     *
     * @throws SoldOutWhileCheckingOut when the stock is no longer there; nothing is saved or charged
     */
    PlacedOrder place(String shopId, CheckoutOrder order, Quote quote);

    List<Summary> history(String shopId, String account);

    Optional<Detail> detail(String shopId, String account, String serialCode);
}
