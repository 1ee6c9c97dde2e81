package jp.juchu.oms.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.customers.Customers;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.PaymentKinds;
import jp.juchu.oms.products.Listings;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import org.springframework.stereotype.Component;

/** Gathers what the rules look at for a set of orders, through the other modules' APIs. */
@Component
class OrderFactsReader {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final Orders orders;
    private final Customers customers;
    private final MallConnections connections;
    private final Listings listings;
    private final Products products;
    private final PaymentKinds paymentKinds;

    OrderFactsReader(
            Orders orders,
            Customers customers,
            MallConnections connections,
            Listings listings,
            Products products,
            PaymentKinds paymentKinds) {
        this.orders = orders;
        this.customers = customers;
        this.connections = connections;
        this.listings = listings;
        this.products = products;
        this.paymentKinds = paymentKinds;
    }

    List<OrderFacts> read(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        List<OrderDetail> details = orders.withLines(orderIds);
        Map<Long, List<String>> tags = orders.tags(orderIds);
        Map<Long, Customers.Standing> standings = customers.standings(details.stream()
                .map(order -> new Customers.Buyer(
                        order.id(),
                        order.buyerName(),
                        order.buyerEmail(),
                        order.buyerPhone(),
                        order.shipments().stream()
                                .map(OrderDetail.Shipment::name)
                                .toList()))
                .toList());
        Map<Long, String> sources = new HashMap<>();
        LocalDate today = LocalDate.now(TOKYO);
        Map<Long, Product> known = new HashMap<>();
        Map<String, PaymentKinds.Kind> kinds = new HashMap<>();
        Map<ShopItem, Optional<List<Products.Component>>> resolved = new HashMap<>();
        return details.stream()
                .map(order -> {
                    var standing = standings.get(order.id());
                    Map<Long, Product> skus = new LinkedHashMap<>();
                    boolean unmapped = false;
                    for (OrderDetail.Shipment shipment : order.shipments()) {
                        for (OrderDetail.Item item : shipment.items()) {
                            var components = resolved.computeIfAbsent(
                                    new ShopItem(
                                            order.connectionId(),
                                            new Listings.ItemKey(item.itemCode(), item.variation())),
                                    k -> listings.resolve(
                                            k.shop(),
                                            k.item().itemCode(),
                                            k.item().variation()));
                            if (components.isEmpty()) {
                                unmapped = true;
                                continue;
                            }
                            components
                                    .get()
                                    .forEach(c -> skus.computeIfAbsent(
                                            c.productId(), id -> known.computeIfAbsent(id, this::product)));
                        }
                    }
                    return new OrderFacts(
                            order,
                            sources.computeIfAbsent(order.connectionId(), this::source),
                            kinds.computeIfAbsent(order.paymentMethod(), paymentKinds::of),
                            standing.blacklisted(),
                            standing.previousOrders(),
                            tags.getOrDefault(order.id(), List.of()),
                            today,
                            List.copyOf(skus.values()),
                            unmapped);
                })
                .toList();
    }

    /** A shop's item, the key a batch resolves each listing once by (orders of one page share their items). */
    private record ShopItem(long shop, Listings.ItemKey item) {}

    private Product product(long id) {
        return products.find(id).orElse(null);
    }

    private String source(long connectionId) {
        Mall mall = connections.find(connectionId).map(MallConnection::mall).orElse(Mall.SHOP_SERVE);
        if (mall.equals(Mall.MANUAL)) {
            return "MANUAL";
        }
        return mall.equals(Mall.CSV) ? "CSV" : "API";
    }
}
