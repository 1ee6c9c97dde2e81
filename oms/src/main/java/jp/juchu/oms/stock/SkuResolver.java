package jp.juchu.oms.stock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.juchu.oms.orders.OrderLines;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.products.Listings;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;

/**
 * Resolves order lines to SKUs through the shops' listings, remembering each item and product it has read: one for
 * each pass of allocation or shipment. Unmapped items (未登録商品, the products module alerts on them) and SKUs not
 * stock-managed take nothing.
 */
final class SkuResolver {

    private final Listings listings;
    private final Products products;
    private final Map<String, Optional<List<Products.Component>>> items = new HashMap<>();
    private final Map<Long, Boolean> managed = new HashMap<>();
    private final Map<Long, Boolean> unreleased = new HashMap<>();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    SkuResolver(Listings listings, Products products) {
        this.listings = listings;
        this.products = products;
    }

    /** Whether a short line is of a SKU whose release date is still ahead. */
    boolean anyUnreleased(List<AllocationLine> lines) {
        return lines.stream()
                .filter(l -> !l.allocated())
                .anyMatch(l -> unreleased.computeIfAbsent(
                        l.productId(),
                        id -> products.find(id)
                                .map(p -> p.releaseDate() != null
                                        && p.releaseDate().isAfter(today))
                                .orElse(false)));
    }

    /**
     * Reads at once the listings of these orders' items and the products they resolve to: a page of orders costs a
     * few queries, not one per item and one per product.
     */
    void prefetch(List<OrderLines.Order> orders) {
        Map<Long, Set<Listings.ItemKey>> wanted = new LinkedHashMap<>();
        for (OrderLines.Order order : orders) {
            for (OrderLines.Line line : order.lines()) {
                Listings.ItemKey item = itemKey(line.itemCode(), line.variation());
                if (!items.containsKey(key(order.connectionId(), item))) {
                    wanted.computeIfAbsent(order.connectionId(), c -> new LinkedHashSet<>())
                            .add(item);
                }
            }
        }
        prefetch(wanted);
    }

    /**
     * The stock-managed SKUs these shop items resolve to, per shop: what a sale of them took from the shop's own
     * quantity, whatever the amounts.
     */
    Map<Long, Set<Long>> skus(List<Orders.ItemSold> sold) {
        Map<Long, Set<Listings.ItemKey>> wanted = new LinkedHashMap<>();
        for (Orders.ItemSold item : sold) {
            wanted.computeIfAbsent(item.connectionId(), c -> new LinkedHashSet<>())
                    .add(itemKey(item.itemCode(), item.variation()));
        }
        prefetch(wanted);
        Map<Long, Set<Long>> skus = new TreeMap<>();
        wanted.forEach((connectionId, keys) -> keys.forEach(item -> components(connectionId, item)
                .ifPresent(components -> components.stream()
                        .map(Products.Component::productId)
                        .filter(this::managed)
                        .forEach(id -> skus.computeIfAbsent(connectionId, c -> new TreeSet<>())
                                .add(id)))));
        return skus;
    }

    /** The SKUs (and how many of each) a shop's item resolves to; empty when no listing maps it. */
    private Optional<List<Products.Component>> components(long connectionId, Listings.ItemKey item) {
        return items.computeIfAbsent(
                key(connectionId, item), k -> listings.resolve(connectionId, item.itemCode(), item.variation()));
    }

    private boolean managed(long productId) {
        return managed.computeIfAbsent(
                productId, id -> products.find(id).map(Product::stockManaged).orElse(false));
    }

    private void prefetch(Map<Long, Set<Listings.ItemKey>> wanted) {
        Set<Long> productIds = new TreeSet<>();
        wanted.forEach((connectionId, keys) -> listings.resolveAll(connectionId, keys)
                .forEach((item, components) -> {
                    items.put(key(connectionId, item), components);
                    components.ifPresent(cs -> cs.forEach(c -> productIds.add(c.productId())));
                }));
        productIds.removeIf(managed::containsKey);
        Map<Long, Product> found = products.findAll(productIds);
        for (Long id : productIds) {
            Product p = found.get(id);
            managed.put(id, p != null && p.stockManaged());
            unreleased.put(
                    id, p != null && p.releaseDate() != null && p.releaseDate().isAfter(today));
        }
    }

    /** An item as a line names it, its variation blank when it has none. */
    private static Listings.ItemKey itemKey(String itemCode, String variation) {
        return new Listings.ItemKey(itemCode, variation == null ? "" : variation.strip());
    }

    private static String key(long connectionId, Listings.ItemKey item) {
        return connectionId + "\u0000" + item.itemCode() + "\u0000" + item.variation();
    }

    /** What the order's lines take of each stock-managed SKU, none of it allocated yet. */
    List<AllocationLine> lines(OrderLines.Order order) {
        List<AllocationLine> lines = new ArrayList<>();
        for (OrderLines.Line line : order.lines()) {
            Optional<List<Products.Component>> components =
                    components(order.connectionId(), itemKey(line.itemCode(), line.variation()));
            if (components.isEmpty()) {
                continue;
            }
            Map<Long, Integer> perSku = new TreeMap<>();
            for (Products.Component c : components.get()) {
                if (managed(c.productId())) {
                    perSku.merge(c.productId(), Math.multiplyExact(c.quantity(), line.quantity()), Integer::sum);
                }
            }
            perSku.forEach((productId, quantity) ->
                    lines.add(new AllocationLine(line.deliveryId(), line.lineNo(), productId, quantity, false)));
        }
        return lines;
    }
}
