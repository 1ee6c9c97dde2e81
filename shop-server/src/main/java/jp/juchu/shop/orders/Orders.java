package jp.juchu.shop.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.juchu.shop.system.Like;
import jp.juchu.shop.system.TimeConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shops' orders once recorded ({@link OrderRecording}): searching them for the API and the admin, changing their
 * states, the admin's counts and the shop's ranking.
 */
@Service
public class Orders {

    private final JdbcClient jdbc;
    private final OrderRows rows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Orders(JdbcClient jdbc, OrderRows rows, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The order API's search: a stable page by sequence over {@code updated_at >= since}. Without
     * {@code withDeliveries} the orders come without their deliveries and items, which a client listing
     * what changed does not need.
     */
    public OrderPage search(String shopId, OrderSearch search, boolean withDeliveries) {
        OffsetDateTime searchedAt = OffsetDateTime.now(clock);
        StringBuilder states = new StringBuilder();
        List<Object> stateParams = new ArrayList<>();
        inList(states, stateParams, "order_status", search.orderStatus());
        inList(states, stateParams, "payment_status", search.paymentStatus());
        inList(states, stateParams, "shipping_status", search.shippingStatus());
        StringBuilder where = new StringBuilder("shop_id = ? and updated_at >= ?");
        List<Object> params = new ArrayList<>(List.of(shopId, search.since()));
        if (search.until() != null) {
            where.append(" and updated_at < ?");
            params.add(search.until());
        }
        where.append(states);
        params.addAll(stateParams);
        Long total = null;
        List<Object> pageParams = new ArrayList<>(params);
        String page;
        if (search.searchAfter() == null) {
            Window window = window(shopId, search, states.toString(), stateParams);
            total = window.total();
            page = " and seq >= ? order by seq limit ? offset ?";
            pageParams.add(window.lowestSeq() == null ? Long.MAX_VALUE : window.lowestSeq());
            pageParams.add(search.size());
            pageParams.add(search.from());
        } else {
            page = " and seq > ? order by seq limit ?";
            pageParams.add(search.searchAfter());
            pageParams.add(search.size());
        }
        // the page's seqs come from the covering index alone; only the page's rows are read
        List<Order> orders = rows.load(
                "select * from shop_order where seq = any (array(select seq from shop_order where " + where + page
                        + ")) order by seq",
                pageParams,
                withDeliveries);
        Long next =
                orders.size() == search.size() ? orders.get(orders.size() - 1).seq() : null;
        return new OrderPage(total, searchedAt, orders, next);
    }

    /** A window's exact size, and the lowest seq it can hold (null when it holds nothing). */
    private record Window(long total, Long lowestSeq) {}

    /**
     * Counts a window from the tally's whole hours plus the orders of its partial first and last hours, in one
     * statement so that all parts see the same snapshot.
     */
    private Window window(String shopId, OrderSearch search, String states, List<Object> stateParams) {
        OffsetDateTime since = search.since();
        OffsetDateTime until = search.until();
        OffsetDateTime firstHour = since.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        OffsetDateTime firstWhole = firstHour.isEqual(since) ? firstHour : firstHour.plusHours(1);
        OffsetDateTime lastWhole = until == null
                ? null
                : until.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        List<Object> params = new ArrayList<>();
        String counted;
        if (lastWhole != null && !lastWhole.isAfter(firstWhole)) {
            counted = "(select count(*) from shop_order where shop_id = ? and updated_at >= ? and updated_at < ?"
                    + states + ")";
            params.addAll(List.of(shopId, since, until));
            params.addAll(stateParams);
        } else {
            counted =
                    "(select count(*) from shop_order where shop_id = ? and updated_at >= ? and updated_at < ?" + states
                            + ") + (select coalesce(sum(orders), 0) from shop_order_tally where shop_id = ? and hour >= ?"
                            + (lastWhole == null ? "" : " and hour < ?") + states + ")"
                            + (lastWhole == null
                                    ? ""
                                    : " + (select count(*) from shop_order where shop_id = ? and updated_at >= ?"
                                            + " and updated_at < ?" + states + ")");
            params.addAll(List.of(shopId, since, firstWhole));
            params.addAll(stateParams);
            params.addAll(List.of(shopId, firstWhole));
            if (lastWhole != null) {
                params.add(lastWhole);
            }
            params.addAll(stateParams);
            if (lastWhole != null) {
                params.addAll(List.of(shopId, lastWhole, until));
                params.addAll(stateParams);
            }
        }
        String lowest = "(select min(min_seq) from shop_order_tally where shop_id = ? and hour >= ?"
                + (until == null ? "" : " and hour < ?") + states + ")";
        params.addAll(List.of(shopId, firstHour));
        if (until != null) {
            params.add(until);
        }
        params.addAll(stateParams);
        return jdbc.sql("select " + counted + " as total, " + lowest + " as lowest_seq")
                .params(params)
                .query((rs, n) -> new Window(rs.getLong("total"), (Long) rs.getObject("lowest_seq")))
                .single();
    }

    private static void inList(
            StringBuilder where, List<Object> params, String column, List<? extends Enum<?>> values) {
        if (values != null && !values.isEmpty()) {
            where.append(" and ").append(column).append(" = any (?)");
            params.add(values.stream().map(Enum::name).toArray(String[]::new));
        }
    }

    public Optional<Order> find(String shopId, String serialCode) {
        return rows
                .load(
                        "select * from shop_order where shop_id = ? and serial_code = ?",
                        List.of(shopId, serialCode),
                        true)
                .stream()
                .findFirst();
    }

    /** A member's orders, newest first, without their deliveries. */
    public List<Order> ofMember(String shopId, String account, int limit) {
        return rows.load(
                "select * from shop_order where shop_id = ? and member_account = ? order by order_date desc, seq desc"
                        + " limit ?",
                List.of(shopId, account, limit),
                false);
    }

    /**
     * Guests (buyers without a member account) whose details match, once per e-mail address with the details
     * of their latest order. Name and kana match partly, ignoring spaces; e-mail and phone match whole.
     */
    public List<Order.Buyer> guests(String shopId, String email, String name, String kana, String phone, int limit) {
        StringBuilder where = new StringBuilder("shop_id = ? and member_account is null");
        List<Object> params = new ArrayList<>(List.of(shopId));
        if (email != null && !email.isBlank()) {
            where.append(" and lower(buyer_email) = lower(?)");
            params.add(email.strip());
        }
        if (name != null && !name.isBlank()) {
            where.append(" and replace(buyer_name, ' ', '') like ?");
            params.add(Like.containingWithoutSpaces(name));
        }
        if (kana != null && !kana.isBlank()) {
            where.append(" and replace(buyer_kana, ' ', '') like ?");
            params.add(Like.containingWithoutSpaces(kana));
        }
        if (phone != null && !phone.isBlank()) {
            where.append(" and replace(buyer_phone, '-', '') = ?");
            params.add(phone.replace("-", "").strip());
        }
        params.add(limit);
        return jdbc.sql("select * from (select distinct on (lower(buyer_email)) * from shop_order where " + where
                        + " order by lower(buyer_email), order_date desc) latest order by buyer_kana limit ?")
                .params(params)
                .query((rs, n) -> new Order.Buyer(
                        rs.getString("buyer_name"),
                        rs.getString("buyer_kana"),
                        rs.getString("buyer_email"),
                        rs.getString("buyer_phone"),
                        rs.getString("buyer_postal_code"),
                        rs.getString("buyer_prefecture"),
                        rs.getString("buyer_address1"),
                        rs.getString("buyer_address2"),
                        null))
                .list();
    }

    /** Admin list: newest first, filtered by states and a keyword over number, name, kana, e-mail, phone. */
    public AdminOrderList list(String shopId, AdminOrderFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("shop_id = ?");
        List<Object> params = new ArrayList<>(List.of(shopId));
        if (filter.status() != null) {
            where.append(" and order_status = ?");
            params.add(filter.status().name());
        }
        if (filter.payment() != null) {
            where.append(" and payment_status = ? and order_status <> 'Cancelled'");
            params.add(filter.payment().name());
        }
        if (filter.shipping() != null) {
            where.append(" and shipping_status = ? and order_status <> 'Cancelled'");
            params.add(filter.shipping().name());
        }
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            where.append(" and (order_number like ? or buyer_name like ? or buyer_kana like ? or buyer_email like ?"
                    + " or buyer_phone like ?)");
            String like = Like.containing(filter.keyword());
            for (int i = 0; i < 5; i++) {
                params.add(like);
            }
        }
        long total = jdbc.sql("select count(*) from shop_order where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Order> orders = rows.load(
                "select * from shop_order where " + where + " order by order_date desc, seq desc limit ? offset ?",
                pageParams,
                true);
        return new AdminOrderList(orders, total, page, size);
    }

