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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.EmailAddress;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderEdit;
import jp.juchu.oms.orders.OrderLimits;
import jp.juchu.oms.orders.PlausibleDeliveryDate;
import jp.juchu.oms.orders.Yen;
import jp.juchu.support.address.AddressFormats;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The order edit form (受注の編集), bound field by field ({@code buyer.phone}, {@code destinations[0].lines[1].quantity}
 * …); public fields because it is a plain carrier between the page and {@link OrderEdit}.
 */
public class OrderEditForm {

    public long version;

    @Valid
    public Person buyer = new Person();

    @Size(max = 100)
    public String buyerKana;

    @EmailAddress
    public String buyerEmail;

    @Valid
    public List<Destination> destinations = new ArrayList<>();

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

    @Size(max = 2000)
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
        public int deliveryId;

        @Valid
        public Person recipient = new Person();

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @PlausibleDeliveryDate
        public LocalDate deliveryDate;

        @Size(max = 20)
        public String timeSlot;

        @Valid
        public List<Line> lines = new ArrayList<>();
    }

    public static class Line {
        public int lineNo;
        public String name;
        public long unitPrice;
        public int taxRate;

        @Min(1)
        @Max(OrderLimits.MAX_QUANTITY)
        public int quantity;
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
        for (OrderDetail.Shipment s : order.shipments()) {
            Destination d = new Destination();
            d.deliveryId = s.deliveryId();
            d.recipient = Person.of(s.name(), s.phone(), s.postalCode(), s.prefecture(), s.address1(), s.address2());
            d.deliveryDate = s.deliveryDate();
            d.timeSlot = s.timeSlot();
            for (OrderDetail.Item item : s.items()) {
                Line line = new Line();
                line.lineNo = item.lineNo();
                line.name = item.name();
                line.unitPrice = item.unitPrice();
                line.taxRate = item.taxRate();
                line.quantity = item.quantity();
                d.lines.add(line);
            }
            form.destinations.add(d);
        }
        form.shippingFee = order.shippingFee();
        form.codFee = order.codFee();
        form.giftWrappingFee = order.giftWrappingFee();
        form.couponDiscount = order.couponDiscount();
        form.pointsUsed = order.pointsUsed();
        form.memo = order.memo();
        return form;
    }

    OrderEdit value() {
        List<OrderEdit.Destination> values = new ArrayList<>();
        for (Destination d : destinations) {
            Map<Integer, Integer> quantities = new LinkedHashMap<>();
            d.lines.forEach(line -> quantities.put(line.lineNo, line.quantity));
            values.add(new OrderEdit.Destination(
                    d.deliveryId, d.recipient.value(), d.deliveryDate, d.timeSlot, quantities));
        }
        return new OrderEdit(
                version,
                buyer.value(),
                buyerKana,
                buyerEmail,
                values,
                shippingFee,
                codFee,
                giftWrappingFee,
                couponDiscount,
                pointsUsed,
                memo);
    }
}
