package jp.juchu.oms.customers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jp.juchu.oms.orders.OrderChangedAtShop;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.OrdersImported;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links each order to one customer (顧客の照合): by e-mail first, else by phone and name together, else a new
 * customer. A merged-away customer is never linked to; a match on it leads to its survivor. Linking an order twice changes nothing. An order of a
 * blacklisted customer gets an alert.
 */
@Service
class CustomerLinking {

    static final String ACTOR = "システム (顧客管理)";

    private final JdbcClient jdbc;
    private final Orders orders;

    CustomerLinking(JdbcClient jdbc, Orders orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(OrdersImported imported) {
        orders.headers(imported.orderIds()).forEach(this::link);
    }

    /** The shop changed an order: its number, total and cancellation follow (an unlinked one is linked). */
    @ApplicationModuleListener
    void on(OrderChangedAtShop changed) {
        orders.headers(List.of(changed.orderId())).forEach(order -> {
            int updated = jdbc.sql(
                            "update customer_order set order_number = ?, total = ?, cancelled = ? where order_id = ?")
                    .params(order.orderNumber(), order.total(), cancelled(order), order.id())
                    .update();
            if (updated == 0) {
                link(order);
            }
        });
    }

    /**
     * Links an order to its customer.
     *
     * @return false when the order was linked already
     */
    @Transactional
    boolean link(OrderDetail order) {
        Customers.lock(jdbc);
        if (linked(order.id())) {
            return false;
        }
        MatchKeys keys = MatchKeys.of(order.buyerName(), order.buyerEmail(), order.buyerPhone());
        long customerId = match(keys).orElseGet(() -> create(order, keys));
        fillEmptyFields(customerId, order, keys);
        int inserted = jdbc.sql("""
                        insert into customer_order (order_id, customer_id, connection_id, order_number, ordered_at,
                            total, cancelled)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (order_id) do nothing
                        """)
                .params(
                        order.id(),
                        customerId,
                        order.connectionId(),
                        order.orderNumber(),
                        order.orderedAt(),
                        order.total(),
                        cancelled(order))
                .update();
        if (inserted > 0) {
            alertIfBlacklisted(customerId, order.id());
        }
        return inserted > 0;
    }

    /** Of these order ids, those no customer is linked to yet. */
    List<Long> unlinked(Collection<Long> orderIds) {
        return jdbc.sql("select id from unnest(?) as o(id)"
                        + " where not exists (select 1 from customer_order c where c.order_id = o.id) order by id")
                .param(orderIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    long linkedCount() {
        return jdbc.sql("select count(*) from customer_order").query(Long.class).single();
    }

    private boolean linked(long orderId) {
        return jdbc.sql("select exists (select 1 from customer_order where order_id = ?)")
                .param(orderId)
                .query(Boolean.class)
                .single();
    }

    private Optional<Long> match(MatchKeys keys) {
        if (keys.email() != null) {
            Optional<Long> byEmail = jdbc.sql(SURVIVOR + " where email_key = ?" + STANDING_FIRST)
                    .param(keys.email())
                    .query(Long.class)
                    .optional();
            if (byEmail.isPresent()) {
                return byEmail;
            }
        }
        if (keys.phone() == null || keys.name().isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(SURVIVOR + " where phone_key = ? and name_key = ?" + STANDING_FIRST)
                .params(keys.phone(), keys.name())
                .query(Long.class)
                .optional();
    }

    /**
     * A merged-away customer is never linked to: its keys lead to the survivor (merges keep
     * {@code merged_into} pointing at the survivor directly), so an order with the merged record's old e-mail
     * still reaches the right customer.
     */
    private static final String SURVIVOR = "select coalesce(merged_into, id) from customer";

    private static final String STANDING_FIRST = " order by merged_into is not null, id limit 1";

    private long create(OrderDetail order, MatchKeys keys) {
        return jdbc.sql("""
                        insert into customer (name, kana, email, phone, postal_code, prefecture, address,
                            email_key, phone_key, name_key)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        returning id
                        """)
                .params(
                        order.buyerName(),
                        blankToNull(order.buyerKana()),
                        blankToNull(order.buyerEmail()),
                        blankToNull(order.buyerPhone()),
                        blankToNull(order.buyerPostalCode()),
                        blankToNull(order.buyerPrefecture()),
                        address(order),
                        keys.email(),
                        keys.phone(),
                        keys.name())
                .query(Long.class)
                .single();
    }

    /** A matched customer keeps what it has; what it lacks (say a phone number) it takes from the order. */
    private void fillEmptyFields(long customerId, OrderDetail order, MatchKeys keys) {
        jdbc.sql("""
                        update customer set kana = coalesce(nullif(kana, ''), ?), email = coalesce(nullif(email, ''), ?),
                            email_key = coalesce(email_key, ?), phone = coalesce(nullif(phone, ''), ?),
                            phone_key = coalesce(phone_key, ?), postal_code = coalesce(nullif(postal_code, ''), ?),
                            prefecture = coalesce(nullif(prefecture, ''), ?), address = coalesce(nullif(address, ''), ?)
                        where id = ?
                        """)
                .params(
                        blankToNull(order.buyerKana()),
                        blankToNull(order.buyerEmail()),
                        keys.email(),
                        blankToNull(order.buyerPhone()),
                        keys.phone(),
                        blankToNull(order.buyerPostalCode()),
                        blankToNull(order.buyerPrefecture()),
                        address(order),
                        customerId)
                .update();
    }

    private void alertIfBlacklisted(long customerId, long orderId) {
        jdbc.sql("select blacklist_reason from customer where id = ? and blacklisted")
                .param(customerId)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .ifPresent(reason -> orders.raiseAlert(
                        orderId,
                        "ブラックリストの顧客 (顧客 #" + customerId + ") の注文です"
                                + reason.map(r -> "。理由: " + r).orElse(""),
                        ACTOR));
    }

    private static boolean cancelled(OrderDetail order) {
        return "Cancelled".equals(order.shopOrderStatus());
    }

    private static String address(OrderDetail order) {
        String address = (nonNull(order.buyerAddress1()) + " " + nonNull(order.buyerAddress2())).strip();
        return address.isEmpty() ? null : address;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
