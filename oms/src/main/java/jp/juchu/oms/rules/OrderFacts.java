package jp.juchu.oms.rules;

import java.time.LocalDate;
import java.util.List;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.PaymentKinds;
import jp.juchu.oms.products.Product;

/**
 * What a rule can look at: the order with its shipments and lines, and what other modules know about it.
 *
 * @param source API (a shop's order API), CSV (データ取込) or MANUAL (受注登録)
 * @param paymentKind what kind of payment the order's method is (支払い方法 settings)
 * @param blacklisted the buyer, the e-mail or a recipient matches a blacklisted customer
 * @param previousOrders how many earlier orders the same customer has (0 for a first order)
 * @param tags the order's tags (タグ)
 * @param today the day the rule runs (Asia/Tokyo), for "within N days"
 * @param products the product master's SKUs the order's lines are (sets as their components), for product conditions
 * @param unmapped some line's item is not in the shop's listings (未登録商品)
 * @param customerTags the tags of the customer the order is linked to (顧客タグ)
 * @param shopCarriers the shipping names the shop gave the shipments (配送方法 as imported)
 * @param allocatable every stock-managed SKU the lines need is held by the order or free (in import order within
 *     the batch, as the allocation takes them)
 */
public record OrderFacts(
        OrderDetail order,
        String source,
        PaymentKinds.Kind paymentKind,
        boolean blacklisted,
        long previousOrders,
        List<String> tags,
        LocalDate today,
        List<Product> products,
        boolean unmapped,
        List<String> customerTags,
        List<String> shopCarriers,
        boolean allocatable) {

    public OrderFacts {
        tags = List.copyOf(tags);
        products = List.copyOf(products);
        customerTags = List.copyOf(customerTags);
        shopCarriers = List.copyOf(shopCarriers);
    }

    /** Facts without customer tags and shop carriers, with every line allocatable. */
    public OrderFacts(
            OrderDetail order,
            String source,
            PaymentKinds.Kind paymentKind,
            boolean blacklisted,
            long previousOrders,
            List<String> tags,
            LocalDate today,
            List<Product> products,
            boolean unmapped) {
        this(
                order,
                source,
                paymentKind,
                blacklisted,
                previousOrders,
                tags,
                today,
                products,
                unmapped,
                List.of(),
                List.of(),
                true);
    }

    List<OrderDetail.Item> lines() {
        return order.shipments().stream().flatMap(s -> s.items().stream()).toList();
    }
}
