package jp.juchu.oms.bundles;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.juchu.oms.bundles.Bundles.Group;
import jp.juchu.oms.bundles.Bundles.Member;
import jp.juchu.oms.bundles.Bundles.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the 同梱 groups as the screens, the order list, printing and shipping see them ({@link Bundles#group},
 * {@link Bundles#groupOf}, {@link Bundles#asPrinted} and the like): a group with its open members and the orders
 * waiting to join it.
 */
@Component
class BundleGroups {

    private final JdbcClient jdbc;

    BundleGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Group> group(long id) {
        Optional<Group> head = jdbc.sql("select id, state, found_at, decided_by, decided_at from bundle where id = ?")
                .param(id)
                .query((rs, n) -> new Group(
                        rs.getLong(1),
                        State.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class),
                        List.of(),
                        List.of()))
                .optional();
        return head.map(g -> new Group(
                g.id(), g.state(), g.foundAt(), g.decidedBy(), g.decidedAt(), members(g, false), members(g, true)));
    }

    Optional<Group> groupOf(long orderId) {
        return openGroupId(orderId).flatMap(this::group);
    }

    List<Long> mergedWith(long orderId) {
        return groupOf(orderId)
                .filter(g -> g.state() == State.MERGED && !g.joins(orderId))
                .map(g -> g.orderIds().stream().filter(id -> id != orderId).toList())
                .orElse(List.of());
    }

    List<List<Long>> asPrinted(List<Long> orderIds) {
        Map<Long, List<Long>> merged = new HashMap<>();
        jdbc.sql("""
                        select mine.order_id, theirs.order_id from bundle_order mine
                        join bundle b on b.id = mine.bundle_id and b.state = 'MERGED'
                        join bundle_order theirs on theirs.bundle_id = mine.bundle_id and theirs.open
                                                    and not theirs.joining
                        where mine.open and not mine.joining and mine.order_id = any (?)
                        order by theirs.order_id
                        """).param(orderIds.toArray(Long[]::new)).query(rs -> {
            merged.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        Map<Long, List<Long>> entries = new LinkedHashMap<>();
        Set<Long> placed = new HashSet<>();
        for (long id : orderIds) {
            if (placed.contains(id)) {
                continue;
            }
            List<Long> entry = merged.getOrDefault(id, List.of(id));
            placed.addAll(entry);
            entries.put(id, entry);
        }
        return List.copyOf(entries.values());
    }

    List<Group> inState(State state) {
        return jdbc
                .sql("select id from bundle where state = ? order by id desc limit ?")
                .params(state.name(), Bundles.SHOWN)
                .query(Long.class)
                .list()
                .stream()
                .map(this::group)
                .flatMap(Optional::stream)
                .filter(g -> g.members().size() > 1
                        || state == State.DECLINED
                        || !g.joining().isEmpty())
                .toList();
    }

    Map<Long, Group> openGroups(Collection<Long> orderIds) {
        Map<Long, Long> ids = new HashMap<>();
        jdbc.sql("select order_id, bundle_id from bundle_order where open and order_id = any (?)")
                .param(orderIds.toArray(Long[]::new))
                .query(rs -> {
                    ids.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, Optional<Group>> groups = new HashMap<>();
        Map<Long, Group> result = new HashMap<>();
        ids.forEach((order, group) -> groups.computeIfAbsent(group, this::group)
                .filter(g -> g.members().size() > 1 || !g.joining().isEmpty())
                .ifPresent(g -> result.put(order, g)));
        return result;
    }

    private List<Member> members(Group g, boolean joining) {
        return jdbc.sql("""
                        select o.id as order_id, o.order_number, o.ordered_at, o.buyer_name, o.payment_method,
                               o.workflow_status, s.name as workflow_status_name, o.total, o.shipping_fee
                        from bundle_order bo join oms_order o on o.id = bo.order_id
                        join workflow_status s on s.code = o.workflow_status
                        where bo.bundle_id = ? and (bo.open or ?) and bo.joining = ?
                        order by o.id
                        """)
                .params(g.id(), g.state() == State.DECLINED && !joining, joining)
                .query(Member.class)
                .list();
    }

    private Optional<Long> openGroupId(long orderId) {
        return jdbc.sql("select bundle_id from bundle_order where order_id = ? and open")
                .param(orderId)
                .query(Long.class)
                .optional();
    }
}
