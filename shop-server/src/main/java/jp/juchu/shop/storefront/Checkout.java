package jp.juchu.shop.storefront;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.shop.settings.ShopSetup;
import jp.juchu.shop.settings.ShopSetups;
import org.springframework.stereotype.Service;

/**
 * Quotes a checkout by the shop's settings (お店設定) and current prices, and places it through the orders
 * port. A checkout is quoted and placed with the settings it started with ({@link #setup}), so a change the
 * merchant makes meanwhile applies to new checkouts only.
 */
@Service
public class Checkout {

    private final StorefrontPorts ports;
    private final ShopSetups setups;
    private final Coupons coupons;
    private final Clock clock;

    Checkout(StorefrontPorts ports, ShopSetups setups, Coupons coupons, Clock clock) {
        this.ports = ports;
        this.setups = setups;
        this.coupons = coupons;
        this.clock = clock;
    }

    /** The shop's settings as a checkout starting now applies them. */
    public ShopSetup setup(String shopId) {
        return setups.of(shopId);
    }

    public Quote quote(String shopId, CheckoutOrder order, ShopSetup setup) {
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
                : coupons.apply(shopId, order.couponCode(), itemsTotal, LocalDate.now(clock), order.memberAccount())
                        .discount();
        return Pricing.quote(
                lines,
                order.destinations().stream()
                        .map(CheckoutOrder.Destination::prefecture)
                        .toList(),
                order.destinations().stream()
                        .map(CheckoutOrder.Destination::giftWrapping)
                        .toList(),
                ShippingRule.of(setup),
                discount,
                order.pointsToUse(),
                order.cashOnDelivery());
    }

    /** Points a member earns on this order (pending until approved): the rate on the items total after discounts. */
    public static long pointsEarned(CheckoutOrder order, Quote quote, ShopSetup setup) {
        if (order.memberAccount() == null) {
            return 0;
        }
        return setup.points().earnedOn(quote.itemsTotal() - quote.couponDiscount() - quote.pointsUsed());
    }

    /**
     * Places the order at the amounts quoted now, with the settings the checkout started with.
     *
     * @throws SoldOutWhileCheckingOut when another buyer took the last units meanwhile
     * @throws CouponUnavailable when the coupon's uses ran out meanwhile (or its period ended)
     */
    public PlacedOrder place(String shopId, CheckoutOrder order, ShopSetup setup) {
        Quote quote = quote(shopId, order, setup);
        if (order.couponCode() != null && !order.couponCode().isBlank()) {
            // the buyer confirmed a discount: an order is never placed without it
            Coupons.Applied applied = coupons.apply(
                    shopId, order.couponCode(), quote.itemsTotal(), LocalDate.now(clock), order.memberAccount());
            if (!applied.accepted()) {
                throw new CouponUnavailable(applied.code(), applied.refusal());
            }
        }
        return ports.orders().place(shopId, order, quote, pointsEarned(order, quote, setup));
    }
}
