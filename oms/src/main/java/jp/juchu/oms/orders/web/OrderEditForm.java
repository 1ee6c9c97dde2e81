package jp.juchu.oms.orders.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.orders.EmailAddress;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderEdit;
import jp.juchu.oms.orders.OrderLimits;
import jp.juchu.oms.orders.PlausibleDeliveryDate;
import jp.juchu.oms.orders.Yen;
import jp.juchu.support.address.AddressFormats;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The order edit form (受注の編集), bound field by field ({@code buyer.phone}, {@code lines[1].quantity} …); public
 * fields because it is a plain carrier between the page and {@link OrderEdit}. Lines and destinations ticked
 * {@code remove} are left out; a blank line (no code, no name) is ignored.
 */
public class OrderEditForm {

    public long version;

    @Valid
    public Person buyer = new Person();

    @Size(max = 100)
    public String buyerKana;

    @EmailAddress
    public String buyerEmail;

    public String paymentMethod;

    @Valid
    @Size(max = 10, message = "お届け先は10件までです")
    public List<Destination> destinations = new ArrayList<>();

    @Valid
    @Size(max = 100, message = "商品は100行までです")
    public List<Line> lines = new ArrayList<>();

    @Yen
    public long shippingFee;

    @Yen
    public long codFee;

    @Yen
    public long giftWrappingFee;

    @Yen
    public long couponDiscount;

    @PositiveOrZero
    @Max(OrderLimits.MAX_POINTS)
    public long pointsUsed;

    @Size(max = OrderLimits.MEMO)
    public String memo;

    public static class Person {
        @NotBlank
        @Size(max = 100)
        public String name;

        @NotBlank
        @Pattern(regexp = AddressFormats.PHONE, message = "{orders.edit.phone}")
        public String phone;

        @NotBlank
        @Pattern(regexp = AddressFormats.POSTAL_CODE, message = "{orders.edit.postalCode}")
        public String postalCode;

        @NotBlank
        public String prefecture;

        @NotBlank
        @Size(max = 200)
        public String address1;

        @Size(max = 200)
        public String address2;

        static Person of(
                String name, String phone, String postalCode, String prefecture, String address1, String address2) {
            Person person = new Person();
            person.name = name;
            person.phone = phone;
            person.postalCode = postalCode;
            person.prefecture = prefecture;
            person.address1 = address1;
            person.address2 = address2;
            return person;
        }

        OrderEdit.Person value() {
            return new OrderEdit.Person(name, phone, postalCode, prefecture, address1, address2);
        }
    }

    public static class Destination {
        /** The delivery id of an existing destination; 0 or less for a new one. */
        public int key;

        @Valid
        public Person recipient = new Person();

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @PlausibleDeliveryDate
        public LocalDate deliveryDate;

        @Size(max = 20)
        public String timeSlot;

        @PositiveOrZero
        @Max(100_000_000)
        public Long codAmount;

        public boolean remove;

        /** How lists name it: お届け先 2, or 新しいお届け先 1. */
        public String label() {
            return key > 0 ? "お届け先 " + key : "新しいお届け先 " + (-key + 1);
        }
    }

    public static class Line {
        public int destination;

        @Size(max = 100)
        public String itemCode;

        @Size(max = 200)
        public String variation;

        @Size(max = 400)
        public String name;

        @PositiveOrZero
        @Max(10_000_000)
        public Long unitPrice;

        public Integer taxRate;

        @Min(1)
        @Max(OrderLimits.MAX_QUANTITY)
        public Integer quantity = 1;

        public boolean remove;

        boolean blank() {
            return (itemCode == null || itemCode.isBlank()) && (name == null || name.isBlank());
        }
    }

    static OrderEditForm of(OrderDetail order) {
        OrderEditForm form = new OrderEditForm();
        form.version = order.version();
        form.buyer = Person.of(
                order.buyerName(),
                order.buyerPhone(),
                order.buyerPostalCode(),
                order.buyerPrefecture(),
                order.buyerAddress1(),
                order.buyerAddress2());
        form.buyerKana = order.buyerKana();
        form.buyerEmail = order.buyerEmail();
        form.paymentMethod = order.paymentMethod();
        for (OrderDetail.Shipment s : order.shipments()) {
            Destination d = new Destination();
            d.key = s.deliveryId();
            d.recipient = Person.of(s.name(), s.phone(), s.postalCode(), s.prefecture(), s.address1(), s.address2());
            d.deliveryDate = s.deliveryDate();
            d.timeSlot = s.timeSlot();
            d.codAmount = s.codAmount();
            form.destinations.add(d);
            for (OrderDetail.Item item : s.items()) {
                Line line = new Line();
                line.destination = s.deliveryId();
                line.itemCode = item.itemCode();
                line.variation = item.variation();
                line.name = item.name();
                line.unitPrice = item.unitPrice();
                line.taxRate = item.taxRate();
                line.quantity = item.quantity();
                form.lines.add(line);
            }
        }
        form.shippingFee = order.shippingFee();
        form.codFee = order.codFee();
        form.giftWrappingFee = order.giftWrappingFee();
        form.couponDiscount = order.couponDiscount();
        form.pointsUsed = order.pointsUsed();
        form.memo = order.memo();
        return form;
    }

    /** Drops the rows ticked for removal and blank lines, as the page shows the form again. */
    void tidy() {
        destinations.removeIf(d -> d == null || d.remove);
        lines.removeIf(l -> l == null || l.remove || l.blank());
    }

    void addLine() {
        Line line = new Line();
        line.destination = destinations.isEmpty() ? 0 : destinations.get(0).key;
        lines.add(line);
    }

    void addDestination() {
        int lowest = destinations.stream().mapToInt(d -> d.key).min().orElse(1);
        Destination d = new Destination();
        d.key = Math.min(lowest, 1) - 1;
        destinations.add(d);
    }

    OrderEdit value() {
        List<OrderEdit.Destination> values = new ArrayList<>();
        for (Destination d : destinations) {
            if (d != null && !d.remove) {
                values.add(
                        new OrderEdit.Destination(d.key, d.recipient.value(), d.deliveryDate, d.timeSlot, d.codAmount));
            }
        }
        List<OrderEdit.Line> values2 = new ArrayList<>();
        for (Line l : lines) {
            if (l != null && !l.remove && !l.blank()) {
                values2.add(new OrderEdit.Line(
                        l.destination,
                        l.itemCode,
                        l.variation,
                        l.name,
                        l.unitPrice,
                        l.taxRate,
                        l.quantity == null ? 1 : l.quantity));
            }
        }
        return new OrderEdit(
                version,
                buyer.value(),
                buyerKana,
                buyerEmail,
                paymentMethod,
                values,
                values2,
                shippingFee,
                codFee,
                giftWrappingFee,
                couponDiscount,
                pointsUsed,
                memo);
    }
}
