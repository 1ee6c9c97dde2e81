package jp.juchu.oms.bundles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.products.Listings;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import org.springframework.stereotype.Component;

/**
 * Reads what an order's {@link MatchKey} needs beyond the order — its carrier, and its products' temperature zones
 * through the shop's listings (a line without a listing counts as 常温) — each listing and product once per batch.
 */
@Component
class MatchKeys {

    private final Orders orders;
    private final Listings listings;
    private final Products products;

    MatchKeys(Orders orders, Listings listings, Products products) {
        this.orders = orders;
        this.listings = listings;
        this.products = products;
    }

    /** The key of each order that can be bundled; the others are left out. */
    Map<Long, String> of(List<OrderDetail> details) {
        Map<String, String> zoneOfItem = new HashMap<>();
        Map<Long, String> zoneOfProduct = new HashMap<>();
        Map<Long, String> keys = new HashMap<>();
        for (OrderDetail order : details) {
            if (!MatchKey.bundleable(order)) {
                continue;
            }
            OrderDetail.Shipment s = order.shipments().get(0);
            TreeSet<String> zones = new TreeSet<>();
            for (OrderDetail.Item item : s.items()) {
                String itemKey = order.connectionId() + "\u001f" + item.itemCode() + "\u001f" + item.variation();
                zones.add(zoneOfItem.computeIfAbsent(
                        itemKey,
                        k -> listings.resolve(order.connectionId(), item.itemCode(), item.variation())
                                .map(components -> components.stream()
                                        .map(c -> zoneOfProduct.computeIfAbsent(c.productId(), this::zone))
                                        .sorted()
                                        .reduce((a, b) -> a.equals(b) ? a : a + "+" + b)
                                        .orElse("NORMAL"))
                                .orElse("NORMAL")));
            }
            String carrier = orders.shipmentCarriers(order.id()).get(s.deliveryId());
            MatchKey.of(order, carrier, String.join("+", zones)).ifPresent(key -> keys.put(order.id(), key));
        }
        return keys;
    }

    private String zone(long productId) {
        Optional<Product> product = products.find(productId);
        return product.map(Product::temperatureZone)
                .filter(z -> z != null && !z.isBlank())
                .orElse("NORMAL");
    }
}
