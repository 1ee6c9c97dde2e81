package jp.juchu.shop.storefront;

import java.time.Clock;
import java.time.LocalDate;
import jp.juchu.shop.settings.ShopSetup;
import jp.juchu.shop.settings.ShopSetups;
import jp.juchu.shop.shops.ShopOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The demo shop's storefront: its details and bank account (お店設定) and a few coupons to try at checkout. */
@Component
class StorefrontDemo {

    private final ShopSetups setups;
    private final Coupons coupons;
    private final Clock clock;

    StorefrontDemo(ShopSetups setups, Coupons coupons, Clock clock) {
        this.setups = setups;
        this.coupons = coupons;
        this.clock = clock;
    }

    @EventListener
    void on(ShopOpened opened) {
        if (!opened.demo()) {
            return;
        }
        String shopId = opened.shopId();
        setups.saveDetails(
                shopId,
                new ShopSetup.Details(
                        opened.name(),
                        "株式会社ジュチュウ商店",
                        "150-0001",
                        "東京都渋谷区神宮前1-2-3 ジュチュウビル4F",
                        "03-1234-5678",
                        "info@sptest18pj.example",
                        """
                        販売価格: 各商品ページに表示(税込)
                        商品代金以外の必要料金: 送料、代引き手数料、ギフト包装料(ご注文確認画面に表示)
                        お支払い方法: クレジットカード、銀行振込、代金引換、コンビニ決済
                        お支払い時期: 銀行振込・コンビニ決済はご注文から7日以内
                        商品の引渡し時期: ご注文から3〜7日以内に発送
                        返品・交換: 商品到着後8日以内にご連絡ください(未開封に限ります)""",
                        "T1234567890123"));
        ShopSetup setup = setups.of(shopId);
        ShopSetup.Payments p = setup.payments();
        setups.savePayments(
                shopId,
                new ShopSetup.Payments(
                        p.card(),
                        p.cardTestMode(),
                        true,
                        new ShopSetup.BankAccount("ジュチュウ銀行", "本店", "普通", "1234567", "カ)ジュチュウショウテン"),
                        p.cashOnDelivery(),
                        p.codFees(),
                        p.convenienceStore(),
                        7));
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
                        today.plusYears(1),
                        null,
                        1));
        coupons.add(
                shopId,
                new Coupons.Coupon(
                        "TEA10", "お茶の日 10%引き", null, 10, 0, today.minusDays(30), today.plusYears(1), 1_000, null));
        coupons.add(
                shopId,
                new Coupons.Coupon(
                        "SUMMER2026",
                        "夏のセール（終了）",
                        300,
                        null,
                        0,
                        today.minusYears(1),
                        today.minusMonths(3),
                        null,
                        null));
    }
}
