package jp.juchu.shop.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tax per rate of a tax-included order, as the contract states it: fees (shipping, COD, wrapping) are at
 * 10 %; coupon and points are apportioned over the rates by their share of the items; the tax contained
 * in each rate's amount is {@code floor(amount × rate / (100 + rate))}, rounded once per rate.
 */
public final class Taxes {

    private Taxes() {}

    public static List<Order.TaxLine> of(List<Order.Item> items, long fees, long discounts) {
        Map<Integer, Long> byRate = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Order.Item item : items) {
            byRate.merge(item.taxRate(), item.amount(), Long::sum);
        }
        long itemsTotal = byRate.values().stream().mapToLong(Long::longValue).sum();
        Map<Integer, Long> taxable = new TreeMap<>(java.util.Comparator.reverseOrder());
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
        List<Order.TaxLine> lines = new ArrayList<>();
        taxable.forEach((rate, amount) -> {
            if (amount != 0 || byRate.containsKey(rate)) {
                lines.add(new Order.TaxLine(rate, amount, Math.floorDiv(amount * rate, 100 + rate)));
            }
        });
        return lines;
    }
}
