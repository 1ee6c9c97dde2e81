package jp.juchu.shop.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.juchu.shop.settings.ShopSetup;
import org.junit.jupiter.api.Test;

class ShippingRuleTests {

    static final List<ShopSetup.CodFee> COD_FEES = List.of(
            new ShopSetup.CodFee(10_000, 330),
            new ShopSetup.CodFee(30_000, 440),
            new ShopSetup.CodFee(100_000, 660),
            new ShopSetup.CodFee(null, 1_100));

    final ShippingRule rule = new ShippingRule(800, 10_000, Map.of("北海道", 1_000, "沖縄県", 1_000), 330, COD_FEES);

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
        ShippingRule noFree = new ShippingRule(600, null, Map.of(), 0, COD_FEES);
        assertThat(noFree.fee("大阪府", 1_000_000)).isEqualTo(600);
    }

    @Test
    void cashOnDeliveryFeeGrowsWithTheAmountCollected() {
        assertThat(rule.codFee(10_000)).isEqualTo(330);
        assertThat(rule.codFee(10_001)).isEqualTo(440);
        assertThat(rule.codFee(30_000)).isEqualTo(440);
        assertThat(rule.codFee(100_000)).isEqualTo(660);
        assertThat(rule.codFee(100_001)).isEqualTo(1_100);
    }
}
