package jp.juchu.shop.storefront;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.OutOfStock;
import jp.juchu.shop.catalog.StockLine;
import jp.juchu.shop.customers.Members;
import jp.juchu.shop.orders.NewOrder;
import jp.juchu.shop.orders.Order;
import jp.juchu.shop.orders.OrderRecording;
import jp.juchu.shop.orders.OrderStatus;
import jp.juchu.shop.orders.Orders;
import jp.juchu.shop.orders.PaymentMethod;
import jp.juchu.shop.orders.PaymentStatus;
import jp.juchu.shop.orders.TimeSlot;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places a checkout as the platform's order, in one transaction: the stock is taken, the order recorded
 * with the quoted amounts, and the member's points spent — or, if any of it fails, none of it. Also a
 * member's order history.
 */
@Component
public class MemberOrders {

    /** States are the contract's enumeration names (New, Unpaid, NotShipped …). */
    public record Summary(
            String serialCode,
            String orderNumber,
            OffsetDateTime orderDate,
            long total,
            String orderStatus,
            String paymentStatus,
            String shippingStatus) {}

    public record Item(String itemName, String variation, long unitPrice, int quantity) {}

    public record Delivery(
            String name,
            String prefecture,
            String address1,
            List<Item> items,
            String carrier,
            String trackingNumber,
            LocalDate shippedDate) {}

    public record Detail(
            Summary summary,
            String paymentMethod,
            List<Delivery> deliveries,
            long itemsTotal,
            long shippingFee,
            long codFee,
            long giftWrappingFee,
            long couponDiscount,
            long pointsUsed) {}

    /** A receipt line: an item with the tax rate it was sold at. */
    public record ReceiptLine(String itemName, String variation, long unitPrice, int quantity, int taxRate) {
        public long amount() {
            return unitPrice * quantity;
        }
    }

    /** Amount and tax contained in it for one tax rate, as the order was placed. */
    public record RateTotal(int rate, long amount, long tax) {}

    /**
     * What a receipt (領収書) prints, from the amounts the order was placed with.
     *
     * @param cancelled a cancelled order gets no receipt
     */
    public record Receipt(
            String orderNumber,
            OffsetDateTime orderDate,
            boolean cancelled,
            List<ReceiptLine> lines,
            long fees,
            long discounts,
            long total,
            List<RateTotal> rates) {}

    private static final int HISTORY = 50;

    private final Catalog catalog;
    private final Members members;
    private final Orders orders;
    private final OrderRecording recording;
    private final Coupons coupons;
    private final Clock clock;

    MemberOrders(
            Catalog catalog, Members members, Orders orders, OrderRecording recording, Coupons coupons, Clock clock) {
        this.catalog = catalog;
        this.members = members;
        this.orders = orders;
        this.recording = recording;
        this.coupons = coupons;
        this.clock = clock;
    }

    /**
     * @param pointsEarned points the member earns on the order, recorded as pending (承認待ち) until approved
     * @throws CouponUnavailable when the coupon's limits were reached meanwhile; nothing is saved
     */
    @Transactional
    public PlacedOrder place(String shopId, CheckoutOrder checkout, Quote quote, long pointsEarned) {
        List<StockLine> lines = new ArrayList<>();
        quote.destinations()
                .forEach(d ->
                        d.lines().forEach(l -> lines.add(new StockLine(l.itemCode(), l.variation(), l.quantity()))));
        try {
            catalog.take(shopId, lines);
        } catch (OutOfStock e) {
            throw new SoldOutWhileCheckingOut(e.itemName(), e);
        }
        Order placed =
                recording.record(List.of(newOrder(shopId, checkout, quote))).get(0);
        if (placed.amounts().total() != quote.total()) {
            // the confirmation page promised this total; never charge another
            throw new IllegalStateException(
                    "order total " + placed.amounts().total() + " differs from the quoted " + quote.total());
        }
        if (quote.couponDiscount() > 0) {
            coupons.use(
                    shopId,
                    checkout.couponCode(),
                    quote.itemsTotal(),
                    LocalDate.now(clock),
                    placed.serialCode(),
                    checkout.memberAccount());
        }
        if (quote.pointsUsed() > 0) {
            members.usePoints(shopId, checkout.memberAccount(), quote.pointsUsed(), placed.serialCode());
        }
        if (pointsEarned > 0 && checkout.memberAccount() != null) {
            members.earnPending(shopId, checkout.memberAccount(), pointsEarned, placed.serialCode());
        }
        return new PlacedOrder(placed.serialCode(), placed.orderNumber(), quote);
    }

