package jp.juchu.oms.mails.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.PaymentMethods;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import jp.juchu.oms.shipping.Carrier;
import jp.juchu.support.money.Money;
import jp.juchu.support.time.JapanTime;
import org.springframework.stereotype.Component;

/** The value of every template variable ({@link TemplateText#VARIABLES}) for one order, as the buyer reads it. */
@Component
class OrderMailValues {

    static final String NONE = "指定なし";
    private static final JapanTime TIME = new JapanTime();

    private final Orders orders;
    private final MallConnections connections;
    private final ContractorInfo contractor;
    private final MailServers servers;

    OrderMailValues(Orders orders, MallConnections connections, ContractorInfo contractor, MailServers servers) {
        this.orders = orders;
        this.connections = connections;
        this.contractor = contractor;
        this.servers = servers;
    }

    /** What a mail needs besides the text: the order, its carriers, and who sends it. */
    record Context(OrderDetail order, Map<Integer, String> carriers, Sender sender) {}

    /** The shop as its mails name it, and the address they come from. */
    record Sender(
            String shopName,
            String fromAddress,
            String fromName,
            String email,
            String url,
            String phone,
            String signature,
            String company,
            String address) {}

    Optional<Context> context(long orderId) {
        return orders.detail(orderId).map(order -> new Context(order, orders.shipmentCarriers(orderId), sender(order)));
    }

    Sender sender(OrderDetail order) {
        Optional<ShopSender> shop = servers.shop(order.connectionId());
        Optional<Contractor> c = contractor.get();
        MailServer server = servers.server();
        String company = c.map(Contractor::companyName).orElse("");
        // the shop's own name, else the merchant's, else the sender name; a mall shop's ID only as the last resort
        String shopName = shop.map(ShopSender::shopName)
                .or(() -> c.map(Contractor::companyName).filter(n -> !n.isBlank()))
                .or(() -> Optional.ofNullable(server.fromName()).filter(n -> !n.isBlank()))
                .orElseGet(() -> connections
                        .find(order.connectionId())
                        .filter(x -> !x.ownChannel())
                        .map(MallConnection::shopId)
                        .orElse(""));
        String from = shop.map(ShopSender::fromAddress).orElse(server.fromAddress());
        String email = shop.map(ShopSender::fromAddress)
                .or(() -> c.map(Contractor::email).filter(e -> !e.isBlank()))
                .orElse(server.fromAddress());
        String url = shop.map(ShopSender::shopUrl).orElse("");
        String phone =
                shop.map(ShopSender::phone).or(() -> c.map(Contractor::phone)).orElse("");
        String address = c.map(x -> "〒" + x.postalCode() + " " + x.prefecture() + x.address())
                .orElse("");
        String signature = shop.map(ShopSender::signature).orElseGet(() -> {
            List<String> lines = new ArrayList<>();
            lines.add("────────────────────");
            lines.add(shopName);
            if (!company.isEmpty() && !company.equals(shopName)) {
                lines.add(company);
            }
            if (!address.isEmpty()) {
                lines.add(address);
            }
            if (!phone.isEmpty()) {
                lines.add("TEL " + phone);
            }
            lines.add(email);
            if (!url.isEmpty()) {
                lines.add(url);
            }
            lines.add("────────────────────");
            return String.join("\n", lines);
        });
        String fromName = shop.isPresent()
                ? shopName
                : Optional.ofNullable(server.fromName()).orElse(shopName);
        return new Sender(shopName, from, fromName, email, url, phone, signature, company, address);
    }

    static Map<String, String> values(Context context) {
        OrderDetail o = context.order();
        Sender s = context.sender();
        Map<String, String> v = new HashMap<>();
        v.put("order.number", o.orderNumber());
        v.put("order.date", TIME.format(o.orderedAt(), "yyyy/MM/dd HH:mm"));
        v.put("order.status", o.workflowStatusName());
        v.put("order.remarks", nz(o.remarks()));
        v.put("payment.method", PaymentMethods.labelOf(o.paymentMethod()));
        v.put("buyer.name", o.buyerName());
        v.put("buyer.kana", nz(o.buyerKana()));
        v.put("buyer.email", nz(o.buyerEmail()));
        v.put("buyer.phone", nz(o.buyerPhone()));
        v.put("buyer.postal", nz(o.buyerPostalCode()));
        v.put("buyer.address", (nz(o.buyerPrefecture()) + nz(o.buyerAddress1()) + " " + nz(o.buyerAddress2())).strip());
        v.put("lines", lines(o));
        v.put("amount.items", Money.yen(o.itemsTotal()));
        v.put("amount.shipping", Money.yen(o.shippingFee()));
        v.put("amount.cod", Money.yen(o.codFee()));
        v.put("amount.wrapping", Money.yen(o.giftWrappingFee()));
        v.put("amount.coupon", Money.yen(o.couponDiscount()));
        v.put("amount.points", Money.yen(o.pointsUsed()));
        v.put("amount.total", Money.yen(o.total()));
        v.put("amount.tax", taxLines(o));
        v.put("amounts", amounts(o));
        v.put("destinations", destinations(o));
        v.put(
                "delivery.date",
                joinedOrNone(o.shipments().stream()
                        .map(x -> x.deliveryDate() == null ? null : TIME.format(x.deliveryDate(), "yyyy/MM/dd"))
                        .toList()));
        v.put(
                "delivery.slot",
                joinedOrNone(o.shipments().stream()
                        .map(x -> x.timeSlot() == null ? null : x.timeSlotLabel())
                        .toList()));
        v.put(
                "carrier",
                distinct(context.carriers().values().stream()
                        .map(Carrier::labelOf)
                        .toList()));
        v.put(
                "tracking.numbers",
                distinct(o.shipments().stream()
                        .map(OrderDetail.Shipment::trackingNumber)
                        .toList()));
        v.put("tracking.urls", trackingUrls(o, context.carriers()));
        v.put("shop.name", s.shopName());
        v.put("shop.url", s.url());
        v.put("shop.phone", s.phone());
        v.put("shop.email", s.email());
        v.put("shop.company", s.company());
        v.put("shop.address", s.address());
        v.put("shop.signature", s.signature());
        return v;
    }

