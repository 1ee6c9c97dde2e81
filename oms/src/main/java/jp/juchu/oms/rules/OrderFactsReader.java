package jp.juchu.oms.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
import jp.juchu.oms.stock.FreeStock;
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
    private final FreeStock freeStock;

    OrderFactsReader(
            Orders orders,
            Customers customers,
            MallConnections connections,
            Listings listings,
            Products products,
            PaymentKinds paymentKinds,
            FreeStock freeStock) {
        this.orders = orders;
        this.customers = customers;
        this.connections = connections;
        this.listings = listings;
        this.products = products;
        this.paymentKinds = paymentKinds;
        this.freeStock = freeStock;
    }

    /** Orders in pieces of 200, each read at once by {@link #read}. */
    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 200) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 200)));
        }
        return chunks;
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
        Map<String, PaymentKinds.Kind> kinds = new HashMap<>();
        Map<ShopItem, Optional<List<Products.Component>>> resolved = resolveAll(details);
        Map<Long, Product> known = new HashMap<>(products.findAll(resolved.values().stream()
                .flatMap(Optional::stream)
                .flatMap(List::stream)
                .map(Products.Component::productId)
                .collect(Collectors.toSet())));
        Map<Long, List<String>> shopCarriers = orders.shopCarriers(orderIds);
        Map<Long, Map<Long, Integer>> needs = new HashMap<>();
        List<OrderFacts> facts = details.stream()
                .map(order -> {
                    var standing = standings.get(order.id());
                    Map<Long, Product> skus = new LinkedHashMap<>();
                    Map<Long, Integer> need = needs.computeIfAbsent(order.id(), k -> new HashMap<>());
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
                            for (Products.Component c : components.get()) {
                                Product sku = skus.computeIfAbsent(
                                        c.productId(), id -> known.computeIfAbsent(id, this::product));
                                if (sku != null && sku.stockManaged()) {
                                    need.merge(c.productId(), c.quantity() * item.quantity(), Integer::sum);
                                }
                            }
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
                            skus.values().stream().filter(Objects::nonNull).toList(),
                            unmapped,
                            standing.tags(),
                            shopCarriers.getOrDefault(order.id(), List.of()),
                            true);
                })
                .toList();
        Map<Long, Boolean> allocatable = allocatable(details, needs);
        return facts.stream()
                .map(f -> allocatable.get(f.order().id())
                        ? f
                        : new OrderFacts(
                                f.order(),
                                f.source(),
                                f.paymentKind(),
                                f.blacklisted(),
                                f.previousOrders(),
                                f.tags(),
                                f.today(),
                                f.products(),
                                f.unmapped(),
                                f.customerTags(),
                                f.shopCarriers(),
                                false))
                .toList();
    }

    /**
     * Whether each order's stock-managed SKUs are held by it or free, read for the whole batch in one statement and
     * taken oldest order first (as the allocation takes them), so two orders never count the same free unit.
     */
    private Map<Long, Boolean> allocatable(List<OrderDetail> details, Map<Long, Map<Long, Integer>> needs) {
        Map<Long, Boolean> allocatable = new HashMap<>();
        Set<Long> skus = new HashSet<>();
        needs.values().forEach(n -> skus.addAll(n.keySet()));
        if (skus.isEmpty()) {
            details.forEach(o -> allocatable.put(o.id(), true));
            return allocatable;
        }
        FreeStock.Availability availability = freeStock.forOrders(needs.keySet(), skus);
        Map<Long, Integer> free = new HashMap<>(availability.free());
        Map<Long, Map<Long, Integer>> held = availability.held();
        details.stream()
                .sorted(Comparator.comparing(OrderDetail::orderedAt).thenComparingLong(OrderDetail::id))
                .forEach(order -> {
                    Map<Long, Integer> need = needs.getOrDefault(order.id(), Map.of());
                    Map<Long, Integer> holds = held.getOrDefault(order.id(), Map.of());
                    Map<Long, Integer> missing = new HashMap<>();
                    need.forEach((sku, units) -> {
                        int lacking = units - holds.getOrDefault(sku, 0);
                        if (lacking > 0) {
                            missing.put(sku, lacking);
                        }
                    });
                    boolean enough =
                            missing.entrySet().stream().allMatch(e -> free.getOrDefault(e.getKey(), 0) >= e.getValue());
                    if (enough) {
                        missing.forEach((sku, units) -> free.merge(sku, -units, Integer::sum));
                    }
                    allocatable.put(order.id(), enough);
                });
        return allocatable;
    }

    /** A shop's item, the key a batch resolves each listing once by (orders of one page share their items). */
    private record ShopItem(long shop, Listings.ItemKey item) {}

    /** The page's items resolved at once, a few queries per shop, not one per item. */
    private Map<ShopItem, Optional<List<Products.Component>>> resolveAll(List<OrderDetail> details) {
        Map<Long, Set<Listings.ItemKey>> items = new LinkedHashMap<>();
        for (OrderDetail order : details) {
            for (OrderDetail.Shipment shipment : order.shipments()) {
                for (OrderDetail.Item item : shipment.items()) {
                    items.computeIfAbsent(order.connectionId(), c -> new LinkedHashSet<>())
                            .add(new Listings.ItemKey(item.itemCode(), item.variation()));
                }
            }
        }
        Map<ShopItem, Optional<List<Products.Component>>> resolved = new HashMap<>();
        items.forEach((shop, keys) -> listings.resolveAll(shop, keys)
                .forEach((key, components) -> resolved.put(new ShopItem(shop, key), components)));
        return resolved;
    }

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
