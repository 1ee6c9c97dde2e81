package jp.juchu.shop.storefront;

import java.time.Clock;
import java.time.LocalDate;
import jp.juchu.shop.shops.ShopOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The demo shop's storefront settings: its shipping rule and a few coupons to try at checkout. */
@Component
class StorefrontDemo {

    private final ShippingRules shippingRules;
    private final Coupons coupons;
    private final Clock clock;

    StorefrontDemo(ShippingRules shippingRules, Coupons coupons, Clock clock) {
        this.shippingRules = shippingRules;
        this.coupons = coupons;
        this.clock = clock;
    }

    @EventListener
    void on(ShopOpened opened) {
        if (!opened.demo()) {
            return;
        }
        String shopId = opened.shopId();
        shippingRules.set(shopId, new ShippingRule(800, 10_000, 1_000, ShippingRules.DEFAULT_REMOTE, 330));
        LocalDate today = LocalDate.now(clock);
        coupons.add(
                shopId,
                new Coupons.Coupon(
                        "WELCOME500",
                        "はじめてのお買い物 500円引き（3,000円以上）",
                        500,
                        null,
                        3_000,
                        today.minusDays(30),
                        today.plusYears(1)));
        coupons.add(
                shopId,
                new Coupons.Coupon("TEA10", "お茶の日 10%引き", null, 10, 0, today.minusDays(30), today.plusYears(1)));
        coupons.add(
                shopId,
                new Coupons.Coupon("SUMMER2026", "夏のセール（終了）", 300, null, 0, today.minusYears(1), today.minusMonths(3)));
    }
}