    /** The carriers of the order's shipments, as stored: what a template's carrier filter is checked against. */
    static Set<String> carriers(Context context) {
        return Set.copyOf(context.carriers().values());
    }

    private static String lines(OrderDetail o) {
        List<String> out = new ArrayList<>();
        boolean several = o.shipments().size() > 1;
        boolean reduced = false;
        for (OrderDetail.Shipment s : o.shipments()) {
            if (several) {
                out.add("[お届け先" + s.deliveryId() + "]");
            }
            for (OrderDetail.Item i : s.items()) {
                String name =
                        i.name() + (i.variation() == null || i.variation().isBlank() ? "" : " (" + i.variation() + ")");
                boolean eight = i.taxRate() == 8;
                reduced |= eight;
                out.add(name + (eight ? " ※" : "") + "  " + Money.yen(i.unitPrice()) + " × " + i.quantity() + " = "
                        + Money.yen(i.amount()));
            }
        }
        if (reduced) {
            out.add("※は軽減税率 (8%) 対象商品です");
        }
        return String.join("\n", out);
    }

    private static String taxLines(OrderDetail o) {
        return o.taxLines().stream()
                .map(t -> t.rate() + "%対象 " + Money.yen(t.taxableAmount()) + " (内消費税 " + Money.yen(t.tax()) + ")")
                .collect(Collectors.joining("\n"));
    }

    private static String amounts(OrderDetail o) {
        List<String> out = new ArrayList<>();
        out.add("商品合計: " + Money.yen(o.itemsTotal()));
        out.add("送料: " + Money.yen(o.shippingFee()));
        if (o.codFee() > 0) {
            out.add("代引手数料: " + Money.yen(o.codFee()));
        }
        if (o.giftWrappingFee() > 0) {
            out.add("ギフト包装料: " + Money.yen(o.giftWrappingFee()));
        }
        if (o.couponDiscount() > 0) {
            out.add("クーポン値引: -" + Money.yen(o.couponDiscount()));
        }
        if (o.pointsUsed() > 0) {
            out.add("ポイント利用: -" + Money.yen(o.pointsUsed()));
        }
        out.add("合計: " + Money.yen(o.total()));
        String tax = taxLines(o);
        if (!tax.isEmpty()) {
            out.add(tax);
        }
        return String.join("\n", out);
    }

    private static String destinations(OrderDetail o) {
        List<String> out = new ArrayList<>();
        for (OrderDetail.Shipment s : o.shipments()) {
            if (!out.isEmpty()) {
                out.add("");
            }
            out.add("[お届け先" + s.deliveryId() + "] " + s.name() + " 様");
            out.add("〒" + nz(s.postalCode()) + " " + nz(s.prefecture()) + nz(s.address1()) + " " + nz(s.address2()));
            if (s.phone() != null && !s.phone().isBlank()) {
                out.add("TEL " + s.phone());
            }
            out.add("お届け希望日: " + (s.deliveryDate() == null ? NONE : TIME.format(s.deliveryDate(), "yyyy/MM/dd"))
                    + " / 時間帯: " + (s.timeSlot() == null ? NONE : s.timeSlotLabel()));
        }
        return out.stream().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }

    private static String trackingUrls(OrderDetail o, Map<Integer, String> carriers) {
        Set<String> urls = new LinkedHashSet<>();
        for (OrderDetail.Shipment s : o.shipments()) {
            TrackingLinks.url(carriers.get(s.deliveryId()), s.trackingNumber()).ifPresent(urls::add);
        }
        return String.join("\n", urls);
    }

    private static String joinedOrNone(List<String> values) {
        String joined = distinct(values);
        return joined.isEmpty() ? NONE : joined;
    }

    /** The values present, each once, joined with 「、」. */
    private static String distinct(List<String> values) {
        return values.stream().filter(x -> x != null && !x.isBlank()).distinct().collect(Collectors.joining("、"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