    /** Changes an order's states; shipping as Shipped needs a carrier and a tracking number. */
    @Transactional
    public Order changeState(String shopId, String serialCode, StateChange change) {
        Order order = find(shopId, serialCode).orElseThrow(() -> new OrderNotFound(serialCode));
        if (change.shippingStatus() == ShippingStatus.Shipped
                && (change.carrier() == null
                        || change.trackingNumber() == null
                        || change.trackingNumber().isBlank())) {
            throw new IllegalStateChange("shipping.tracking_number", "発送済みにするには配送業者と伝票番号が必要です");
        }
        if (change.deliveryId() != null
                && order.deliveries().stream().noneMatch(d -> d.deliveryId() == change.deliveryId())) {
            throw new IllegalStateChange("shipping.delivery_id", "この受注にないお届け先です: " + change.deliveryId());
        }
        if (change.shippingStatus() == ShippingStatus.Shipped) {
            LocalDate shipped = change.shippedDate() != null
                    ? change.shippedDate()
                    : LocalDate.now(clock.withZone(TimeConfiguration.TOKYO));
            jdbc.sql("update shop_order_delivery set carrier = ?, tracking_number = ?, shipped_date = ? "
                            + "where order_seq = ? and (cast(? as integer) is null or delivery_id = ?)")
                    .params(
                            change.carrier().name(),
                            change.trackingNumber().strip(),
                            shipped,
                            order.seq(),
                            change.deliveryId(),
                            change.deliveryId())
                    .update();
        }
        ShippingStatus shipping = change.shippingStatus() == null ? order.shippingStatus() : change.shippingStatus();
        if (change.shippingStatus() == ShippingStatus.Shipped && change.deliveryId() != null) {
            boolean allShipped = jdbc.sql(
                            "select bool_and(tracking_number is not null) from shop_order_delivery where order_seq = ?")
                    .param(order.seq())
                    .query(Boolean.class)
                    .single();
            shipping = allShipped ? ShippingStatus.Shipped : ShippingStatus.NotShipped;
        }
        if (change.shippingStatus() == ShippingStatus.NotShipped) {
            jdbc.sql("update shop_order_delivery set carrier = null, tracking_number = null, shipped_date = null "
                            + "where order_seq = ?")
                    .param(order.seq())
                    .update();
        }
        OrderStatus status = change.orderStatus() == null ? order.orderStatus() : change.orderStatus();
        PaymentStatus payment = change.paymentStatus() == null ? order.paymentStatus() : change.paymentStatus();
        OffsetDateTime changedAt = OffsetDateTime.now(clock);
        jdbc.sql("update shop_order set order_status = ?, payment_status = ?, shipping_status = ?, updated_at = ? "
                        + "where seq = ?")
                .params(status.name(), payment.name(), shipping.name(), changedAt, order.seq())
                .update();
        events.publishEvent(new OrderStateChanged(shopId, serialCode, status, payment, shipping, changedAt));
        return find(shopId, serialCode).orElseThrow();
    }

