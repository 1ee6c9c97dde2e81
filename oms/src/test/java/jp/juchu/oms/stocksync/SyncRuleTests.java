package jp.juchu.oms.stocksync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyncRuleTests {

    @Test
    void theShareIsDividedByTheMultiplierRoundedDownThenTheReserveTaken() {
        // 55 × 60 % = 33, / 2 = 16.5 → 16, − 3 = 13
        assertThat(new SyncRule(60, 2, 3, null, 0).quantity(55)).isEqualTo(13);
    }

    @Test
    void theUpperLimitCapsWhatTheShopShows() {
        assertThat(new SyncRule(100, 1, 0, 20, 0).quantity(500)).isEqualTo(20);
    }

    @Test
    void underTheFloorTheShopShowsZero() {
        SyncRule rule = new SyncRule(100, 1, 0, null, 5);
        assertThat(rule.quantity(4)).isZero();
        assertThat(rule.quantity(5)).isEqualTo(5);
    }

    @Test
    void negativeFreeStockAndALargeReserveNeverPushBelowZero() {
        SyncRule rule = new SyncRule(100, 1, 10, null, 0);
        assertThat(rule.quantity(-3)).isZero();
        assertThat(rule.quantity(4)).isZero();
    }

    @Test
    void theDefaultsPushAllOfTheFreeStock() {
        assertThat(SyncRule.defaults(1).quantity(42)).isEqualTo(42);
        assertThat(SyncRule.defaults(3).quantity(10)).isEqualTo(3);
    }

    @Test
    void aShareOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> new SyncRule(101, 1, 0, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyncRule(50, 0, 0, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
