package jp.juchu.oms.bundles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.bundles.Bundles.Group;
import jp.juchu.oms.bundles.Bundles.Member;
import jp.juchu.oms.bundles.Bundles.State;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a person (or a rule) decides about a 同梱 group — 同梱する, 同梱しない, 同梱を取り消す, 同梱に加える, 加えない
 * ({@link Bundles#merge} and the others): each under the group's row lock, checked against the group's state and its
 * orders as they are now, noted in each order's history and in the audit log. Runs in the caller's transaction.
 */
@Component
class BundleDecisions {

    private final JdbcClient jdbc;
    private final Orders orders;
    private final MatchKeys keys;
    private final BundleGroups groups;
    private final AuditLog audit;

    BundleDecisions(JdbcClient jdbc, Orders orders, MatchKeys keys, BundleGroups groups, AuditLog audit) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.keys = keys;
        this.groups = groups;
        this.audit = audit;
    }

    Group merge(long groupId, Actor actor) {
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
        return groups.group(groupId).orElseThrow();
    }

    void decline(long groupId, Actor actor) {
        Group group = locked(groupId, State.CANDIDATE, "同梱候補ではありません");
        decide(group, State.DECLINED, actor);
        jdbc.sql("update bundle_order set open = false where bundle_id = ?")
                .param(groupId)
                .update();
        note(group, actor, "同梱しないことにしました: 同梱候補 #" + groupId + " (" + group.orderNumbers() + ")");
        audit.record(actor.name(), "BUNDLE_DECLINED", "bundle:" + groupId, group.orderNumbers());
    }

    void undo(long groupId, Actor actor) {
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

    Group addJoining(long groupId, Actor actor) {
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
        Group joined = groups.group(groupId).orElseThrow();
        note(joined, actor, "同梱に加えました: 同梱 #" + groupId + " (" + joined.orderNumbers() + ")");
        audit.record(
                actor.name(),
                "BUNDLE_JOINED",
                "bundle:" + groupId,
                group.joiningNumbers() + " → " + joined.orderNumbers());
        return joined;
    }

    void declineJoining(long groupId, Actor actor) {
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

    private Group locked(long groupId, State expected, String otherwise) {
        String state = jdbc.sql("select state from bundle where id = ? for update")
                .param(groupId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("同梱 #" + groupId + " はありません"));
        if (!expected.name().equals(state)) {
            throw new IllegalArgumentException("同梱 #" + groupId + " は" + otherwise);
        }
        Group group = groups.group(groupId).orElseThrow();
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
