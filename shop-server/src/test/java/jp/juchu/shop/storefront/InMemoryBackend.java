package jp.juchu.shop.storefront;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The storefront's ports over plain maps, so its pages, forms and rules are tested on their own:
 * a test double for the catalog, customers and orders modules (which own the real data).
 */
@TestComponent
class InMemoryBackend implements Shelf, StorefrontMembers, MemberOrders {

    record Product(
            String shopId,
            String itemCode,
            String name,
            long price,
            int taxPercent,
            List<String> categories,
            List<String> axes,
            Map<String, Integer> stock,
            List<ProductView.Review> reviews,
            long createdOrder) {}

    record Member(Registration registration, String passwordHash, long points) {}

    record StoredOrder(
            String shopId,
            String serialCode,
            String orderNumber,
            CheckoutOrder order,
            Quote quote,
            OffsetDateTime at) {}

    final Map<String, Product> products = new ConcurrentHashMap<>();
    final Map<String, Member> members = new ConcurrentHashMap<>();
    final List<StoredOrder> orders = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong(7_000_000);
    private final PasswordEncoder passwordEncoder;

    InMemoryBackend(PasswordEncoder passwordEncoder) {
        this.passwordEncoder = passwordEncoder;
    }

    static String key(String shopId, String code) {
        return shopId + "/" + code;
    }

    // --- Shelf

    @Override
    public List<ShelfItem> newest(String shopId, int limit) {
        return products(shopId)
                .sorted(Comparator.comparingLong(Product::createdOrder).reversed())
                .limit(limit)
                .map(this::item)
                .toList();
    }

