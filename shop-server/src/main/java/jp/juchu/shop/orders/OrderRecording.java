package jp.juchu.shop.orders;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.juchu.shop.system.TimeConfiguration;
import jp.juchu.support.db.SerialIds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recording new orders at a shop (storefront checkouts, the demo's orders): each gets its serial code and the next
 * order number of its shop and day, and {@link OrderPlaced} is published.
 */
@Service
public class OrderRecording {

    /** Serial codes are the sequence offset into a range of their own, so they never look like order numbers. */
    private static final long SERIAL_BASE = 7_000_000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    OrderRecording(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
        this.clock = clock;
    }

    /** Records orders in batches (ids drawn up front); each gets the next order number of its day. */
    @Transactional
    public List<Order> record(List<NewOrder> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        List<Long> seqs = SerialIds.next(jdbc, "shop_order", "seq", orders.size());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Integer> nextNumbers = takeNumbers(orders);
        List<Object[]> orderRows = new ArrayList<>();
        List<Object[]> deliveryRows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        List<Order> recorded = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            NewOrder o = orders.get(i);
            long seq = seqs.get(i);
            String serial = String.valueOf(SERIAL_BASE + seq);
            String day = dayOf(o);
            int number = nextNumbers.merge(o.shopId() + "/" + day, 1, Integer::sum) - 1;
            String orderNumber = day + "-" + String.format("%04d", number);
            Order.Amounts amounts = o.amounts();
            OffsetDateTime updatedAt = lastChange(o, now);
            Order.Buyer b = o.buyer();
            orderRows.add(new Object[] {
                seq,
                serial,
                o.shopId(),
                orderNumber,
                o.orderDate(),
                updatedAt,
                o.orderStatus().name(),
                o.paymentStatus().name(),
                shippingStatus(o).name(),
                b.name(),
                b.nameKana(),
                b.mailAddress(),
                b.phone(),
                b.postalCode(),
                b.prefecture(),
                b.address1(),
                b.address2(),
                b.memberAccount(),
                o.payment().method().name(),
                o.payment().cardBrand(),
                o.payment().cardLast4(),
                amounts.itemsTotal(),
                amounts.shippingFee(),
                amounts.codFee(),
                amounts.giftWrappingFee(),
                amounts.couponDiscount(),
                amounts.pointsUsed(),
                amounts.total(),
                json.writeValueAsString(amounts.tax()),
                o.remarks()
            });
            for (Order.Delivery d : o.deliveries()) {
                deliveryRows.add(new Object[] {
                    seq,
                    d.deliveryId(),
                    d.name(),
                    d.nameKana(),
                    d.phone(),
                    d.postalCode(),
                    d.prefecture(),
                    d.address1(),
                    d.address2(),
                    d.deliveryDate(),
                    d.timeSlot() == null ? null : d.timeSlot().name(),
                    d.giftWrapping(),
                    d.noshi(),
                    d.shippingFee(),
                    d.carrier() == null ? null : d.carrier().name(),
                    d.trackingNumber(),
                    d.shippedDate()
                });
                int line = 1;
                for (Order.Item item : d.items()) {
                    itemRows.add(new Object[] {
                        seq,
                        d.deliveryId(),
                        line++,
                        item.itemCode(),
                        item.variation(),
                        item.itemName(),
                        item.unitPrice(),
                        item.quantity(),
                        item.taxRate()
                    });
                }
            }
            recorded.add(new Order(
                    seq,
                    serial,
                    o.shopId(),
                    orderNumber,
                    o.orderDate(),
                    updatedAt,
                    o.orderStatus(),
                    o.paymentStatus(),
                    shippingStatus(o),
                    b,
                    o.payment(),
                    o.deliveries(),
                    amounts,
                    o.remarks(),
                    now));
        }
        jdbcTemplate.batchUpdate(INSERT_ORDER, orderRows);
        jdbcTemplate.batchUpdate(INSERT_DELIVERY, deliveryRows);
        jdbcTemplate.batchUpdate(INSERT_ITEM, itemRows);
        recorded.forEach(o -> events.publishEvent(new OrderPlaced(
                o.shopId(), o.serialCode(), o.orderNumber(), o.amounts().total(), o.updatedAt())));
        return recorded;
    }

    /** An order recorded with a past date (demo, import) was last changed when placed, or when it shipped. */
    private static OffsetDateTime lastChange(NewOrder o, OffsetDateTime now) {
        OffsetDateTime orderDate = o.orderDate();
        return o.deliveries().stream()
                .map(Order.Delivery::shippedDate)
                .filter(java.util.Objects::nonNull)
                .map(d -> d.atTime(17, 0).atZone(TimeConfiguration.TOKYO).toOffsetDateTime())
                .filter(shipped -> shipped.isBefore(now))
                .max(OffsetDateTime::compareTo)
                .filter(shipped -> shipped.isAfter(orderDate))
                .orElse(orderDate);
    }

    private static ShippingStatus shippingStatus(NewOrder o) {
        return o.deliveries().stream().allMatch(d -> d.trackingNumber() != null)
                ? ShippingStatus.Shipped
                : ShippingStatus.NotShipped;
    }

    /**
     * Reserves the order numbers the batch needs, per shop and day, in one counter row each (see
     * {@code V100__order_number_counter.sql}): the first number of each shop and day, to be counted up.
     * The row stays locked until this transaction ends, so parallel orders never share a number, and a
     * rollback returns the numbers.
     */
    private Map<String, Integer> takeNumbers(List<NewOrder> orders) {
        Map<String, Integer> needed = new TreeMap<>();
        for (NewOrder o : orders) {
            needed.merge(o.shopId() + "/" + dayOf(o), 1, Integer::sum);
        }
        Map<String, Integer> first = new HashMap<>();
        needed.forEach((key, count) -> {
            int slash = key.indexOf('/');
            int last = jdbc.sql("""
                            insert into shop_order_number (shop_id, order_day, last_number) values (?, ?, ?)
                            on conflict (shop_id, order_day)
                            do update set last_number = shop_order_number.last_number + excluded.last_number
                            returning last_number""")
                    .params(key.substring(0, slash), key.substring(slash + 1), count)
                    .query(Integer.class)
                    .single();
            first.put(key, last - count + 1);
        });
        return first;
    }

    private static String dayOf(NewOrder o) {
        return o.orderDate().atZoneSameInstant(TimeConfiguration.TOKYO).format(DAY);
    }

    private static final String INSERT_ORDER = """
            insert into shop_order (seq, serial_code, shop_id, order_number, order_date, updated_at, order_status,
                payment_status, shipping_status, buyer_name, buyer_kana, buyer_email, buyer_phone, buyer_postal_code,
                buyer_prefecture, buyer_address1, buyer_address2, member_account, payment_method, card_brand, card_last4,
                items_total, shipping_fee, cod_fee, gift_wrapping_fee, coupon_discount, points_used, total, tax, remarks)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            """;

    private static final String INSERT_DELIVERY = """
            insert into shop_order_delivery (order_seq, delivery_id, name, kana, phone, postal_code, prefecture,
                address1, address2, delivery_date, time_slot, gift_wrapping, noshi, shipping_fee, carrier,
                tracking_number, shipped_date)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String INSERT_ITEM = """
            insert into shop_order_item (order_seq, delivery_id, line_no, item_code, variation, item_name, unit_price,
                quantity, tax_rate)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
}
