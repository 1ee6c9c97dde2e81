package jp.juchu.oms.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.mails.Mails;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant's rules (自動処理一覧): saved only when every field, operator, value, status and variable is known;
 * each save is a new version kept with who saved it; every change is audited.
 */
@Service
public class RuleBook {

    public static final int MAX_RULES = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a rule's definition column holds. */
    record Definition(Condition condition, List<Action> actions) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Orders orders;
    private final Mails mails;
    private final Products products;

    RuleBook(JdbcClient jdbc, AuditLog audit, Orders orders, Mails mails, Products products) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.orders = orders;
        this.mails = mails;
        this.products = products;
    }

    /** A rule as a person writes it, before it has an id and a version. */
    public record Draft(
            String name,
            boolean enabled,
            Rule.Mode mode,
            List<Long> shops,
            Rule.Trigger trigger,
            String fromStatus,
            Rule.Phase phase,
            boolean rerunnable,
            Condition condition,
            List<Action> actions) {}

    /** The rule was refused; every problem is listed. */
    public static class Refused extends IllegalArgumentException {
        private final List<String> problems;

        public Refused(List<String> problems) {
            super(String.join(" / ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public List<Rule> all() {
        return jdbc.sql(SELECT + " order by from_status, phase, priority, id")
                .query((rs, n) -> rule(rs))
                .list();
    }

    public Optional<Rule> find(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query((rs, n) -> rule(rs))
                .optional();
    }

    /** The enabled rules of one trigger. */
    List<Rule> enabled(Rule.Trigger trigger) {
        return jdbc.sql(SELECT + " where enabled and trigger_kind = ? order by priority, id")
                .param(trigger.name())
                .query((rs, n) -> rule(rs))
                .list();
    }

    /** Rules grouped by the status they start from, in the tabs' order of the statuses. */
    public Map<String, List<Rule>> byStatus() {
        Map<String, List<Rule>> grouped = new LinkedHashMap<>();
        orders.statuses().forEach(s -> grouped.put(s.code(), new ArrayList<>()));
        all().forEach(r ->
                grouped.computeIfAbsent(r.fromStatus(), k -> new ArrayList<>()).add(r));
        grouped.values().removeIf(List::isEmpty);
        return grouped;
    }

    @Transactional
    public long create(Draft draft, String actor) {
        check(draft);
        long count =
                jdbc.sql("select count(*) from auto_rule").query(Long.class).single();
        if (count >= MAX_RULES) {
            throw new Refused(List.of("ルールは " + MAX_RULES + " 件までです"));
        }
        long id = jdbc.sql("""
                        insert into auto_rule (name, enabled, mode, shops, trigger_kind, from_status, phase, priority,
                            rerunnable, definition, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?,
                            (select coalesce(max(priority), 0) + 10 from auto_rule where from_status = ? and phase = ?),
                            ?, ?::jsonb, ?)
                        returning id
                        """)
                .params(
                        draft.name().strip(),
                        draft.enabled(),
                        draft.mode().name(),
                        draft.shops().toArray(Long[]::new),
                        draft.trigger().name(),
                        draft.fromStatus(),
                        draft.phase().name(),
                        draft.fromStatus(),
                        draft.phase().name(),
                        draft.rerunnable(),
                        definition(draft),
                        actor)
                .query(Long.class)
                .single();
        keepVersion(id, actor);
        audit.record(actor, "RULE_CREATED", "rule:" + id, draft.name());
        return id;
    }

    @Transactional
    public void update(long id, Draft draft, String actor) {
        Rule before = find(id).orElseThrow(() -> new Refused(List.of("ルールがありません")));
        check(draft);
        boolean moved = !before.fromStatus().equals(draft.fromStatus()) || before.phase() != draft.phase();
        jdbc.sql("""
                        update auto_rule set name = ?, enabled = ?, mode = ?, shops = ?, trigger_kind = ?,
                            from_status = ?, phase = ?, rerunnable = ?, definition = ?::jsonb, version = version + 1,
                            updated_by = ?, updated_at = now(),
                            priority = case when ? then (select coalesce(max(priority), 0) + 10 from auto_rule
                                where from_status = ? and phase = ?) else priority end
                        where id = ?
                        """)
                .params(
                        draft.name().strip(),
                        draft.enabled(),
                        draft.mode().name(),
                        draft.shops().toArray(Long[]::new),
                        draft.trigger().name(),
                        draft.fromStatus(),
                        draft.phase().name(),
                        draft.rerunnable(),
                        definition(draft),
                        actor,
                        moved,
                        draft.fromStatus(),
                        draft.phase().name(),
                        id)
                .update();
        keepVersion(id, actor);
        audit.record(actor, "RULE_CHANGED", "rule:" + id, draft.name());
    }

    @Transactional
    public void enable(long id, boolean enabled, String actor) {
        Rule rule = find(id).orElseThrow(() -> new Refused(List.of("ルールがありません")));
        jdbc.sql("update auto_rule set enabled = ?, updated_by = ?, updated_at = now() where id = ?")
                .params(enabled, actor, id)
                .update();
        audit.record(actor, enabled ? "RULE_ENABLED" : "RULE_DISABLED", "rule:" + id, rule.name());
    }

    @Transactional
    public void delete(long id, String actor) {
        Rule rule = find(id).orElseThrow(() -> new Refused(List.of("ルールがありません")));
        jdbc.sql("delete from auto_rule where id = ?").param(id).update();
        audit.record(actor, "RULE_DELETED", "rule:" + id, rule.name());
    }

    /**
     * Puts the rules of one status and phase in this order (ドラッグで並べ替え); ids of other groups are refused.
     */
    @Transactional
    public void reorder(List<Long> ids, String actor) {
        List<Rule> rules = ids.stream()
                .map(id -> find(id).orElseThrow(() -> new Refused(List.of("ルールがありません: " + id))))
                .toList();
        Set<String> groups =
                rules.stream().map(r -> r.fromStatus() + "/" + r.phase()).collect(Collectors.toSet());
        if (groups.size() > 1) {
            throw new Refused(List.of("並べ替えは同じステータス・同じ段階のルールの中だけでできます"));
        }
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("update auto_rule set priority = ? where id = ?")
                    .params((i + 1) * 10, ids.get(i))
                    .update();
        }
        audit.record(
                actor, "RULE_REORDERED", "rules", rules.stream().map(Rule::name).collect(Collectors.joining(" → ")));
    }

    /** Every problem with a draft, in Japanese; empty when it can be saved. */
    List<String> problems(Draft draft) {
        List<String> problems = new ArrayList<>();
        if (draft.name() == null || draft.name().isBlank()) {
            problems.add("ルール名を入れてください");
        } else if (draft.name().strip().length() > 100) {
            problems.add("ルール名は100文字までです");
        }
        Set<String> statuses =
                orders.statuses().stream().map(Orders.WorkflowStatus::code).collect(Collectors.toSet());
        if (draft.mode() == null || draft.trigger() == null || draft.phase() == null) {
            problems.add("実行方法・きっかけ・段階を選んでください");
        }
        if (draft.fromStatus() == null || !statuses.contains(draft.fromStatus())) {
            problems.add("対象のステータスを選んでください");
        }
        if (draft.shops() != null && draft.shops().size() > 100) {
            problems.add("ショップは100件まで選べます");
        }
        if (draft.condition() == null) {
            problems.add("条件がありません");
        } else {
            problems.addAll(draft.condition().problems());
        }
        List<Action> actions = draft.actions() == null ? List.of() : draft.actions();
        if (actions.isEmpty()) {
            problems.add("実行処理を1つ以上入れてください");
        }
        if (actions.size() > 20) {
            problems.add("実行処理は20個までです");
        }
        actions.forEach(a -> problems.addAll(a.problems(statuses)));
        actions.stream()
                .filter(a -> a.kind() == Action.Kind.SEND_MAIL && !a.value().isEmpty())
                .filter(a -> !mailTemplate(a.value()))
                .forEach(a -> problems.add("メールテンプレート「" + a.value() + "」はありません（有効なテンプレートのIDを入れてください）"));
        actions.stream()
                .filter(a -> a.kind() == Action.Kind.ADD_GIFT && !a.value().isEmpty())
                .filter(a -> a.value().length() <= 100
                        && products.byCode(a.value()).filter(Product::active).isEmpty())
                .forEach(a -> problems.add("プレゼント商品「" + a.value() + "」は商品マスタにありません（使用中の商品コードを入れてください）"));
        long routing = actions.stream()
                .filter(a -> a.kind() != null && a.kind().routes())
                .count();
        if (draft.phase() == Rule.Phase.ROUTE && routing != 1) {
            problems.add("振り分けのルールには、ステータスを移す・保留・確認待ちのどれか1つが必要です");
        }
        if (draft.phase() == Rule.Phase.ENRICH && routing > 0) {
            problems.add("付与のルールではステータスを移せません（振り分けのルールにしてください）");
        }
        actions.stream()
                .filter(a -> a.kind() == Action.Kind.MOVE_STATUS && a.value().equals(draft.fromStatus()))
                .findAny()
                .ifPresent(a -> problems.add("対象と同じステータスへは移せません"));
        return problems;
    }

    private boolean mailTemplate(String id) {
        try {
            return mails.templates().containsKey(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void check(Draft draft) {
        List<String> problems = problems(draft);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
    }

    private static String definition(Draft draft) {
        return JSON.writeValueAsString(new Definition(draft.condition(), draft.actions()));
    }

    private void keepVersion(long id, String actor) {
        jdbc.sql("""
                        insert into auto_rule_version (rule_id, version, snapshot, saved_by)
                        select id, version, jsonb_build_object('name', name, 'enabled', enabled, 'mode', mode,
                            'shops', shops, 'trigger', trigger_kind, 'fromStatus', from_status, 'phase', phase,
                            'rerunnable', rerunnable, 'definition', definition), ?
                        from auto_rule where id = ?
                        """).params(actor, id).update();
    }

    /** Every saved version of a rule, newest first: who saved it, when, and what it was. */
    public List<Version> versions(long id) {
        return jdbc.sql("select version, saved_by, saved_at, snapshot::text as snapshot from auto_rule_version"
                        + " where rule_id = ? order by version desc")
                .param(id)
                .query(Version.class)
                .list();
    }

    public record Version(int version, String savedBy, java.time.OffsetDateTime savedAt, String snapshot) {}

    private static final String SELECT = "select id, name, enabled, mode, shops, trigger_kind, from_status, phase,"
            + " priority, rerunnable, definition::text as definition, version from auto_rule";

    private static Rule rule(java.sql.ResultSet rs) throws java.sql.SQLException {
        Definition definition = JSON.readValue(rs.getString("definition"), Definition.class);
        return new Rule(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getBoolean("enabled"),
                Rule.Mode.valueOf(rs.getString("mode")),
                List.of((Long[]) rs.getArray("shops").getArray()),
                Rule.Trigger.valueOf(rs.getString("trigger_kind")),
                rs.getString("from_status"),
                Rule.Phase.valueOf(rs.getString("phase")),
                rs.getInt("priority"),
                rs.getBoolean("rerunnable"),
                definition.condition(),
                definition.actions(),
                rs.getInt("version"));
    }
}
