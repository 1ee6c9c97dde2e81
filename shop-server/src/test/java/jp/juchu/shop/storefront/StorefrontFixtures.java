package jp.juchu.shop.storefront;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.juchu.shop.shops.Shops;
import org.springframework.boot.test.context.TestComponent;

/** Test data for the storefront: a shop per test, its products, members and coupons, and what was placed. */
@TestComponent
class StorefrontFixtures {

    static final String MERCHANT_PASSWORD = "merchant-pass-1";
    private static final AtomicInteger SHOPS = new AtomicInteger();
    private static final AtomicLong CREATED = new AtomicLong();

    /** An order as the tests read it back. */
    record StoredOrder(
            String paymentMethod,
            String cardBrand,
            String cardLast4,
            long total,
            String memberAccount,
            long pointsUsed,
            long codFee,
            List<String> deliveries) {}

    private final Shops shops;
    private final Coupons coupons;
    private final InMemoryBackend backend;
    private final Clock clock;

    StorefrontFixtures(Shops shops, Coupons coupons, InMemoryBackend backend, Clock clock) {
        this.shops = shops;
        this.coupons = coupons;
        this.backend = backend;
        this.clock = clock;
    }

    /** A new shop for one test, so tests never see each other's products or orders. */
    String shop() {
        String shopId = "sf" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SHOPS.incrementAndGet();
        shops.open(shopId, "テスト日本茶店 " + shopId, MERCHANT_PASSWORD);
        return shopId;
    }

    /** An item without variations; {@code stock} null for unlimited. */
    void product(String shopId, String code, String name, long price, int rate, Integer stock) {
        Map<String, Integer> quantities = Collections.synchronizedMap(new LinkedHashMap<>());
        quantities.put("", stock);
        backend.products.put(
                InMemoryBackend.key(shopId, code),
                new InMemoryBackend.Product(
                        shopId,
                        code,
                        name,
                        price,
                        rate,
                        List.of("食品/日本茶"),
                        List.of(),
                        quantities,
                        Collections.synchronizedList(new ArrayList<>()),
                        CREATED.incrementAndGet()));
    }

    /** A T-shirt in 色 赤/白 × サイズ M/L; every 白 is sold out. */
    void productWithVariations(String shopId, String code, String name, long price) {
        Map<String, Integer> quantities = Collections.synchronizedMap(new LinkedHashMap<>());
        quantities.put("赤/M", 5);
        quantities.put("赤/L", 2);
        quantities.put("白/M", 0);
        quantities.put("白/L", 0);
        backend.products.put(
                InMemoryBackend.key(shopId, code),
                new InMemoryBackend.Product(
                        shopId,
                        code,
                        name,
                        price,
                        10,
                        List.of("雑貨/衣類"),
                        List.of("色", "サイズ"),
                        quantities,
                        Collections.synchronizedList(new ArrayList<>()),
                        CREATED.incrementAndGet()));
    }

    void review(String shopId, String code, int rating, String title) {
        backend.products
                .get(InMemoryBackend.key(shopId, code))
                .reviews()
                .add(new ProductView.Review(rating, title, title + "。", "お茶好き", OffsetDateTime.now(clock)));
    }

    void member(String shopId, String account, String password, long points) {
        StorefrontMembers.Registration registration = new StorefrontMembers.Registration(
                account,
                password,
                "会員 " + account,
                "カイイン",
                account + "@example.jp",
                "03-1111-2222",
                "150-0001",
                "東京都",
                "渋谷区神宮前1-2-3",
                "");
        backend.register(shopId, registration);
        InMemoryBackend.Member m = backend.members.get(InMemoryBackend.key(shopId, account));
        backend.members.put(
                InMemoryBackend.key(shopId, account),
                new InMemoryBackend.Member(m.registration(), m.passwordHash(), points));
    }

    /** OLD300 expired, BIG500 from 3,000 yen, TEA10 10 % off. */
    void coupons(String shopId) {
        LocalDate today = LocalDate.now(clock);
        coupons.add(shopId, new Coupons.Coupon("OLD300", "終了", 300, null, 0, today.minusYears(1), today.minusDays(1)));
        coupons.add(shopId, new Coupons.Coupon("BIG500", "500円引き", 500, null, 3000, today, today.plusDays(30)));
        coupons.add(shopId, new Coupons.Coupon("TEA10", "10%引き", null, 10, 0, today.minusDays(1), today));
    }

    StoredOrder order(String shopId, String orderNumber) {
        synchronized (backend.orders) {
            InMemoryBackend.StoredOrder o = backend.orders.stream()
                    .filter(s -> s.shopId().equals(shopId) && s.orderNumber().equals(orderNumber))
                    .findFirst()
                    .orElseThrow();
            CheckoutOrder c = o.order();
            return new StoredOrder(
                    c.paymentMethod(),
                    c.cardBrand(),
                    c.cardLast4(),
                    o.quote().total(),
                    c.memberAccount(),
                    o.quote().pointsUsed(),
                    o.quote().codFee(),
                    c.destinations().stream()
                            .map(CheckoutOrder.Destination::toString)
                            .toList());
        }
    }

    int orderCount(String shopId) {
        synchronized (backend.orders) {
            return (int) backend.orders.stream()
                    .filter(o -> o.shopId().equals(shopId))
                    .count();
        }
    }

    long points(String shopId, String account) {
        return backend.members.get(InMemoryBackend.key(shopId, account)).points();
    }

    int available(String shopId, String code) {
        return backend.products.get(InMemoryBackend.key(shopId, code)).stock().get("");
    }
}
