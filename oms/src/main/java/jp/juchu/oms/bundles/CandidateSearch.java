package jp.juchu.oms.bundles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The search for 同梱 candidates ({@link Bundles#find}): reads the buyer's open orders of the shop by e-mail (the
 * newest {@value #SAME_BUYER}, through a partial index) and compares each in full by its {@link MatchKey}; the order
 * joins the matches' open candidate group, or a new one. Runs in the caller's transaction, one search per key at a
 * time (an advisory lock), so that two pages of one buyer never make two groups.
 */
@Component
class CandidateSearch {

    /** The buyer's open orders one search compares at most (the newest). */
    static final int SAME_BUYER = 50;

    /** The buyer's merged, unprinted groups one search compares at most (the oldest). */
    static final int MERGED_GROUPS = 10;

    private final JdbcClient jdbc;
    private final Orders orders;
    private final MatchKeys keys;

    CandidateSearch(JdbcClient jdbc, Orders orders, MatchKeys keys) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.keys = keys;
    }

    List<Long> find(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        List<OrderDetail> details = orders.withLines(orderIds);
        Map<Long, String> found = keys.of(details);
        Set<Long> groups = new LinkedHashSet<>();
        for (OrderDetail order : details) {
            String key = found.get(order.id());
            if (key == null) {
                continue;
            }
            // one finder at a time per key: two pages of the same buyer never make two groups
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                    .param(key)
                    .query(rs -> {});
            findFor(order, key).ifPresent(groups::add);
        }
        return List.copyOf(groups);
    }

    private Optional<Long> findFor(OrderDetail order, String key) {
        if (openGroupId(order.id()).isPresent()) {
            return openGroupId(order.id()).filter(id -> candidate(id) || joining(order.id()));
        }
        Optional<Long> merged = joinMerged(order, key);
        if (merged.isPresent()) {
            return merged;
        }
        List<Long> sameBuyer = jdbc.sql("""
                        select o.id from oms_order o
                        where o.connection_id = ? and coalesce(lower(o.buyer_email), '') = ? and o.id <> ?
                          and o.workflow_status not in ('PRINTED', 'SHIPPED', 'CANCELLED')
                          and o.shop_order_status <> 'Cancelled'
                          and not exists (select 1 from bundle_order bo join bundle b on b.id = bo.bundle_id
                                          where bo.order_id = o.id and bo.open and b.state = 'MERGED')
                          and not exists (select 1 from bundle_order mine join bundle_order theirs
                                            on theirs.bundle_id = mine.bundle_id join bundle b on b.id = mine.bundle_id
                                          where b.state = 'DECLINED' and mine.order_id = ? and theirs.order_id = o.id)
                        order by o.id desc
                        limit ?
                        """)
                .params(order.connectionId(), emailKey(order), order.id(), order.id(), SAME_BUYER)
                .query(Long.class)
                .list();
        if (sameBuyer.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, String> theirs = keys.of(orders.withLines(sameBuyer));
        List<Long> still = sameBuyer.stream()
                .filter(id -> key.equals(theirs.get(id)))
                .sorted()
                .toList();
        if (still.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> existing = still.stream()
                .map(this::openGroupId)
                .flatMap(Optional::stream)
                .filter(id -> candidate(id))
                .findFirst();
        long group = existing.orElseGet(
                () -> jdbc.sql("insert into bundle (connection_id, state) values (?, 'CANDIDATE') returning id")
                        .param(order.connectionId())
                        .query(Long.class)
                        .single());
        List<Long> joining = new ArrayList<>();
        joining.add(order.id());
        if (existing.isEmpty()) {
            still.stream().filter(id -> openGroupId(id).isEmpty()).forEach(joining::add);
        }
        for (long id : joining) {
            jdbc.sql("insert into bundle_order (bundle_id, order_id) values (?, ?)")
                    .params(group, id)
                    .update();
        }
        String numbers = jdbc.sql("select string_agg(o.order_number, '、' order by o.id) from bundle_order bo"
                        + " join oms_order o on o.id = bo.order_id where bo.bundle_id = ? and bo.open")
                .param(group)
                .query(String.class)
                .single();
        for (long id : joining) {
            orders.recordHistory(id, "BUNDLE", "同梱", "同梱候補 #" + group + " (" + numbers + ")");
        }
        return Optional.of(group);
    }

    /**
     * A merged group of the buyer that is not printed yet and matches: the order joins it as a candidate (joining),
     * until someone adds it to the group or leaves it out. A group it was left out of before is not proposed again.
     */
    private Optional<Long> joinMerged(OrderDetail order, String key) {
        List<Long> groups = jdbc.sql("""
                        select distinct b.id from bundle b
                        join bundle_order bo on bo.bundle_id = b.id and bo.open and not bo.joining
                        join oms_order o on o.id = bo.order_id
                        where b.state = 'MERGED' and b.connection_id = ? and coalesce(lower(o.buyer_email), '') = ?
                          and not exists (select 1 from bundle_order p join oms_order po on po.id = p.order_id
                                          where p.bundle_id = b.id and p.open
                                            and po.workflow_status in ('PRINTED', 'SHIPPED'))
                          and not exists (select 1 from bundle_order left_out
                                          where left_out.bundle_id = b.id and left_out.order_id = ?)
                        order by b.id
                        limit ?
                        """)
                .params(order.connectionId(), emailKey(order), order.id(), MERGED_GROUPS)
                .query(Long.class)
                .list();
        for (long group : groups) {
            List<Long> members = jdbc.sql(
                            "select order_id from bundle_order where bundle_id = ? and open and not joining order by order_id")
                    .param(group)
                    .query(Long.class)
                    .list();
            Map<Long, String> theirs = keys.of(orders.withLines(members));
            if (!members.isEmpty() && members.stream().allMatch(id -> key.equals(theirs.get(id)))) {
                jdbc.sql("insert into bundle_order (bundle_id, order_id, joining) values (?, ?, true)")
                        .params(group, order.id())
                        .update();
                String numbers = jdbc.sql("select string_agg(o.order_number, '、' order by o.id) from bundle_order bo"
                                + " join oms_order o on o.id = bo.order_id where bo.bundle_id = ? and bo.open"
                                + " and not bo.joining")
                        .param(group)
                        .query(String.class)
                        .single();
                orders.recordHistory(order.id(), "BUNDLE", "同梱", "同梱 #" + group + " (" + numbers + ") に加える候補");
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    private static String emailKey(OrderDetail order) {
        return order.buyerEmail() == null ? "" : order.buyerEmail().toLowerCase(Locale.ROOT);
    }

    private Optional<Long> openGroupId(long orderId) {
        return jdbc.sql("select bundle_id from bundle_order where order_id = ? and open")
                .param(orderId)
                .query(Long.class)
                .optional();
    }

    private boolean joining(long orderId) {
        return jdbc.sql("select joining from bundle_order where order_id = ? and open")
                .param(orderId)
                .query(Boolean.class)
                .single();
    }

    private boolean candidate(long groupId) {
        return jdbc.sql("select state = 'CANDIDATE' from bundle where id = ?")
                .param(groupId)
                .query(Boolean.class)
                .single();
    }
}
