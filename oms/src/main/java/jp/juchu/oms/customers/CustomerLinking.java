package jp.juchu.oms.customers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.juchu.oms.orders.OrderBuyer;
import jp.juchu.oms.orders.OrderChangedAtShop;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.OrdersImported;
import jp.juchu.support.db.CopyRows;
import jp.juchu.support.db.SerialIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links each order to one customer (顧客の照合): by e-mail first, else by phone and name together, else a new
 * customer. A merged-away customer is never linked to; a match on it leads to its survivor. Linking an order twice
 * changes nothing. An order of a blacklisted customer gets an alert. An imported page is linked at once, in a few
 * set-based statements ({@link #linkAll}), not order by order.
 */
@Service
class CustomerLinking {

    static final String ACTOR = "システム (顧客管理)";

    /** The columns of a link, as {@link #linkAll} writes them. */
    private static final List<String> LINK_COLUMNS =
            List.of("order_id", "customer_id", "connection_id", "order_number", "ordered_at", "total", "cancelled");

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Orders orders;

    CustomerLinking(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Orders orders) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.orders = orders;
    }

    @ApplicationModuleListener
    void on(OrdersImported imported) {
        linkAll(orders.buyers(imported.orderIds()));
    }

    /** The shop changed an order: its number, total and cancellation follow (an unlinked one is linked). */
    @ApplicationModuleListener
    void on(OrderChangedAtShop changed) {
        orders.buyers(List.of(changed.orderId())).forEach(order -> {
            int updated = jdbc.sql(
                            "update customer_order set order_number = ?, total = ?, cancelled = ? where order_id = ?")
                    .params(order.orderNumber(), order.total(), order.cancelledAtShop(), order.id())
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
    boolean link(OrderBuyer order) {
        return linkAll(List.of(order)) > 0;
    }

    /**
     * Links a page of orders to their customers in a handful of statements, whatever the page's size: the orders
     * already linked are left out, the customers they may match are read at once and matched in memory in the
     * orders' order ({@link KnownCustomers}: the same customers as linking them one by one), then the new customers,
     * the filled-in fields and the links are written in batches. Blacklisted customers' orders get their alert.
     *
     * @return how many orders were linked now
     */
    @Transactional
    int linkAll(List<OrderBuyer> page) {
        if (page.isEmpty()) {
            return 0;
        }
        Customers.lock(jdbc);
        Set<Long> done = new HashSet<>(jdbc.sql("select order_id from customer_order where order_id = any (?)")
                .param(page.stream().map(OrderBuyer::id).toArray(Long[]::new))
                .query(Long.class)
                .list());
        Map<Long, OrderBuyer> todo = new LinkedHashMap<>();
        Map<Long, MatchKeys> keys = new HashMap<>();
        for (OrderBuyer order : page) {
            if (!done.contains(order.id()) && todo.putIfAbsent(order.id(), order) == null) {
                keys.put(
                        order.id(),
                        MatchKeys.of(
                                order.buyer().name(),
                                order.buyer().email(),
                                order.buyer().phone()));
            }
        }
        if (todo.isEmpty()) {
            return 0;
        }
        KnownCustomers known = KnownCustomers.of(jdbc, keys.values());
        Map<Long, Long> customerOf = new LinkedHashMap<>();
        Map<Long, OrderBuyer> creating = new LinkedHashMap<>();
        List<OrderBuyer> filling = new ArrayList<>();
        for (OrderBuyer order : todo.values()) {
            MatchKeys k = keys.get(order.id());
            Optional<Long> matched = known.match(k);
            long customer;
            if (matched.isPresent()) {
                customer = matched.get();
                filling.add(order);
            } else {
                customer = known.created(k);
                creating.put(customer, order);
            }
            known.filled(customer, k);
            customerOf.put(order.id(), customer);
        }
        Map<Long, Long> realId = create(creating, keys);
        customerOf.replaceAll((order, customer) -> customer < 0 ? realId.get(customer) : customer);
        fillEmptyFields(filling, customerOf, keys);
        // one statement for the page (its trigger counts each customer's new orders once, not once per batch), a copy:
        // under the customers' lock, no order of the page can have been linked since it was looked up
        List<Object[]> links = new ArrayList<>();
        for (OrderBuyer order : todo.values()) {
            links.add(new Object[] {
                order.id(),
                customerOf.get(order.id()),
                order.connectionId(),
                order.orderNumber(),
                order.orderedAt(),
                order.total(),
                order.cancelledAtShop()
            });
        }
        CopyRows.into(jdbcTemplate, "customer_order", LINK_COLUMNS, links);
        alertIfBlacklisted(customerOf);
        return todo.size();
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

    /** The new customers, each from the order that made it, written in one batch: stand-in id → id. */
    private Map<Long, Long> create(Map<Long, OrderBuyer> creating, Map<Long, MatchKeys> keys) {
        Map<Long, Long> ids = new HashMap<>();
        if (creating.isEmpty()) {
            return ids;
        }
        List<Long> next = SerialIds.next(jdbc, "customer", "id", creating.size());
        List<Object[]> rows = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Long, OrderBuyer> entry : creating.entrySet()) {
            long id = next.get(i++);
            ids.put(entry.getKey(), id);
            OrderBuyer order = entry.getValue();
            MatchKeys k = keys.get(order.id());
            rows.add(new Object[] {
                id,
                order.buyer().name(),
                blankToNull(order.buyer().kana()),
                blankToNull(order.buyer().email()),
                blankToNull(order.buyer().phone()),
                blankToNull(order.buyer().postalCode()),
                blankToNull(order.buyer().prefecture()),
                address(order),
                k.email(),
                k.phone(),
                k.name()
            });
        }
        jdbcTemplate.batchUpdate("""
                insert into customer (id, name, kana, email, phone, postal_code, prefecture, address,
                    email_key, phone_key, name_key)
                overriding system value
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        return ids;
    }

    /**
     * A matched customer keeps what it has; what it lacks (say a phone number) it takes from the order — in the
     * page's order, so the first order with a phone number gives it. The page's orders are folded per customer
     * first (each field: the first order that has it), then written in one statement for the whole page.
     */
    private void fillEmptyFields(List<OrderBuyer> filling, Map<Long, Long> customerOf, Map<Long, MatchKeys> keys) {
        if (filling.isEmpty()) {
            return;
        }
        Map<Long, String[]> fills = new LinkedHashMap<>();
        for (OrderBuyer order : filling) {
            MatchKeys k = keys.get(order.id());
            String[] values = {
                blankToNull(order.buyer().kana()),
                blankToNull(order.buyer().email()),
                k.email(),
                blankToNull(order.buyer().phone()),
                k.phone(),
                blankToNull(order.buyer().postalCode()),
                blankToNull(order.buyer().prefecture()),
                address(order)
            };
            String[] fill = fills.computeIfAbsent(customerOf.get(order.id()), c -> new String[values.length]);
            for (int i = 0; i < values.length; i++) {
                if (fill[i] == null) {
                    fill[i] = values[i];
                }
            }
        }
        Object[] columns = new Object[9];
        columns[0] = fills.keySet().toArray(Long[]::new);
        for (int i = 0; i < 8; i++) {
            int field = i;
            columns[i + 1] = fills.values().stream().map(f -> f[field]).toArray(String[]::new);
        }
        jdbc.sql("""
                        update customer c set kana = coalesce(nullif(c.kana, ''), f.kana),
                            email = coalesce(nullif(c.email, ''), f.email), email_key = coalesce(c.email_key, f.email_key),
                            phone = coalesce(nullif(c.phone, ''), f.phone), phone_key = coalesce(c.phone_key, f.phone_key),
                            postal_code = coalesce(nullif(c.postal_code, ''), f.postal_code),
                            prefecture = coalesce(nullif(c.prefecture, ''), f.prefecture),
                            address = coalesce(nullif(c.address, ''), f.address)
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[])
                            as f(id, kana, email, email_key, phone, phone_key, postal_code, prefecture, address)
                        where c.id = f.id
                        """).params(columns).update();
    }

    /** An order linked to a blacklisted customer gets an alert (要確認) naming the customer and the reason. */
    private void alertIfBlacklisted(Map<Long, Long> customerOf) {
        Map<Long, Optional<String>> blacklisted = new HashMap<>();
        jdbc.sql("select id, blacklist_reason from customer where blacklisted and id = any (?)")
                .param(customerOf.values().stream().distinct().toArray(Long[]::new))
                .query(rs -> {
                    blacklisted.put(rs.getLong(1), Optional.ofNullable(rs.getString(2)));
                });
        customerOf.forEach((orderId, customerId) -> {
            Optional<String> reason = blacklisted.get(customerId);
            if (reason != null) {
                orders.raiseAlert(
                        orderId,
                        "ブラックリストの顧客 (顧客 #" + customerId + ") の注文です"
                                + reason.map(r -> "。理由: " + r).orElse(""),
                        ACTOR);
            }
        });
    }

    private static String address(OrderBuyer order) {
        String address =
                (nonNull(order.buyer().address1()) + " " + nonNull(order.buyer().address2())).strip();
        return address.isEmpty() ? null : address;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