    private NewOrder newOrder(String shopId, CheckoutOrder c, Quote quote) {
        CheckoutOrder.Buyer b = c.buyer();
        List<Order.Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < c.destinations().size(); i++) {
            CheckoutOrder.Destination d = c.destinations().get(i);
            Quote.DestinationQuote q = quote.destinations().get(i);
            deliveries.add(new Order.Delivery(
                    i + 1,
                    d.name(),
                    d.kana(),
                    d.phone(),
                    d.postalCode(),
                    d.prefecture(),
                    d.address1(),
                    blankToNull(d.address2()),
                    d.deliveryDate(),
                    d.timeSlot() == null ? null : TimeSlot.valueOf(d.timeSlot()),
                    d.giftWrapping(),
                    blankToNull(d.noshi()),
                    q.shippingFee(),
                    q.lines().stream()
                            .map(l -> new Order.Item(
                                    l.itemCode(), l.variation(), l.name(), l.unitPrice(), l.quantity(), l.taxPercent()))
                            .toList(),
                    null,
                    null,
                    null));
        }
        PaymentMethod method = PaymentMethod.valueOf(c.paymentMethod());
        return new NewOrder(
                shopId,
                OffsetDateTime.now(clock),
                new Order.Buyer(
                        b.name(),
                        b.kana(),
                        b.email(),
                        b.phone(),
                        b.postalCode(),
                        b.prefecture(),
                        b.address1(),
                        blankToNull(b.address2()),
                        c.memberAccount()),
                new Order.Payment(method, c.cardBrand(), c.cardLast4()),
                deliveries,
                quote.codFee(),
                quote.giftWrappingFee(),
                quote.couponDiscount(),
                quote.pointsUsed(),
                blankToNull(c.remarks()),
                OrderStatus.New,
                // a card is authorised at checkout; every other method is paid later
                method == PaymentMethod.CreditCard ? PaymentStatus.Paid : PaymentStatus.Unpaid);
    }

    public List<Summary> history(String shopId, String account) {
        return orders.ofMember(shopId, account, HISTORY).stream()
                .map(MemberOrders::summary)
                .toList();
    }

    public Optional<Detail> detail(String shopId, String account, String serialCode) {
        return orders.find(shopId, serialCode)
                .filter(o -> account.equals(o.buyer().memberAccount()))
                .map(o -> new Detail(
                        summary(o),
                        o.payment().method().name(),
                        o.deliveries().stream()
                                .map(d -> new Delivery(
                                        d.name(),
                                        d.prefecture(),
                                        d.address1(),
                                        d.items().stream()
                                                .map(i -> new Item(
                                                        i.itemName(), i.variation(), i.unitPrice(), i.quantity()))
                                                .toList(),
                                        d.carrier() == null ? null : d.carrier().name(),
                                        d.trackingNumber(),
                                        d.shippedDate()))
                                .toList(),
                        o.amounts().itemsTotal(),
                        o.amounts().shippingFee(),
                        o.amounts().codFee(),
                        o.amounts().giftWrappingFee(),
                        o.amounts().couponDiscount(),
                        o.amounts().pointsUsed()));
    }

    /** The receipt of the member's own order; empty for any other order. */
    public Optional<Receipt> receipt(String shopId, String account, String serialCode) {
        return orders.find(shopId, serialCode)
                .filter(o -> account.equals(o.buyer().memberAccount()))
                .map(o -> new Receipt(
                        o.orderNumber(),
                        o.orderDate(),
                        o.orderStatus() == OrderStatus.Cancelled,
                        o.deliveries().stream()
                                .flatMap(d -> d.items().stream())
                                .map(i -> new ReceiptLine(
                                        i.itemName(), i.variation(), i.unitPrice(), i.quantity(), i.taxRate()))
                                .toList(),
                        o.amounts().shippingFee()
                                + o.amounts().codFee()
                                + o.amounts().giftWrappingFee(),
                        o.amounts().couponDiscount() + o.amounts().pointsUsed(),
                        o.amounts().total(),
                        o.amounts().tax().stream()
                                .sorted((a, b) -> Integer.compare(b.rate(), a.rate()))
                                .map(t -> new RateTotal(t.rate(), t.taxableAmount(), t.tax()))
                                .toList()));
    }

    private static Summary summary(Order o) {
        return new Summary(
                o.serialCode(),
                o.orderNumber(),
                o.orderDate(),
                o.amounts().total(),
                o.orderStatus().name(),
                o.paymentStatus().name(),
                o.shippingStatus().name());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
