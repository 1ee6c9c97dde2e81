package jp.juchu.oms.stocksync.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One listing's rule as the sync page's form sends it. */
record ListingSyncForm(
        boolean enabled,
        @NotNull @Min(0) @Max(100) Integer sharePercent,
        @NotNull @Min(0) @Max(999_999) Integer reserve,
        @Min(0) @Max(999_999) Integer upperLimit,
        @NotNull @Min(0) @Max(999_999) Integer floorQuantity) {}
