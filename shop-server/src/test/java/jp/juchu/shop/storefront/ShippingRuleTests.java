package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ShippingRuleTests {

    final ShippingRule rule = new ShippingRule(800, 10_000, 1_000, Set.of("北海道", "沖縄県"), 330);

    @Test
    void flatFeeUnderTheFreeShippingAmount() {
        assertThat(rule.fee("東京都", 9_999)).isEqualTo(800);
    }

    @Test
    void freeFromTheAmount() {
        assertThat(rule.fee("東京都", 10_000)).isZero();
    }

    @Test
    void remotePrefecturesPayTheExtraEvenWhenShippingIsFree() {
        assertThat(rule.fee("北海道", 5_000)).isEqualTo(1_800);
        assertThat(rule.fee("沖縄県", 20_000)).isEqualTo(1_000);
    }

    @Test
    void ruleWithoutFreeShippingAlwaysCharges() {
        ShippingRule noFree = new ShippingRule(600, null, 0, Set.of(), 0);
        assertThat(noFree.fee("大阪府", 1_000_000)).isEqualTo(600);
    }

    @Test
    void cashOnDeliveryFeeGrowsWithTheAmountCollected() {
        assertThat(ShippingRule.codFee(10_000)).isEqualTo(330);
        assertThat(ShippingRule.codFee(10_001)).isEqualTo(440);
        assertThat(ShippingRule.codFee(30_000)).isEqualTo(440);
        assertThat(ShippingRule.codFee(100_000)).isEqualTo(660);
        assertThat(ShippingRule.codFee(100_001)).isEqualTo(1_100);
    }
}
