package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.juchu.shop.settings.ShopSetup;
import org.junit.jupiter.api.Test;

class PricingTests {

    static final List<ShopSetup.CodFee> COD_FEES = List.of(
            new ShopSetup.CodFee(10_000, 330),
            new ShopSetup.CodFee(30_000, 440),
            new ShopSetup.CodFee(100_000, 660),
            new ShopSetup.CodFee(null, 1_100));

    final ShippingRule rule = new ShippingRule(800, 10_000, Map.of("北海道", 1_000, "沖縄県", 1_000), 330, COD_FEES);

    static Quote.Line line(String code, long price, int rate, int quantity) {
        return new Quote.Line(code, "", code, price, rate, quantity);
    }

    @Test
    void contractExampleAddsUpToTheSameAmountsAndTax() {
        // docs/shop-api.md: 2,160 of 8 % tea, shipping 800, COD 330, coupon 100, points 50 → 3,140
        Quote q = Pricing.quote(
                List.of(List.of(line("tea-001", 1080, 8, 2))), List.of("大阪府"), List.of(false), rule, 100, 50, true);
        assertThat(q.itemsTotal()).isEqualTo(2160);
        assertThat(q.shippingFee()).isEqualTo(800);
        assertThat(q.codFee()).isEqualTo(330);
        assertThat(q.total()).isEqualTo(3140);
        assertThat(q.tax()).containsExactly(new Quote.Tax(10, 1130, 102), new Quote.Tax(8, 2010, 148));
    }

    @Test
    void eachDestinationPaysShippingAndWrappingAndRemoteExtra() {
        Quote q = Pricing.quote(
                List.of(List.of(line("a", 1100, 10, 1)), List.of(line("b", 1080, 8, 1))),
                List.of("東京都", "北海道"),
                List.of(false, true),
                rule,
                0,
                0,
                false);
        assertThat(q.destinations())
                .extracting(Quote.DestinationQuote::shippingFee)
                .containsExactly(800L, 1800L);
        assertThat(q.giftWrappingFee()).isEqualTo(330);
        assertThat(q.total()).isEqualTo(1100 + 1080 + 800 + 1800 + 330);
        assertThat(q.codFee()).isZero();
    }

    @Test
    void discountsAreApportionedOverBothRatesByTheirItems() {
        Quote q = Pricing.quote(
                List.of(List.of(line("a", 3000, 10, 1), line("b", 1000, 8, 1))),
                List.of("東京都"),
                List.of(false),
                rule,
                400,
                0,
                false);
        // 10 % items carry 3/4 of the 400 discount, 8 % items 1/4; shipping 800 is 10 %
        assertThat(q.tax()).containsExactly(new Quote.Tax(10, 3000 - 300 + 800, 318), new Quote.Tax(8, 900, 66));
        assertThat(q.tax().stream().mapToLong(Quote.Tax::taxableAmount).sum()).isEqualTo(q.total());
    }

    @Test
    void freeShippingFromTheAmountAndCodFeeOnWhatIsCollected() {
        Quote q = Pricing.quote(
                List.of(List.of(line("a", 5500, 10, 2))), List.of("東京都"), List.of(false), rule, 0, 0, true);
        assertThat(q.shippingFee()).isZero();
        assertThat(q.codFee()).isEqualTo(440);
        assertThat(q.total()).isEqualTo(11_440);
    }

    @Test
    void pointsNeverExceedWhatIsLeftOfTheItems() {
        Quote q = Pricing.quote(
                List.of(List.of(line("a", 1000, 10, 1))), List.of("東京都"), List.of(false), rule, 800, 500, false);
        assertThat(q.couponDiscount()).isEqualTo(800);
        assertThat(q.pointsUsed()).isEqualTo(200);
        assertThat(q.total()).isEqualTo(800);
    }
}
