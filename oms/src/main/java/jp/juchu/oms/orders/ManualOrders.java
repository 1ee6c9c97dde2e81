package jp.juchu.oms.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * 受注登録: turns what a person entered into an order like an imported one — products filled in from those the OMS
 * has seen, totals and tax per rate by the shops' rule — and records it in the own channel 受注登録 ({@link Mall#MANUAL}),
 * its serial code being its order number.
 */
@Service
public class ManualOrders {

    /** A product as the OMS last saw it on an order: for look-up by code or name. */
    public record KnownItem(String itemCode, String name, long unitPrice, int taxRate) {}

    /**
     * What the entry would become: each input line as filled in (null for a blank or unknown one, in the entry's
     * order), the amounts, or every problem by line and field.
     */
    public record Preview(List<ShopOrder.Item> items, ShopOrder.Amounts amounts, List<String> problems) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Orders orders;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MallConnections channels;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ManualOrders(Orders orders, JdbcClient jdbc, AuditLog audit, MallConnections channels, Clock clock) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.audit = audit;
        this.channels = channels;
        this.clock = clock;
    }

    /** Products whose code or name contains the text, from the most recent order lines; recent ones when blank. */
    public List<KnownItem> knownItems(String text, int limit) {
        String like = "%"
                + (text == null
                        ? ""
                        : text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.sql("""
                        select item_code, name, unit_price, tax_rate from (
                            select distinct on (item_code) item_code, name, unit_price, tax_rate, id
                            from (select * from order_item order by id desc limit 20000) recent
                            where item_code ilike ? or name ilike ?
                            order by item_code, id desc) latest
                        order by item_code limit ?
                        """).params(like, like, limit).query(KnownItem.class).list();
    }

    /** Each of these product codes as last seen on an order (newest shipment), in one read of the code index. */
    private Map<String, KnownItem> known(List<String> codes) {
        Map<String, KnownItem> known = new java.util.HashMap<>();
        if (codes.isEmpty()) {
            return known;
        }
        jdbc.sql("""
                        select distinct on (item_code) item_code, name, unit_price, tax_rate from order_item
                        where item_code = any (?) order by item_code, shipment_id desc
                        """)
                .param(codes.toArray(String[]::new))
                .query(KnownItem.class)
                .list()
                .forEach(item -> known.put(item.itemCode(), item));
        return known;
    }

    public Preview preview(ManualOrder entry) {
        List<String> problems = new ArrayList<>();
        List<ShopOrder.Item> items = new ArrayList<>();
        Map<Integer, Long> byRate = new TreeMap<>();
        Map<String, KnownItem> known = known(entry.lines().stream()
                .map(ManualOrder.Line::itemCode)
                .filter(ManualOrders::present)
                .map(String::strip)
                .toList());
        problems.addAll(textProblems(entry));
        if (entry.lines().size() > OrderLimits.MAX_LINES) {
            problems.add("[商品]: " + OrderLimits.MAX_LINES + "行までです");
        }
        int number = 0;
        for (ManualOrder.Line line : entry.lines()) {
            number++;
            if (line.blank()) {
                items.add(null);
                continue;
            }
            String label = number + "行目";
            KnownItem seen =
                    present(line.itemCode()) ? known.get(line.itemCode().strip()) : null;
            String name = present(line.name()) ? line.name().strip() : seen == null ? null : seen.name();
            Long price = line.unitPrice() != null ? line.unitPrice() : seen == null ? null : seen.unitPrice();
            Integer rate = line.taxRate() != null ? line.taxRate() : seen == null ? null : seen.taxRate();
            if (name == null || price == null) {
                problems.add(label + ": 商品コード「" + line.itemCode() + "」は見つかりません。商品名と単価を入力してください");
                items.add(null);
                continue;
            }
            if (!OrderLimits.isYen(price)) {
                problems.add(label + " [単価]: 0〜99,999,999円で入力してください");
                price = 0L;
            }
            if (line.quantity() < 1 || line.quantity() > OrderLimits.MAX_QUANTITY) {
                problems.add(label + " [数量]: 1〜9,999で入力してください");
            }
            if (rate == null || (rate != 10 && rate != 8 && rate != 0)) {
                problems.add(label + " [税率]: 10%・8%・0%のどれかを選んでください");
                rate = 10;
            }
            if (line.destination() < 1
                    || line.destination() > entry.destinations().size()) {
                problems.add(label + " [お届け先]: お届け先 " + line.destination() + " がありません");
            }
            String code = present(line.itemCode()) ? line.itemCode().strip() : "manual";
            items.add(new ShopOrder.Item(code, "", name, price, line.quantity(), rate));
            byRate.merge(rate, price * line.quantity(), Long::sum);
        }
        if (items.stream().allMatch(java.util.Objects::isNull) && problems.isEmpty()) {
            problems.add("商品を1行以上入力してください");
        }
        if (!List.of("CreditCard", "BankTransfer", "CashOnDelivery", "ConvenienceStore", "PostalTransfer")
                .contains(entry.paymentMethod())) {
            problems.add("[支払方法]: 選んでください");
        }
        if (!OrderLimits.isYen(entry.shippingFee())
                || !OrderLimits.isYen(entry.codFee())
                || !OrderLimits.isYen(entry.couponDiscount())) {
            problems.add("[送料・手数料・値引]: 0〜99,999,999円で入力してください");
        }
        ShopOrder.Amounts amounts =
                ShopOrder.Amounts.of(byRate, entry.shippingFee(), entry.codFee(), 0, entry.couponDiscount(), 0);
        if (amounts.total() < 0) {
            problems.add("[クーポン値引]: 値引きが合計を超えています");
        }
        return new Preview(items, amounts, problems);
    }

    /**
     * @return the new order's id
     * @throws IllegalArgumentException with every problem when the entry is not complete
     */
    @Transactional
    public long register(ManualOrder entry, String actor) {
        Preview preview = preview(entry);
        if (!preview.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", preview.problems()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // a counter row, not a sequence: a registration that fails after this rolls its number back
        long seq = jdbc.sql("update manual_order_counter set last = last + 1 where id = 1 returning last")
                .query(Long.class)
                .single();
        String orderNumber =
                "M" + now.atZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo")).format(DAY) + "-" + seq;
        ShopOrder.Buyer buyer = entry.buyer();
        List<ShopOrder.Delivery> deliveries = new ArrayList<>();
        for (int d = 1; d <= entry.destinations().size(); d++) {
            int destination = d;
            List<ShopOrder.Item> items = new ArrayList<>();
            for (int i = 0; i < entry.lines().size(); i++) {
                ShopOrder.Item item = preview.items().get(i);
                if (item != null && entry.lines().get(i).destination() == destination) {
                    items.add(item);
                }
            }
            if (items.isEmpty()) {
                continue;
            }
            ManualOrder.Destination to = entry.destinations().get(d - 1);
            boolean own = to.sameAsBuyer();
            deliveries.add(new ShopOrder.Delivery(
                    destination,
                    own ? buyer.name() : to.name(),
                    own ? buyer.kana() : null,
                    own ? buyer.phone() : to.phone(),
                    own ? buyer.postalCode() : to.postalCode(),
                    own ? buyer.prefecture() : to.prefecture(),
                    own ? buyer.address1() : to.address1(),
                    own ? buyer.address2() : to.address2(),
                    to.deliveryDate(),
                    to.timeSlot() == null || to.timeSlot().isBlank() ? null : to.timeSlot(),
                    false,
                    null,
                    deliveries.isEmpty() ? entry.shippingFee() : 0,
                    items,
                    null,
                    null,
                    null));
        }
        ShopOrder order = new ShopOrder(
                orderNumber,
                orderNumber,
                now,
                now,
                "New",
                entry.paid() ? "Paid" : "Unpaid",
                "NotShipped",
                buyer,
                entry.paymentMethod(),
                deliveries,
                preview.amounts(),
                entry.remarks() == null || entry.remarks().isBlank()
                        ? null
                        : entry.remarks().strip());
        String payload = json.writeValueAsString(order);
        long id = orders.register(channels.ownChannel(Mall.MANUAL).id(), IncomingOrder.of(order, payload), actor);
        audit.record(
                actor,
                "ORDER_REGISTERED",
                "order:" + orderNumber,
                "合計 " + preview.amounts().total() + "円");
        return id;
    }

    /** Every text field of the entry within its column, one line where it must be, dates plausible. */
    private List<String> textProblems(ManualOrder entry) {
        List<String> problems = new ArrayList<>();
        ShopOrder.Buyer buyer = entry.buyer();
        problems.addAll(OrderLimits.textProblems("[購入者 氏名]", buyer.name(), OrderLimits.NAME, true));
        problems.addAll(OrderLimits.textProblems("[購入者 フリガナ]", buyer.kana(), OrderLimits.KANA, true));
        problems.addAll(OrderLimits.textProblems("[購入者 住所1]", buyer.address1(), OrderLimits.ADDRESS, true));
        problems.addAll(OrderLimits.textProblems("[購入者 住所2]", buyer.address2(), OrderLimits.ADDRESS, true));
        if (present(buyer.email()) && !OrderLimits.isEmail(buyer.email())) {
            problems.add("[購入者 メールアドレス]: 形式が正しくありません (例 taro@example.jp)");
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        for (int d = 0; d < entry.destinations().size(); d++) {
            ManualOrder.Destination to = entry.destinations().get(d);
            String label = "[お届け先" + (d + 1) + " ";
            problems.addAll(OrderLimits.textProblems(label + "氏名]", to.name(), OrderLimits.NAME, true));
            problems.addAll(OrderLimits.textProblems(label + "住所1]", to.address1(), OrderLimits.ADDRESS, true));
            problems.addAll(OrderLimits.textProblems(label + "住所2]", to.address2(), OrderLimits.ADDRESS, true));
            problems.addAll(OrderLimits.textProblems(label + "時間帯]", to.timeSlot(), OrderLimits.TIME_SLOT, true));
            if (to.deliveryDate() != null && !OrderLimits.plausibleDeliveryDate(to.deliveryDate(), today)) {
                problems.add(label + "お届け希望日]: 2000/01/01から1年後までの日付で入力してください");
            }
        }
        int number = 0;
        for (ManualOrder.Line line : entry.lines()) {
            number++;
            problems.addAll(
                    OrderLimits.textProblems(number + "行目 [商品コード]", line.itemCode(), OrderLimits.ITEM_CODE, true));
            problems.addAll(OrderLimits.textProblems(number + "行目 [商品名]", line.name(), OrderLimits.ITEM_NAME, true));
        }
        problems.addAll(OrderLimits.textProblems("[備考]", entry.remarks(), OrderLimits.REMARKS, false));
        return problems;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
