package jp.juchu.shop.storefront;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Quotes a checkout by the shop's rules and current prices, and places it through the orders port. */
@Service
public class Checkout {

    private final StorefrontPorts ports;
    private final ShippingRules shippingRules;
    private final Coupons coupons;
    private final Clock clock;

    Checkout(StorefrontPorts ports, ShippingRules shippingRules, Coupons coupons, Clock clock) {
        this.ports = ports;
        this.shippingRules = shippingRules;
        this.coupons = coupons;
        this.clock = clock;
    }

    public Quote quote(String shopId, CheckoutOrder order) {
        Shelf shelf = ports.shelf();
        List<List<Quote.Line>> lines = new ArrayList<>();
        for (CheckoutOrder.Destination d : order.destinations()) {
            List<Quote.Line> here = new ArrayList<>();
            for (Carts.Line line : d.lines()) {
                Offer offer = shelf.offer(shopId, line.itemCode(), line.variation())
                        .orElseThrow(() -> new SoldOutWhileCheckingOut(line.itemCode(), null));
                here.add(new Quote.Line(
                        offer.itemCode(),
                        offer.variation(),
                        offer.name(),
                        offer.unitPrice(),
                        offer.taxPercent(),
                        line.quantity()));
            }
            lines.add(here);
        }
        long itemsTotal = lines.stream()
                .flatMap(List::stream)
                .mapToLong(Quote.Line::subtotal)
                .sum();
        long discount = order.couponCode() == null || order.couponCode().isBlank()
                ? 0
                : coupons.apply(shopId, order.couponCode(), itemsTotal, LocalDate.now(clock))
                        .discount();
        return Pricing.quote(
                lines,
                order.destinations().stream()
                        .map(CheckoutOrder.Destination::prefecture)
                        .toList(),
                order.destinations().stream()
                        .map(CheckoutOrder.Destination::giftWrapping)
                        .toList(),
                shippingRules.of(shopId),
                discount,
                order.pointsToUse(),
                order.cashOnDelivery());
    }

    /**
     * Places the order at the amounts quoted now.
     *
     * @throws SoldOutWhileCheckingOut when another buyer took the last units meanwhile
     */
    public PlacedOrder place(String shopId, CheckoutOrder order) {
        return ports.orders().place(shopId, order, quote(shopId, order));
    }
}
