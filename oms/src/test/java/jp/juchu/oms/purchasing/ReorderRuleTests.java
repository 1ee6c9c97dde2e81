package jp.juchu.oms.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import jp.juchu.oms.purchasing.internal.ReorderRule;
import org.junit.jupiter.api.Test;

class ReorderRuleTests {

    @Test
    void aboveTheReorderPointNothingIsSuggested() {
        assertThat(ReorderRule.quantity(6, 5, 20, 1, 100, 0)).isZero();
        assertThat(ReorderRule.quantity(0, null, 20, 1, 100, 0)).isZero();
    }

    @Test
    void atTheReorderPointTheSuggestionFillsUpToTheOrderUpToLevel() {
        assertThat(ReorderRule.quantity(5, 5, 20, 1, 100, 0)).isEqualTo(15);
        // a negative position (orders shipped short) is made up as well
        assertThat(ReorderRule.quantity(-3, 5, 20, 1, 100, 0)).isEqualTo(23);
    }

    @Test
    void theQuantityIsRoundedUpToWholeLots() {
        assertThat(ReorderRule.quantity(2, 5, 20, 6, 100, 0)).isEqualTo(18);
        assertThat(ReorderRule.quantity(3, 5, 20, 6, 100, 0)).isEqualTo(18);
        assertThat(ReorderRule.quantity(1, 5, 20, 6, 100, 0)).isEqualTo(24);
    }

    @Test
    void theSupplierMinimumRaisesTheQuantityToWholeLotsReachingIt() {
        // 15 × 100 = 1,500円 < 5,000円 → 50 units, in lots of 12 → 60
        assertThat(ReorderRule.quantity(5, 5, 20, 12, 100, 5_000)).isEqualTo(60);
        // already over the minimum: unchanged
        assertThat(ReorderRule.quantity(5, 5, 20, 1, 1_000, 5_000)).isEqualTo(15);
        // free items (price 0) are not raised by an amount
        assertThat(ReorderRule.quantity(5, 5, 20, 1, 0, 5_000)).isEqualTo(15);
    }

    @Test
    void absurdFiguresAreCappedAtWhatALineCanHold() {
        assertThat(ReorderRule.quantity(0, 9_999_999, 9_999_999, 99_999, 1, 99_999_999))
                .isLessThanOrEqualTo(ReorderRule.MAX_QUANTITY)
                .isPositive();
    }
}
