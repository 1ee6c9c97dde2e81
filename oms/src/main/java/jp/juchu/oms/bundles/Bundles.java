package jp.juchu.oms.bundles;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.Actor;
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
    private final CandidateSearch search;
    private final BundleDecisions decisions;
    private final BundleGroups groups;
    private final AuditLog audit;

    Bundles(JdbcClient jdbc, CandidateSearch search, BundleDecisions decisions, BundleGroups groups, AuditLog audit) {
        this.jdbc = jdbc;
        this.search = search;
        this.decisions = decisions;
        this.groups = groups;
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
        return decisions.merge(groupId, actor);
    }

    /** 同梱しない: the orders ship on their own; they are not proposed together again. */
    @Transactional
    public void decline(long groupId, Actor actor) {
        decisions.decline(groupId, actor);
    }

    /**
     * 同梱を取り消す: a merged group becomes a candidate again (to be merged or declined), as long as none of its orders
     * is printed.
     *
     * @throws IllegalArgumentException when the group is printed or not merged
     */
    @Transactional
    public void undo(long groupId, Actor actor) {
        decisions.undo(groupId, actor);
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
        return decisions.addJoining(groupId, actor);
    }

    /** 加えない: the orders waiting to join a merged group ship on their own and are not proposed for it again. */
    @Transactional
    public void declineJoining(long groupId, Actor actor) {
        decisions.declineJoining(groupId, actor);
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
        return groups.groupOf(orderId);
    }

    /** The other orders merged with this one (they share its slip and tracking number); empty when none. */
    public List<Long> mergedWith(long orderId) {
        return groups.mergedWith(orderId);
    }

    /**
     * These orders as they print: each merged group as one entry (all its orders, even those not given, in id
     * order) where its first order stands; every other order on its own.
     */
    public List<List<Long>> asPrinted(List<Long> orderIds) {
        return groups.asPrinted(orderIds);
    }

    /** The open groups in a state, newest first (for the 同梱 screen). */
    public List<Group> inState(State state) {
        return groups.inState(state);
    }

    /** Each of these orders' open group and its state, for the order list's badges. */
    public Map<Long, Group> openGroups(Collection<Long> orderIds) {
        return groups.openGroups(orderIds);
    }

    public Optional<Group> group(long id) {
        return groups.group(id);
    }
}
