package jp.juchu.oms.bundles;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 同梱: finds the orders of one buyer that can ship together (the criteria are {@link MatchKey}'s), keeps them as a
 * candidate group until a person — or a rule — merges them (同梱する) or declines (同梱しない), and undoes a merge
 * until the group is printed. Merging never changes the orders: the group ships as one slip, one 納品書 and one
 * picking entry, while each order keeps its totals, payment and report to its shop.
 */
@Service
public class Bundles {

    public enum State {
        CANDIDATE,
        MERGED,
        DECLINED
    }

    /** An order of a group, as the 同梱 screens show it. */
    public record Member(
            long orderId,
            String orderNumber,
            OffsetDateTime orderedAt,
            String buyerName,
            String paymentMethod,
            String workflowStatus,
            String workflowStatusName,
            long total,
            long shippingFee) {

        boolean printed() {
            return "PRINTED".equals(workflowStatus) || "SHIPPED".equals(workflowStatus);
        }
    }

    /**
     * A group of orders found to ship together, with its open members in id order, and — for a merged group — the new
     * orders that match it and wait to be added (joining).
     */
    public record Group(
            long id,
            State state,
            OffsetDateTime foundAt,
            String decidedBy,
            OffsetDateTime decidedAt,
            List<Member> members,
            List<Member> joining) {

        public List<Long> orderIds() {
            return members.stream().map(Member::orderId).toList();
        }

        /** The shipping fees the buyer paid, one per order. */
        public long shippingFees() {
            return members.stream().mapToLong(Member::shippingFee).sum();
        }

        /** What one shipment costs the buyer: the highest of the orders' fees. */
        public long oneShipmentFee() {
            return members.stream().mapToLong(Member::shippingFee).max().orElse(0);
        }

        /** The fees paid beyond one shipment's, for the merchant to settle with the buyer (送料差額). */
        public long feeDifference() {
            return shippingFees() - oneShipmentFee();
        }

        public boolean printed() {
            return members.stream().anyMatch(Member::printed);
        }

        public String orderNumbers() {
            return members.stream().map(Member::orderNumber).collect(Collectors.joining("、"));
        }

        public String joiningNumbers() {
            return joining.stream().map(Member::orderNumber).collect(Collectors.joining("、"));
        }

        /** Whether the order waits to be added to this merged group. */
        public boolean joins(long orderId) {
            return joining.stream().anyMatch(m -> m.orderId() == orderId);
        }
    }

    /** Groups on one screen at most. */
    public static final int SHOWN = 200;

    private final JdbcClient jdbc;
    private final Orders orders;
    private final MatchKeys keys;
    private final CandidateSearch search;
    private final AuditLog audit;

    Bundles(JdbcClient jdbc, Orders orders, MatchKeys keys, CandidateSearch search, AuditLog audit) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.keys = keys;
        this.search = search;
        this.audit = audit;
    }

    /** Whether the import looks for candidates (取込時に同梱候補を探す). */
    public boolean findsOnImport() {
        return jdbc.sql("select find_on_import from bundle_setting where id = 1")
                .query(Boolean.class)
                .single();
    }

    /** Switches the import's search for candidates on or off. */
    @Transactional
    public void findOnImport(boolean on, Actor actor) {
        jdbc.sql("update bundle_setting set find_on_import = ? where id = 1")
                .param(on)
                .update();
        audit.record(actor.name(), "BUNDLE_SETTING", "bundle_setting", on ? "取込時に同梱候補を探す: ON" : "取込時に同梱候補を探す: OFF");
    }

    /**
     * Looks for 同梱 candidates for these orders (just imported, or a rule asks): each order that can be bundled
     * joins the candidate group of the orders it matches — a new group, or the open candidate group one of them is
     * in. Orders already merged, and those declined together with it, are left out. Safe to run again.
     *
     * @return the candidate groups the orders are in now
     */
    @Transactional
    public List<Long> find(Collection<Long> orderIds) {
        return search.find(orderIds);
    }

    /**
     * 同梱する: the candidate group becomes one shipment. Every order must still be open (not printed, shipped nor
     * cancelled) and still match the others.
     *
     * @throws IllegalArgumentException naming the order that keeps the group from being merged
     */
    @Transactional
    public Group merge(long groupId, Actor actor) {
        Group group = locked(groupId, State.CANDIDATE, "同梱候補ではありません");
        List<OrderDetail> details = orders.withLines(group.orderIds());
        Map<Long, String> now = keys.of(details);
        String first = now.get(group.orderIds().get(0));
        for (OrderDetail order : details) {
            if (!MatchKey.bundleable(order)) {
                throw new IllegalArgumentException("受注番号 " + order.orderNumber() + " は同梱できません ("
                        + order.workflowStatusName() + ")。「同梱しない」を選んでください");
            }
            if (first == null || !first.equals(now.get(order.id()))) {
                throw new IllegalArgumentException(
                        "受注番号 " + order.orderNumber() + " はお届け先・配送方法・支払方法などがほかの受注と違うため同梱できません。「同梱しない」を選んでください");
            }
        }
        decide(group, State.MERGED, actor);
        note(group, actor, "同梱しました: 同梱 #" + groupId + " (" + group.orderNumbers() + ")");
        audit.record(actor.name(), "ORDERS_BUNDLED", "bundle:" + groupId, group.orderNumbers());
        return group(groupId).orElseThrow();
    }

    /** 同梱しない: the orders ship on their own; they are not proposed together again. */
    @Transactional
    public void decline(long groupId, Actor actor) {
        Group group = locked(groupId, State.CANDIDATE, "同梱候補ではありません");
        decide(group, State.DECLINED, actor);
        jdbc.sql("update bundle_order set open = false where bundle_id = ?")
                .param(groupId)
                .update();
        note(group, actor, "同梱しないことにしました: 同梱候補 #" + groupId + " (" + group.orderNumbers() + ")");
        audit.record(actor.name(), "BUNDLE_DECLINED", "bundle:" + groupId, group.orderNumbers());
    }

    /**
     * 同梱を取り消す: a merged group becomes a candidate again (to be merged or declined), as long as none of its orders
     * is printed.
     *
     * @throws IllegalArgumentException when the group is printed or not merged
     */
    @Transactional
    public void undo(long groupId, Actor actor) {
        Group group = locked(groupId, State.MERGED, "同梱していません");
        Optional<Member> printed =
                group.members().stream().filter(Member::printed).findFirst();
        if (printed.isPresent()) {
            throw new IllegalArgumentException("受注番号 " + printed.get().orderNumber() + " は「"
                    + printed.get().workflowStatusName() + "」です。印刷した同梱は取り消せません");
        }
        jdbc.sql("update bundle set state = 'CANDIDATE', decided_by = ?, decided_at = now() where id = ?")
                .params(actor.name(), groupId)
                .update();
        // orders that waited to join the group are candidates of it like the others
        jdbc.sql("update bundle_order set joining = false where bundle_id = ? and open")
                .param(groupId)
                .update();
        note(group, actor, "同梱を取り消しました: 同梱 #" + groupId + " (" + group.orderNumbers() + ")");
        audit.record(actor.name(), "BUNDLE_UNDONE", "bundle:" + groupId, group.orderNumbers());
    }

    /**
     * 同梱に加える: the orders waiting to join a merged group are added to it — the group then ships them too, on its one
     * slip, 納品書 and picking entry, and shares its tracking number with them. The group must not be printed, and each
     * order must still be open and match the group.
     *
     * @throws IllegalArgumentException naming what keeps an order from being added
     */
    @Transactional
    public Group addJoining(long groupId, Actor actor) {
        Group group = locked(groupId, State.MERGED, "同梱していません");
        if (group.joining().isEmpty()) {
            throw new IllegalArgumentException("同梱 #" + groupId + " に加える受注はありません");
        }
        Optional<Member> printed =
                group.members().stream().filter(Member::printed).findFirst();
        if (printed.isPresent()) {
            throw new IllegalArgumentException("受注番号 " + printed.get().orderNumber() + " は「"
                    + printed.get().workflowStatusName() + "」です。印刷した同梱には加えられません。「加えない」を選んでください");
        }
        List<Long> all = new ArrayList<>(group.orderIds());
        all.addAll(group.joining().stream().map(Member::orderId).toList());
        List<OrderDetail> details = orders.withLines(all);
        Map<Long, String> now = keys.of(details);
        String first = now.get(group.orderIds().get(0));
        for (OrderDetail order : details) {
            if (!group.joins(order.id())) {
                continue;
            }
            if (!MatchKey.bundleable(order)) {
                throw new IllegalArgumentException("受注番号 " + order.orderNumber() + " は同梱できません ("
                        + order.workflowStatusName() + ")。「加えない」を選んでください");
            }
            if (first == null || !first.equals(now.get(order.id()))) {
                throw new IllegalArgumentException("受注番号 " + order.orderNumber() + " はお届け先・配送方法・支払方法などが同梱 #" + groupId
                        + " と違うため加えられません。「加えない」を選んでください");
            }
        }
        jdbc.sql("update bundle_order set joining = false where bundle_id = ? and open and joining")
                .param(groupId)
                .update();
        jdbc.sql("update bundle set decided_by = ?, decided_at = now() where id = ?")
                .params(actor.name(), groupId)
                .update();
        Group joined = group(groupId).orElseThrow();
        note(joined, actor, "同梱に加えました: 同梱 #" + groupId + " (" + joined.orderNumbers() + ")");
        audit.record(
                actor.name(),
                "BUNDLE_JOINED",
                "bundle:" + groupId,
                group.joiningNumbers() + " → " + joined.orderNumbers());
        return joined;
    }

    /** 加えない: the orders waiting to join a merged group ship on their own and are not proposed for it again. */
    @Transactional
    public void declineJoining(long groupId, Actor actor) {
        Group group = locked(groupId, State.MERGED, "同梱していません");
        if (group.joining().isEmpty()) {
            throw new IllegalArgumentException("同梱 #" + groupId + " に加える受注はありません");
        }
        jdbc.sql("update bundle_order set open = false where bundle_id = ? and open and joining")
                .param(groupId)
                .update();
        for (Member m : group.joining()) {
            orders.recordHistory(
                    m.orderId(),
                    "BUNDLE",
                    actor.name(),
                    "同梱 #" + groupId + " (" + group.orderNumbers() + ") に加えないことにしました");
        }
        audit.record(actor.name(), "BUNDLE_JOIN_DECLINED", "bundle:" + groupId, group.joiningNumbers());
    }

    /**
     * A rule's 同梱する: looks for candidates for the order and merges its candidate group (or adds it to the merged
     * group it matches).
     *
     * @return what happened, in words for the rule's log
     */
    @Transactional
    public String findAndMerge(long orderId, Actor actor) {
        find(List.of(orderId));
        Optional<Group> joins = groupOf(orderId).filter(g -> g.joins(orderId));
        if (joins.isPresent()) {
            try {
                addJoining(joins.get().id(), actor);
                return "同梱 #" + joins.get().id() + " に加えました (" + joins.get().orderNumbers() + ")";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        Optional<Group> group = groupOf(orderId).filter(g -> g.state() == State.CANDIDATE);
        if (group.isEmpty()) {
            return groupOf(orderId).map(g -> "同梱 #" + g.id() + " に入っています").orElse("同梱できる受注はありません");
        }
        try {
            merge(group.get().id(), actor);
            return "同梱しました: 同梱 #" + group.get().id() + " (" + group.get().orderNumbers() + ")";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The open (candidate or merged) group the order is in. */
    public Optional<Group> groupOf(long orderId) {
        return openGroupId(orderId).flatMap(this::group);
    }

    /** The other orders merged with this one (they share its slip and tracking number); empty when none. */
    public List<Long> mergedWith(long orderId) {
        return groupOf(orderId)
                .filter(g -> g.state() == State.MERGED && !g.joins(orderId))
                .map(g -> g.orderIds().stream().filter(id -> id != orderId).toList())
                .orElse(List.of());
    }

    /**
     * These orders as they print: each merged group as one entry (all its orders, even those not given, in id
     * order) where its first order stands; every other order on its own.
     */
    public List<List<Long>> asPrinted(List<Long> orderIds) {
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
        Set<Long> placed = new java.util.HashSet<>();
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

    /** The open groups in a state, newest first (for the 同梱 screen). */
    public List<Group> inState(State state) {
        return jdbc
                .sql("select id from bundle where state = ? order by id desc limit ?")
                .params(state.name(), SHOWN)
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

    /** Each of these orders' open group and its state, for the order list's badges. */
    public Map<Long, Group> openGroups(Collection<Long> orderIds) {
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

    public Optional<Group> group(long id) {
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

    private State state(long groupId) {
        return State.valueOf(jdbc.sql("select state from bundle where id = ?")
                .param(groupId)
                .query(String.class)
                .single());
    }

    private Group locked(long groupId, State expected, String otherwise) {
        String state = jdbc.sql("select state from bundle where id = ? for update")
                .param(groupId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("同梱 #" + groupId + " はありません"));
        if (!expected.name().equals(state)) {
            throw new IllegalArgumentException("同梱 #" + groupId + " は" + otherwise);
        }
        Group group = group(groupId).orElseThrow();
        if (group.members().size() < 2) {
            throw new IllegalArgumentException("同梱 #" + groupId + " に残っている受注は1件だけです");
        }
        return group;
    }

    private void decide(Group group, State state, Actor actor) {
        jdbc.sql("update bundle set state = ?, decided_by = ?, decided_at = now() where id = ?")
                .params(state.name(), actor.name(), group.id())
                .update();
    }

    private void note(Group group, Actor actor, String summary) {
        for (long id : group.orderIds()) {
            orders.recordHistory(id, "BUNDLE", actor.name(), summary);
        }
    }
}
