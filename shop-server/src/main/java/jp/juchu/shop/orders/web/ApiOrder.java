package jp.juchu.shop.orders.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import jp.juchu.shop.orders.Carrier;
import jp.juchu.shop.orders.Order;
import jp.juchu.shop.orders.OrderStatus;
import jp.juchu.shop.orders.PaymentMethod;
import jp.juchu.shop.orders.PaymentStatus;
import jp.juchu.shop.orders.ShippingStatus;
import jp.juchu.shop.orders.TimeSlot;
import jp.juchu.shop.system.YesNo;

/** An order as the order API writes it (docs/shop-api.md); blocks not asked for are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiOrder(
        String serialCode,
        String orderNumber,
        OffsetDateTime orderDate,
        OffsetDateTime updatedAt,
        OrderStatus orderStatus,
        PaymentStatus paymentStatus,
        ShippingStatus shippingStatus,
        Buyer buyer,
        Payment payment,
        List<Delivery> deliveries,
        Amounts amounts,
        String remarks,
        OffsetDateTime createdAt) {

    /** The blocks of an order the path can name. */
    enum Block {
        basic,
        buyer,
        deliveries,
        payment,
        amounts
    }

    record Member(String account) {}

    record Buyer(
            String name,
            String nameKana,
            String mailAddress,
            String phone,
            String postalCode,
            String prefecture,
            String address1,
            String address2,
            Member member) {}

    record Payment(PaymentMethod method, String cardBrand, String cardLast4) {}

    record Shipping(Carrier carrier, String trackingNumber, LocalDate shippedDate) {}

    record Item(String itemCode, String variation, String itemName, long unitPrice, int quantity, int taxRate) {}

    record Delivery(
            int deliveryId,
            String name,
            String nameKana,
            String phone,
            String postalCode,
            String prefecture,
            String address1,
            String address2,
            LocalDate deliveryDate,
            TimeSlot timeSlot,
            YesNo giftWrapping,
            String noshi,
            long shippingFee,
            List<Item> items,
            Shipping shipping) {}

    record Tax(int rate, long taxableAmount, long tax) {}

    record Amounts(
            long itemsTotal,
            long shippingFee,
            long codFee,
            long giftWrappingFee,
            long couponDiscount,
            long pointsUsed,
            long total,
            List<Tax> tax) {}

    static ApiOrder of(Order o, Set<Block> blocks) {
        boolean basic = blocks.contains(Block.basic);
        Order.Buyer b = o.buyer();
        return new ApiOrder(
                o.serialCode(),
                o.orderNumber(),
                o.orderDate(),
                o.updatedAt(),
                o.orderStatus(),
                o.paymentStatus(),
                o.shippingStatus(),
                blocks.contains(Block.buyer)
                        ? new Buyer(
                                b.name(),
                                b.nameKana(),
                                b.mailAddress(),
                                b.phone(),
                                b.postalCode(),
                                b.prefecture(),
                                b.address1(),
                                b.address2(),
                                b.memberAccount() == null ? null : new Member(b.memberAccount()))
                        : null,
                blocks.contains(Block.payment)
                        ? new Payment(
                                o.payment().method(),
                                o.payment().cardBrand(),
                                o.payment().cardLast4())
                        : null,
                blocks.contains(Block.deliveries)
                        ? o.deliveries().stream().map(ApiOrder::delivery).toList()
                        : null,
                blocks.contains(Block.amounts) ? amounts(o.amounts()) : null,
                basic ? o.remarks() : null,
                basic ? o.createdAt() : null);
    }

    private static Delivery delivery(Order.Delivery d) {
        return new Delivery(
                d.deliveryId(),
                d.name(),
                d.nameKana(),
                d.phone(),
                d.postalCode(),
                d.prefecture(),
                d.address1(),
                d.address2(),
                d.deliveryDate(),
                d.timeSlot(),
                YesNo.of(d.giftWrapping()),
                d.noshi(),
                d.shippingFee(),
                d.items().stream()
                        .map(i -> new Item(
                                i.itemCode(), i.variation(), i.itemName(), i.unitPrice(), i.quantity(), i.taxRate()))
                        .toList(),
                d.trackingNumber() == null ? null : new Shipping(d.carrier(), d.trackingNumber(), d.shippedDate()));
    }

    private static Amounts amounts(Order.Amounts a) {
        return new Amounts(
                a.itemsTotal(),
                a.shippingFee(),
                a.codFee(),
                a.giftWrappingFee(),
                a.couponDiscount(),
                a.pointsUsed(),
                a.total(),
                a.tax().stream()
                        .map(t -> new Tax(t.rate(), t.taxableAmount(), t.tax()))
                        .toList());
    }
}