    @Override
    public List<Ranked> ranking(String shopId, int limit) {
        Map<String, Long> sold = new LinkedHashMap<>();
        synchronized (orders) {
            orders.stream()
                    .filter(o -> o.shopId().equals(shopId))
                    .forEach(o -> o.quote().destinations().stream()
                            .flatMap(d -> d.lines().stream())
                            .forEach(l -> sold.merge(l.itemCode(), (long) l.quantity(), Long::sum)));
        }
        List<Ranked> ranked = new ArrayList<>();
        sold.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> ranked.add(new Ranked(
                        ranked.size() + 1,
                        e.getKey(),
                        products.get(key(shopId, e.getKey())).name(),
                        e.getValue())));
        return ranked;
    }

    @Override
    public List<CategoryNode> categoryTree(String shopId) {
        return products(shopId)
                .flatMap(p -> p.categories().stream())
                .map(path -> path.split("/")[0])
                .distinct()
                .map(top -> new CategoryNode(
                        top,
                        top,
                        products(shopId)
                                .flatMap(p -> p.categories().stream())
                                .filter(path -> path.startsWith(top + "/"))
                                .distinct()
                                .map(path -> new CategoryNode(path.substring(top.length() + 1), path, List.of()))
                                .toList()))
                .toList();
    }

    @Override
    public List<ShelfItem> inCategory(String shopId, String path) {
        return products(shopId)
                .filter(p -> p.categories().stream().anyMatch(c -> c.equals(path) || c.startsWith(path + "/")))
                .map(this::item)
                .toList();
    }

    @Override
    public List<ShelfItem> search(String shopId, String keyword) {
        return products(shopId)
                .filter(p -> p.name().contains(keyword) || p.itemCode().contains(keyword))
                .map(this::item)
                .toList();
    }

    @Override
    public Optional<ProductView> product(String shopId, String itemCode) {
        Product p = products.get(key(shopId, itemCode));
        if (p == null) {
            return Optional.empty();
        }
        List<ProductView.Axis> axes = new ArrayList<>();
        for (int i = 0; i < p.axes().size(); i++) {
            int axis = i;
            Map<String, Boolean> soldOut = new LinkedHashMap<>();
            p.stock()
                    .forEach((variation, quantity) -> soldOut.merge(
                            variation.split("/")[axis], quantity != null && quantity == 0, Boolean::logicalAnd));
            axes.add(new ProductView.Axis(
                    p.axes().get(i),
                    soldOut.entrySet().stream()
                            .map(e -> new ProductView.Choice(e.getKey(), e.getValue()))
                            .toList()));
        }
        List<ProductView.VariationStock> variations = p.axes().isEmpty()
                ? List.of()
                : p.stock().entrySet().stream()
                        .map(e -> new ProductView.VariationStock(e.getKey(), state(e.getValue())))
                        .toList();
        Double average = p.reviews().isEmpty()
                ? null
                : p.reviews().stream()
                        .mapToInt(ProductView.Review::rating)
                        .average()
                        .orElseThrow();
        return Optional.of(new ProductView(item(p), p.categories(), axes, variations, p.reviews(), average));
    }

    @Override
    public Optional<Offer> offer(String shopId, String itemCode, String variation) {
        Product p = products.get(key(shopId, itemCode));
        if (p == null || !p.stock().containsKey(variation)) {
            return Optional.empty();
        }
        return Optional.of(new Offer(
                itemCode,
                variation,
                p.name(),
                p.price(),
                p.taxPercent(),
                p.stock().get(variation)));
    }

    private java.util.stream.Stream<Product> products(String shopId) {
        return products.values().stream().filter(p -> p.shopId().equals(shopId));
    }

    private ShelfItem item(Product p) {
        boolean unlimited = p.stock().values().stream().anyMatch(q -> q == null);
        int total = p.stock().values().stream().mapToInt(q -> q == null ? 0 : q).sum();
        return new ShelfItem(
                p.itemCode(), p.name(), p.price(), p.taxPercent(), unlimited ? StockState.IN_STOCK : state(total));
    }

    static StockState state(Integer quantity) {
        if (quantity == null || quantity > 5) {
            return StockState.IN_STOCK;
        }
        return quantity == 0 ? StockState.SOLD_OUT : StockState.FEW_LEFT;
    }

    // --- StorefrontMembers

    @Override
    public Optional<MemberView> find(String shopId, String account) {
        Member m = members.get(key(shopId, account));
        if (m == null) {
            return Optional.empty();
        }
        Registration r = m.registration();
        return Optional.of(new MemberView(
                r.account(),
                r.name(),
                r.kana(),
                r.email(),
                r.phone(),
                r.postalCode(),
                r.prefecture(),
                r.address1(),
                r.address2(),
                m.points()));
    }

    @Override
    public boolean passwordMatches(String shopId, String account, String password) {
        Member m = members.get(key(shopId, account));
        return m != null && passwordEncoder.matches(password, m.passwordHash());
    }

    @Override
    public void register(String shopId, Registration registration) {
        members.put(
                key(shopId, registration.account()),
                new Member(registration, passwordEncoder.encode(registration.password()), 0));
    }

    // --- MemberOrders

    /** All or nothing, as the platform's placement: stock and points are checked, then taken. */
    @Override
    public synchronized PlacedOrder place(String shopId, CheckoutOrder order, Quote quote) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        order.destinations()
                .forEach(d -> d.lines()
                        .forEach(l ->
                                wanted.merge(l.itemCode() + "\u0000" + l.variation(), l.quantity(), Integer::sum)));
        wanted.forEach((line, quantity) -> {
            String[] parts = line.split("\u0000", -1);
            Product p = products.get(key(shopId, parts[0]));
            Integer left = p.stock().get(parts[1]);
            if (left != null && left < quantity) {
                throw new SoldOutWhileCheckingOut(p.name(), null);
            }
        });
        Member member = order.memberAccount() == null ? null : members.get(key(shopId, order.memberAccount()));
        if (member != null && member.points() < quote.pointsUsed()) {
            throw new IllegalStateException("not enough points");
        }
        wanted.forEach((line, quantity) -> {
            String[] parts = line.split("\u0000", -1);
            Product p = products.get(key(shopId, parts[0]));
            p.stock().computeIfPresent(parts[1], (v, left) -> left - quantity);
        });
        if (member != null) {
            members.put(
                    key(shopId, order.memberAccount()),
                    new Member(member.registration(), member.passwordHash(), member.points() - quote.pointsUsed()));
        }
        String serial = String.valueOf(sequence.incrementAndGet());
        String number = "T" + serial;
        synchronized (orders) {
            orders.add(new StoredOrder(shopId, serial, number, order, quote, OffsetDateTime.now()));
        }
        return new PlacedOrder(serial, number, quote);
    }

    @Override
    public List<Summary> history(String shopId, String account) {
        synchronized (orders) {
            return orders.stream()
                    .filter(o -> o.shopId().equals(shopId)
                            && account.equals(o.order().memberAccount()))
                    .map(InMemoryBackend::summary)
                    .toList();
        }
    }

    @Override
    public Optional<Detail> detail(String shopId, String account, String serialCode) {
        synchronized (orders) {
            return orders.stream()
                    .filter(o -> o.shopId().equals(shopId)
                            && account.equals(o.order().memberAccount())
                            && o.serialCode().equals(serialCode))
                    .findFirst()
                    .map(o -> {
                        List<Delivery> deliveries = new ArrayList<>();
                        for (int i = 0; i < o.order().destinations().size(); i++) {
                            CheckoutOrder.Destination d =
                                    o.order().destinations().get(i);
                            deliveries.add(new Delivery(
                                    d.name(),
                                    d.prefecture(),
                                    d.address1(),
                                    o.quote().destinations().get(i).lines().stream()
                                            .map(l -> new Item(l.name(), l.variation(), l.unitPrice(), l.quantity()))
                                            .toList(),
                                    null,
                                    null,
                                    null));
                        }
                        Quote q = o.quote();
                        return new Detail(
                                summary(o),
                                o.order().paymentMethod(),
                                deliveries,
                                q.itemsTotal(),
                                q.shippingFee(),
                                q.codFee(),
                                q.giftWrappingFee(),
                                q.couponDiscount(),
                                q.pointsUsed());
                    });
        }
    }

    private static Summary summary(StoredOrder o) {
        return new Summary(o.serialCode(), o.orderNumber(), o.at(), o.quote().total(), "New", "Unpaid", "NotShipped");
    }
}
