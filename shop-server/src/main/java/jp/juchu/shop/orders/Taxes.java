package jp.juchu.shop.orders;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.juchu.support.money.ConsumptionTax;

/** Tax per rate of a tax-included order, by the one rule in {@link ConsumptionTax}. */
public final class Taxes {

    private Taxes() {}

    public static List<Order.TaxLine> of(List<Order.Item> items, long fees, long discounts) {
        Map<Integer, Long> byRate = new TreeMap<>();
        for (Order.Item item : items) {
            byRate.merge(item.taxRate(), item.amount(), Long::sum);
        }
        return ConsumptionTax.perRate(byRate, fees, discounts).stream()
                .map(line -> new Order.TaxLine(line.rate(), line.taxableAmount(), line.tax()))
                .toList();
    }
}