    /** The serial codes of the shop's most recently placed orders, newest first. */
    public List<String> recentSerialCodes(String shopId, int limit) {
        return jdbc.sql("select serial_code from shop_order where shop_id = ? order by seq desc limit ?")
                .params(shopId, limit)
                .query(String.class)
                .list();
    }

    /**
     * Corrects a delivery's street address (住所の訂正, as the shop's support does on a buyer's call); the order counts
     * as changed for the order API.
     *
     * @return false when the order or delivery does not exist
     */
    @Transactional
    public boolean correctAddress(String shopId, String serialCode, int deliveryId, String address1) {
        Optional<Order> order = find(shopId, serialCode);
        if (order.isEmpty()) {
            return false;
        }
        int changed = jdbc.sql("update shop_order_delivery set address1 = ? where order_seq = ? and delivery_id = ?")
                .params(address1, order.get().seq(), deliveryId)
                .update();
        if (changed == 0) {
            return false;
        }
        if (deliveryId == 1) {
            jdbc.sql("update shop_order set buyer_address1 = ? where seq = ?")
                    .params(address1, order.get().seq())
                    .update();
        }
        OffsetDateTime correctedAt = OffsetDateTime.now(clock);
        jdbc.sql("update shop_order set updated_at = ? where seq = ?")
                .params(correctedAt, order.get().seq())
                .update();
        events.publishEvent(new OrderCorrected(shopId, serialCode, correctedAt));
        return true;
    }

    /** Unprocessed counts for the admin top: 未確認, 未入金, 未発送 (cancelled orders excluded). */
    public UnprocessedCounts unprocessed(String shopId) {
        return jdbc.sql("""
                        select count(*) filter (where order_status = 'New') as unconfirmed,
                               count(*) filter (where payment_status = 'Unpaid' and order_status <> 'Cancelled') as unpaid,
                               count(*) filter (where shipping_status = 'NotShipped' and order_status <> 'Cancelled') as unshipped
                        from shop_order where shop_id = ?
                        """).param(shopId).query(UnprocessedCounts.class).single();
    }

    /** Units sold per item in [from, to), cancelled orders excluded: the shop's ranking (ランキング). */
    public List<RankedItem> ranking(String shopId, OffsetDateTime from, OffsetDateTime to, int limit) {
        return jdbc.sql("""
                        select i.item_code, min(i.item_name) as item_name, sum(i.quantity) as units_sold
                        from shop_order o join shop_order_item i on i.order_seq = o.seq
                        where o.shop_id = ? and o.order_date >= ? and o.order_date < ? and o.order_status <> 'Cancelled'
                        group by i.item_code
                        order by units_sold desc, i.item_code
                        limit ?
                        """)
                .params(shopId, from, to, limit)
                .query((rs, n) -> new RankedItem(
                        n + 1, rs.getString("item_code"), rs.getString("item_name"), rs.getLong("units_sold")))
                .list();
    }

    /** Sales (tax included) of the orders placed in [from, to), cancelled ones excluded. */
    public long sales(String shopId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("select coalesce(sum(total), 0) from shop_order where shop_id = ? and order_date >= ? "
                        + "and order_date < ? and order_status <> 'Cancelled'")
                .params(shopId, from, to)
                .query(Long.class)
                .single();
    }
}
