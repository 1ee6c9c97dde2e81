package jp.juchu.shop.storefront;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.Categories;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductDraft;
import jp.juchu.shop.customers.Members;
import jp.juchu.shop.customers.Registration;
import jp.juchu.shop.customers.Reviews;
import jp.juchu.shop.orders.AdminOrderFilter;
import jp.juchu.shop.orders.Order;
import jp.juchu.shop.orders.Orders;
import jp.juchu.shop.shops.Shops;
import org.springframework.boot.test.context.TestComponent;

/** Test data for the storefront: a shop per test, its products, members and coupons, and what was placed. */
@TestComponent
class StorefrontFixtures {

    static final String MERCHANT_PASSWORD = "merchant-pass-1";
    private static final AtomicInteger SHOPS = new AtomicInteger();

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
    private final Catalog catalog;
    private final Categories categories;
    private final Members members;
    private final Reviews reviews;
    private final Orders orders;
    private final Clock clock;

    StorefrontFixtures(
            Shops shops,
            Coupons coupons,
            Catalog catalog,
            Categories categories,
            Members members,
            Reviews reviews,
            Orders orders,
            Clock clock) {
        this.shops = shops;
        this.coupons = coupons;
        this.catalog = catalog;
        this.categories = categories;
        this.members = members;
        this.reviews = reviews;
        this.orders = orders;
        this.clock = clock;
    }

    /** A new shop for one test, so tests never see each other's products or orders. */
    String shop() {
        String shopId = "sf" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SHOPS.incrementAndGet();
        shops.open(shopId, "テスト日本茶店 " + shopId, MERCHANT_PASSWORD);
        for (String[] path : new String[][] {{null, "食品"}, {"食品", "日本茶"}, {null, "雑貨"}, {"雑貨", "衣類"}}) {
            categories.add(shopId, path[0], path[1]);
        }
        return shopId;
    }

    /** An item without variations in 食品/日本茶, running low at 5 units; {@code stock} null for unlimited. */
    void product(String shopId, String code, String name, long price, int rate, Integer stock) {
        catalog.create(
                shopId,
                new ProductDraft(
                        code,
                        name,
                        price,
                        rate,
                        stock == null,
                        5,
                        true,
                        null,
                        List.of(),
                        stock == null ? Map.of() : Map.of("", stock),
                        List.of("食品/日本茶")));
    }

    /** A T-shirt in 色 赤/白 × サイズ M/L; every 白 is sold out. */
    void productWithVariations(String shopId, String code, String name, long price) {
        catalog.create(
                shopId,
                new ProductDraft(
                        code,
                        name,
                        price,
                        10,
                        false,
                        2,
                        true,
                        null,
                        List.of(new Product.Axis("色", List.of("赤", "白")), new Product.Axis("サイズ", List.of("M", "L"))),
                        Map.of("赤/M", 5, "赤/L", 2, "白/M", 0, "白/L", 0),
                        List.of("雑貨/衣類")));
    }

    void review(String shopId, String code, int rating, String title) {
        reviews.post(shopId, code, rating, title, title + "。", "お茶好き", OffsetDateTime.now(clock));
    }

    void member(String shopId, String account, String password, long points) {
        members.register(
                shopId,
                new Registration(
                        account,
                        password,
                        "会員 " + account,
                        "カイイン",
                        account + "@example.jp",
                        "03-1111-2222",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-2-3",
                        ""));
        if (points > 0) {
            members.changePoints(shopId, account, points, "テスト", null);
        }
    }

    /** OLD300 expired, BIG500 from 3,000 yen, TEA10 10 % off. */
    void coupons(String shopId) {
        LocalDate today = LocalDate.now(clock);
        coupons.add(shopId, new Coupons.Coupon("OLD300", "終了", 300, null, 0, today.minusYears(1), today.minusDays(1)));
        coupons.add(shopId, new Coupons.Coupon("BIG500", "500円引き", 500, null, 3000, today, today.plusDays(30)));
        coupons.add(shopId, new Coupons.Coupon("TEA10", "10%引き", null, 10, 0, today.minusDays(1), today));
    }

    /** The order as the platform recorded it. */
    StoredOrder order(String shopId, String orderNumber) {
        Order o = orders.list(shopId, new AdminOrderFilter(null, null, null, orderNumber), 0, 1).orders().stream()
                .findFirst()
                .orElseThrow();
        return new StoredOrder(
                o.payment().method().name(),
                o.payment().cardBrand(),
                o.payment().cardLast4(),
                o.amounts().total(),
                o.buyer().memberAccount(),
                o.amounts().pointsUsed(),
                o.amounts().codFee(),
                o.deliveries().stream().map(Order.Delivery::toString).toList());
    }

    int orderCount(String shopId) {
        return (int) orders.list(shopId, new AdminOrderFilter(null, null, null, null), 0, 1)
                .total();
    }

    List<String> orderNumbers(String shopId) {
        return orders.list(shopId, new AdminOrderFilter(null, null, null, null), 0, 1000).orders().stream()
                .map(Order::orderNumber)
                .toList();
    }

    long points(String shopId, String account) {
        return members.find(shopId, account).orElseThrow().points();
    }

    int available(String shopId, String code) {
        return catalog.find(shopId, code).orElseThrow().stock().get("");
    }
}
