package jp.juchu.support.money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consumption tax (消費税) per rate of a tax-included order, the one rule both the shop and the back office use:
 * fees (shipping, COD, wrapping) are at 10 %; coupon and points are apportioned over the rates by their share of the
 * items; the tax contained in each rate's amount is {@code floor(amount × rate / (100 + rate))}, rounded once per
 * rate (税率ごとに1回、切り捨て).
 */
public final class ConsumptionTax {

    /** The amount (tax included) taxed at one rate and the tax it contains. */
    public record Line(int rate, long taxableAmount, long tax) {}

    private ConsumptionTax() {}

    /**
     * @param itemsByRate the items' amounts (unit price × quantity, tax included) summed per rate (10, 8, 0)
     * @param fees shipping, COD and wrapping fees, all at 10 %
     * @param discounts coupon discount plus points used
     * @return one line per rate, highest rate first
     */
    public static List<Line> perRate(Map<Integer, Long> itemsByRate, long fees, long discounts) {
        Map<Integer, Long> byRate = new TreeMap<>(Comparator.reverseOrder());
        byRate.putAll(itemsByRate);
        long itemsTotal = byRate.values().stream().mapToLong(Long::longValue).sum();
        Map<Integer, Long> taxable = new TreeMap<>(Comparator.reverseOrder());
        long apportioned = 0;
        int remainingRates = byRate.size();
        for (Map.Entry<Integer, Long> rate : byRate.entrySet()) {
            remainingRates--;
            long share = remainingRates == 0
                    ? discounts - apportioned
                    : itemsTotal == 0 ? 0 : Math.floorDiv(discounts * rate.getValue(), itemsTotal);
            apportioned += share;
            taxable.put(rate.getKey(), rate.getValue() - share);
        }
        taxable.merge(10, fees, Long::sum);
        List<Line> lines = new ArrayList<>();
        taxable.forEach((rate, amount) -> {
            if (amount != 0 || byRate.containsKey(rate)) {
                lines.add(new Line(rate, amount, Math.floorDiv(amount * rate, 100 + rate)));
            }
        });
        return lines;
    }
}
