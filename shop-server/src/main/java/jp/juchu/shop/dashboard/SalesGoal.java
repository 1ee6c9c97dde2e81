package jp.juchu.shop.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * This month's goal (今月の目標): target visitors a day [A] × conversion rate [B] (%) × average order value
 * [C] (yen) × days in the month.
 */
public record SalesGoal(int visitorsPerDay, BigDecimal conversionRate, int averageOrder) {

    public long amount(YearMonth month) {
        return BigDecimal.valueOf(visitorsPerDay)
                .multiply(conversionRate)
                .divide(BigDecimal.valueOf(100))
                .multiply(BigDecimal.valueOf(averageOrder))
                .multiply(BigDecimal.valueOf(month.lengthOfMonth()))
                .setScale(0, RoundingMode.DOWN)
                .longValueExact();
    }

    /** Achievement in percent, one decimal; 0 without a goal. */
    public static BigDecimal achievement(long sales, long goal) {
        if (goal <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(sales * 100).divide(BigDecimal.valueOf(goal), 1, RoundingMode.DOWN);
    }
}
