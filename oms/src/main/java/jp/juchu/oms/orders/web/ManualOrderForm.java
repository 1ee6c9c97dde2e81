package jp.juchu.oms.orders.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.orders.ManualOrder;
import jp.juchu.oms.orders.ShopOrder;
import org.springframework.format.annotation.DateTimeFormat;

/** The 受注登録 form: the buyer, up to three destinations, product lines and payment; public fields, bound by name. */
public class ManualOrderForm {

    static final int DESTINATIONS = 3;

    public String name;
    public String kana;
    public String email;
    public String phone;
    public String postalCode;
    public String prefecture;
    public String address1;
    public String address2;
    public List<Destination> destinations = new ArrayList<>();
    public List<Line> lines = new ArrayList<>();
    public String paymentMethod = "BankTransfer";
    public boolean paid;
    public long shippingFee;
    public long codFee;
    public long couponDiscount;
    public String remarks;

    public static class Destination {
        public String name;
        public String phone;
        public String postalCode;
        public String prefecture;
        public String address1;
        public String address2;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        public LocalDate deliveryDate;

        public String timeSlot;
    }

    public static class Line {
        public String itemCode;
        public String name;
        public Long unitPrice;
        public int quantity = 1;
        public Integer taxRate;
        public int destination = 1;
    }

    /** Fills the form up to three destinations and at least {@code lines} product rows (blank ones included). */
    ManualOrderForm padded(int lineRows) {
        while (destinations.size() < DESTINATIONS) {
            destinations.add(new Destination());
        }
        while (lines.size() < lineRows) {
            lines.add(new Line());
        }
        return this;
    }

    ManualOrder value() {
        List<ManualOrder.Destination> to = destinations.stream()
                .map(d -> new ManualOrder.Destination(
                        d.name,
                        d.phone,
                        d.postalCode,
                        d.prefecture,
                        d.address1,
                        d.address2,
                        d.deliveryDate,
                        d.timeSlot))
                .toList();
        List<ManualOrder.Line> items = lines.stream()
                .map(l -> new ManualOrder.Line(l.itemCode, l.name, l.unitPrice, l.quantity, l.taxRate, l.destination))
                .toList();
        return new ManualOrder(
                new ShopOrder.Buyer(
                        strip(name),
                        strip(kana),
                        strip(email),
                        strip(phone),
                        strip(postalCode),
                        prefecture,
                        strip(address1),
                        strip(address2),
                        null),
                to,
                items,
                paymentMethod,
                paid,
                shippingFee,
                codFee,
                couponDiscount,
                remarks);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
