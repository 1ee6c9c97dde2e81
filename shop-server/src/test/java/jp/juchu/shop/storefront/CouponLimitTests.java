package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.juchu.shop.settings.ShopSetup;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Coupons (集客・運営): the period, the minimum order, and the limits in total and per member, even at once. */
@StorefrontTest
class CouponLimitTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    StorefrontFixtures fixtures;

    @Autowired
    Coupons coupons;

    @Autowired
    Checkout checkout;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void periodAndMinimumOrderAreChecked() {
        String shopId = fixtures.shop();
        LocalDate today = LocalDate.now(clock);
        coupons.add(shopId, coupon("SOON", 100, 0, today.plusDays(1), today.plusDays(9), null, null));
        coupons.add(shopId, coupon("PAST", 100, 0, today.minusDays(9), today.minusDays(1), null, null));
        coupons.add(shopId, coupon("BIG", 100, 5_000, today, today, null, null));

        assertThat(coupons.apply(shopId, "soon", 1_000, today, null).refusal())
                .isEqualTo(Coupons.Refusal.NOT_YET_VALID);
        assertThat(coupons.apply(shopId, "PAST", 1_000, today, null).refusal()).isEqualTo(Coupons.Refusal.EXPIRED);
        assertThat(coupons.apply(shopId, "BIG", 4_999, today, null).refusal()).isEqualTo(Coupons.Refusal.UNDER_MINIMUM);
        assertThat(coupons.apply(shopId, "BIG", 5_000, today, null).discount()).isEqualTo(100);
        assertThat(coupons.apply(shopId, "NONE", 5_000, today, null).refusal()).isEqualTo(Coupons.Refusal.UNKNOWN);
    }

    @Test
    void aCouponUsedUpIsRefusedAtPlacingAndNothingIsSaved() {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 10);
        LocalDate today = LocalDate.now(clock);
        coupons.add(shopId, coupon("TWICE", 200, 0, today, today.plusDays(1), 2, null));
        ShopSetup setup = checkout.setup(shopId);

        checkout.place(shopId, CheckoutOrders.of(null, "TWICE", "BankTransfer", "tea-001", 1), setup);
        PlacedOrder second =
                checkout.place(shopId, CheckoutOrders.of(null, "twice", "BankTransfer", "tea-001", 1), setup);
        assertThat(second.quote().couponDiscount()).isEqualTo(200);

        assertThatThrownBy(() -> coupons.use(shopId, "TWICE", 1_080, today, "x", null))
                .isInstanceOf(CouponUnavailable.class);
        assertThat(coupons.apply(shopId, "TWICE", 1_080, today, null).refusal()).isEqualTo(Coupons.Refusal.USED_UP);
        assertThat(fixtures.orderCount(shopId)).isEqualTo(2);
        assertThat(fixtures.available(shopId, "tea-001")).isEqualTo(8);
        assertThat(coupons.list(shopId).get(0).usedCount()).isEqualTo(2);
    }

    @Test
    void aPerMemberLimitCountsEachMemberAndKeepsGuestsOut() {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, null);
        fixtures.member(shopId, "hanako", "hanako-pass", 0);
        fixtures.member(shopId, "taro01", "taro01-pass", 0);
        LocalDate today = LocalDate.now(clock);
        coupons.add(shopId, coupon("ONCE", 300, 0, today, today.plusDays(1), null, 1));
        ShopSetup setup = checkout.setup(shopId);

        checkout.place(shopId, CheckoutOrders.of("hanako", "ONCE", "BankTransfer", "tea-001", 1), setup);
        assertThat(coupons.apply(shopId, "ONCE", 1_080, today, "hanako").refusal())
                .isEqualTo(Coupons.Refusal.MEMBER_LIMIT);
        assertThatThrownBy(() -> checkout.place(
                        shopId, CheckoutOrders.of("hanako", "ONCE", "BankTransfer", "tea-001", 1), setup))
                .isInstanceOf(CouponUnavailable.class);
        assertThat(coupons.apply(shopId, "ONCE", 1_080, today, null).refusal()).isEqualTo(Coupons.Refusal.MEMBERS_ONLY);
        assertThat(checkout.place(shopId, CheckoutOrders.of("taro01", "ONCE", "BankTransfer", "tea-001", 1), setup)
                        .quote()
                        .couponDiscount())
                .isEqualTo(300);
        assertThat(fixtures.orderCount(shopId)).isEqualTo(2);
    }

    @Test
    void buyersCheckingOutAtOnceNeverUseACouponMoreOftenThanItAllows() throws Exception {
        String shopId = fixtures.shop();
        LocalDate today = LocalDate.now(clock);
        coupons.add(shopId, coupon("RUSH3", 100, 0, today, today.plusDays(1), 3, null));
        int buyers = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < buyers; i++) {
                String serial = "order-" + i;
                Callable<Boolean> buyer = () -> {
                    start.await();
                    try {
                        // as the placing transaction does it, each order holding its transaction open a moment
                        transactions.executeWithoutResult(tx -> {
                            coupons.use(shopId, "RUSH3", 1_080, today, serial, null);
                            pause();
                        });
                        return true;
                    } catch (CouponUnavailable e) {
                        return false;
                    }
                };
                results.add(pool.submit(buyer));
            }
            start.countDown();
            int used = 0;
            for (Future<Boolean> result : results) {
                used += result.get() ? 1 : 0;
            }
            assertThat(used).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(coupons.list(shopId).get(0).usedCount()).isEqualTo(3);
        assertThat(coupons.apply(shopId, "RUSH3", 1_080, today, null).refusal()).isEqualTo(Coupons.Refusal.USED_UP);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theCheckoutSaysWhyACouponIsRefused() throws Exception {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, null);
        LocalDate today = LocalDate.now(clock);
        coupons.add(shopId, coupon("MEMBERS", 100, 0, today, today, null, 2));
        Shopper guest = new Shopper(mvc, shopId);
        guest.addToCart("tea-001", 1);
        var form = Shopper.buyerForm();
        form.put("couponCode", "MEMBERS");
        Document page = Jsoup.parse(guest.post("/checkout", form).getResponse().getContentAsString());
        assertThat(page.text()).contains("このクーポンは会員の方のみご利用いただけます");
    }

    @Test
    void theMerchantAddsListsAndDeletesCouponsWithFieldErrorsInJapanese() throws Exception {
        String shopId = fixtures.shop();
        Document refused = Jsoup.parse(mvc.perform(post("/admin/coupons")
                        .with(user(shopId).roles("MERCHANT"))
                        .with(csrf())
                        .param("code", "bad code!")
                        .param("description", "テスト")
                        .param("discountType", "YEN")
                        .param("discount", "100")
                        .param("validFrom", "2026-12-01")
                        .param("validUntil", "2026-12-31"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(refused.text()).contains("クーポンコードは半角英大文字・数字・- _ で3〜40文字で入力してください");

        Document badDate = Jsoup.parse(mvc.perform(post("/admin/coupons")
                        .with(user(shopId).roles("MERCHANT"))
                        .with(csrf())
                        .param("code", "XMAS")
                        .param("description", "クリスマス")
                        .param("discountType", "PERCENT")
                        .param("discount", "101")
                        .param("validFrom", "2026-12-31")
                        .param("validUntil", "2026-12-01"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(badDate.text()).contains("値引き率は1〜100%で入力してください");
        assertThat(coupons.list(shopId)).isEmpty();

        String added = mvc.perform(post("/admin/coupons")
                        .with(user(shopId).roles("MERCHANT"))
                        .with(csrf())
                        .param("code", "xmas")
                        .param("description", "クリスマス 10%引き")
                        .param("discountType", "PERCENT")
                        .param("discount", "10")
                        .param("minItemsTotal", "2000")
                        .param("validFrom", "2026-12-01")
                        .param("validUntil", "2026-12-25")
                        .param("maxUses", "100")
                        .param("maxUsesPerMember", ""))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(added).isEqualTo("/admin/coupons");
        Document list =
                Jsoup.parse(mvc.perform(get("/admin/coupons").with(user(shopId).roles("MERCHANT")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(list.select("[data-testid=uses-XMAS]").text()).isEqualTo("0 / 100");

        mvc.perform(post("/admin/coupons/XMAS/delete")
                .with(user(shopId).roles("MERCHANT"))
                .with(csrf()));
        assertThat(coupons.list(shopId)).isEmpty();
    }

    private static Coupons.Coupon coupon(
            String code, int yen, int min, LocalDate from, LocalDate until, Integer maxUses, Integer perMember) {
        return new Coupons.Coupon(code, code + " クーポン", yen, null, min, from, until, maxUses, perMember);
    }
}
