package jp.juchu.shop.storefront;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The amounts of a checkout, by the contract's rules (docs/shop-api.md): fees are taxed at 10 %;
 * the coupon discount and points are apportioned over the items of each rate by their share of the
 * items total; each rate's tax is {@code floor(taxable × rate / (100 + rate))}.
 */
final class Pricing {

    static final int FEE_RATE = 10;

    private Pricing() {}

    static Quote quote(
            List<List<Quote.Line>> destinations,
            List<String> prefectures,
            List<Boolean> giftWrapping,
            ShippingRule rule,
            long couponDiscount,
            long pointsToUse,
            boolean cashOnDelivery) {
        long itemsTotal = destinations.stream()
                .flatMap(List::stream)
                .mapToLong(Quote.Line::subtotal)
                .sum();
        List<Quote.DestinationQuote> quoted = new ArrayList<>();
        long shipping = 0;
        long wrapping = 0;
        for (int i = 0; i < destinations.size(); i++) {
            long fee = rule.fee(prefectures.get(i), itemsTotal);
            long wrap = giftWrapping.get(i) ? rule.giftWrappingFee() : 0;
            quoted.add(new Quote.DestinationQuote(destinations.get(i), fee, wrap));
            shipping += fee;
            wrapping += wrap;
        }
        long coupon = Math.min(couponDiscount, itemsTotal);
        long points = Math.max(0, Math.min(pointsToUse, itemsTotal - coupon));
        long beforeCod = itemsTotal + shipping + wrapping - coupon - points;
        long cod = cashOnDelivery ? rule.codFee(beforeCod) : 0;
        long total = beforeCod + cod;
        return new Quote(
                quoted,
                itemsTotal,
                shipping,
                cod,
                wrapping,
                coupon,
                points,
                total,
                tax(destinations, coupon + points, shipping + wrapping + cod));
    }

    private static List<Quote.Tax> tax(List<List<Quote.Line>> destinations, long discount, long fees) {
        Map<Integer, Long> items = new TreeMap<>((a, b) -> b - a);
        destinations.stream()
                .flatMap(List::stream)
                .forEach(line -> items.merge(line.taxPercent(), line.subtotal(), Long::sum));
        long itemsTotal = items.values().stream().mapToLong(Long::longValue).sum();
        Map<Integer, Long> taxable = new TreeMap<>((a, b) -> b - a);
        long apportioned = 0;
        int largestRate = items.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(FEE_RATE);
        for (Map.Entry<Integer, Long> e : items.entrySet()) {
            if (e.getKey() == largestRate) {
                continue;
            }
            long share = itemsTotal == 0 ? 0 : Math.floorDiv(discount * e.getValue(), itemsTotal);
            apportioned += share;
            taxable.put(e.getKey(), e.getValue() - share);
        }
        if (items.containsKey(largestRate)) {
            taxable.put(largestRate, items.get(largestRate) - (discount - apportioned));
        }
        if (fees > 0) {
            taxable.merge(FEE_RATE, fees, Long::sum);
        }
        List<Quote.Tax> tax = new ArrayList<>();
        taxable.forEach(
                (rate, amount) -> tax.add(new Quote.Tax(rate, amount, Math.floorDiv(amount * rate, 100 + rate))));
        return tax;
    }
}
