package jp.juchu.oms.stocksync.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One listing's rule as the sync page's form sends it; an unchecked 連携 box sends no {@code enabled}. */
record ListingSyncForm(
        Boolean enabled,
        @NotNull @Min(0) @Max(100) Integer sharePercent,
        @NotNull @Min(0) @Max(999_999) Integer reserve,
        @Min(0) @Max(999_999) Integer upperLimit,
        @NotNull @Min(0) @Max(999_999) Integer floorQuantity) {

    boolean syncOn() {
        return Boolean.TRUE.equals(enabled);
    }
}
