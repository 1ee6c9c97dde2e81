package jp.juchu.oms.customers;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.juchu.oms.customers.Customers.Buyer;
import jp.juchu.oms.customers.Customers.Standing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the OMS knows of orders' buyers for the rules ({@link Standing}): blacklisted or not, how many earlier orders,
 * which customer tags.
 */
@Component
class CustomerStandings {

    private final JdbcClient jdbc;

    CustomerStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The standing of each order's buyer, by order id, in a few statements for the whole batch: the customer is
     * matched as linking matches ({@link KnownCustomers}), then the blacklist and the earlier orders are read at once.
     */
    Map<Long, Standing> of(Collection<Buyer> buyers) {
        if (buyers.isEmpty()) {
            return Map.of();
        }
        Map<Long, MatchKeys> keys = new LinkedHashMap<>();
        Map<Long, List<String>> recipients = new HashMap<>();
        for (Buyer buyer : buyers) {
            keys.put(buyer.orderId(), MatchKeys.of(buyer.name(), buyer.email(), buyer.phone()));
            recipients.put(
                    buyer.orderId(),
                    buyer.recipientNames().stream()
                            .map(MatchKeys::nameKey)
                            .filter(n -> !n.isEmpty())
                            .toList());
        }
        KnownCustomers known = KnownCustomers.of(jdbc, keys.values());
        Map<Long, Long> customerOf = new HashMap<>();
        keys.forEach((order, k) -> known.match(k).ifPresent(c -> customerOf.put(order, c)));

        Set<Long> blacklistedIds = new HashSet<>();
        Set<String> blacklistedEmails = new HashSet<>();
        Set<String> blacklistedNames = new HashSet<>();
        jdbc.sql("""
                        select id, email_key, name_key from customer where blacklisted and merged_into is null
                            and (id = any (:ids) or email_key = any (:emails) or name_key = any (:names))
                        """)
                .param("ids", customerOf.values().toArray(Long[]::new))
                .param(
                        "emails",
                        keys.values().stream()
                                .map(MatchKeys::email)
                                .filter(Objects::nonNull)
                                .toArray(String[]::new))
                .param(
                        "names",
                        recipients.values().stream().flatMap(List::stream).toArray(String[]::new))
                .query(rs -> {
                    blacklistedIds.add(rs.getLong("id"));
                    Optional.ofNullable(rs.getString("email_key")).ifPresent(blacklistedEmails::add);
                    Optional.ofNullable(rs.getString("name_key")).ifPresent(blacklistedNames::add);
                });

        Map<Long, Long> previous = new HashMap<>();
        if (!customerOf.isEmpty()) {
            jdbc.sql("""
                            select k.order_id, c.linked_orders
                                   - (select count(*) from customer_order o
                                       where o.order_id = k.order_id and o.customer_id = k.customer_id) as previous
                            from unnest(:orders, :customers) as k(order_id, customer_id)
                            join customer c on c.id = k.customer_id
                            """)
                    .param("orders", customerOf.keySet().toArray(Long[]::new))
                    .param("customers", customerOf.values().toArray(Long[]::new))
                    .query(rs -> {
                        previous.put(rs.getLong("order_id"), rs.getLong("previous"));
                    });
        }

        Map<Long, List<String>> tags = new HashMap<>();
        if (!customerOf.isEmpty()) {
            jdbc.sql("select id, tags from customer where id = any (?) and cardinality(tags) > 0")
                    .param(customerOf.values().stream().distinct().toArray(Long[]::new))
                    .query(rs -> {
                        tags.put(
                                rs.getLong(1), List.of((String[]) rs.getArray(2).getArray()));
                    });
        }

        Map<Long, Standing> standings = new HashMap<>();
        keys.forEach((order, k) -> {
            Long customer = customerOf.get(order);
            boolean blacklisted = (customer != null && blacklistedIds.contains(customer))
                    || (k.email() != null && blacklistedEmails.contains(k.email()))
                    || recipients.get(order).stream().anyMatch(blacklistedNames::contains);
            standings.put(
                    order,
                    new Standing(
                            blacklisted,
                            previous.getOrDefault(order, 0L),
                            customer == null ? List.of() : tags.getOrDefault(customer, List.of())));
        });
        return standings;
    }
}
