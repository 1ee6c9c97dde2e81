package jp.juchu.oms.rules.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.juchu.oms.rules.Action;
import jp.juchu.oms.rules.Condition;
import jp.juchu.oms.rules.Field;
import jp.juchu.oms.rules.Operator;
import jp.juchu.oms.rules.Rule;
import jp.juchu.oms.rules.RuleBook;
import jp.juchu.oms.system.Text;

/**
 * The rule edit form (基本設定 / 条件 / 実行処理). The condition tree travels as an outline: rows in order, each with
 * its depth, a group row (ALL / ANY) holding the deeper rows under it; row 0 is the top group.
 */
public class RuleForm {

    static final int MAX_ROWS = 60;

    private String name = "";
    private boolean enabled;
    private String mode = "AUTO";
    private List<Long> shops = new ArrayList<>();
    private String trigger = "ON_IMPORT";
    private String fromStatus = "NEW";
    private String phase = "ROUTE";
    private boolean rerunnable;
    private List<ConditionRow> conditions = new ArrayList<>(List.of(new ConditionRow(0, "ALL", null, null, "")));
    private List<ActionRow> actions = new ArrayList<>(List.of(new ActionRow("MOVE_STATUS", "")));

    /** One line of the outline: a group (kind ALL / ANY) or a test (kind TEST). */
    public record ConditionRow(int depth, String kind, String field, String operator, String values) {}

    public record ActionRow(String kind, String value) {}

    static RuleForm of(Rule rule) {
        RuleForm form = new RuleForm();
        form.name = rule.name();
        form.enabled = rule.enabled();
        form.mode = rule.mode().name();
        form.shops = new ArrayList<>(rule.shops());
        form.trigger = rule.trigger().name();
        form.fromStatus = rule.fromStatus();
        form.phase = rule.phase().name();
        form.rerunnable = rule.rerunnable();
        form.conditions = new ArrayList<>();
        outline(rule.condition(), 0, form.conditions);
        form.actions = new ArrayList<>(rule.actions().stream()
                .map(a -> new ActionRow(a.kind().name(), a.value()))
                .toList());
        return form;
    }

    /** A copy to save as a new rule: named as a copy, and off until someone turns it on. */
    RuleForm copy() {
        RuleForm copy = RuleForm.of(this);
        copy.name = (name + " のコピー").length() > 100 ? name : name + " のコピー";
        copy.enabled = false;
        return copy;
    }

    private static RuleForm of(RuleForm other) {
        RuleForm form = new RuleForm();
        form.name = other.name;
        form.enabled = other.enabled;
        form.mode = other.mode;
        form.shops = new ArrayList<>(other.shops);
        form.trigger = other.trigger;
        form.fromStatus = other.fromStatus;
        form.phase = other.phase;
        form.rerunnable = other.rerunnable;
        form.conditions = new ArrayList<>(other.conditions);
        form.actions = new ArrayList<>(other.actions);
        return form;
    }

    private static void outline(Condition condition, int depth, List<ConditionRow> rows) {
        if (condition.grouped()) {
            rows.add(new ConditionRow(depth, condition.group(), null, null, ""));
            condition.parts().forEach(p -> outline(p, depth + 1, rows));
        } else {
            rows.add(new ConditionRow(
                    depth,
                    "TEST",
                    condition.field().name(),
                    condition.operator().name(),
                    String.join("\n", condition.values())));
        }
    }

    /**
     * The draft this form describes; a field, operator, kind or list it cannot read is refused with every problem.
     */
    RuleBook.Draft draft() {
        List<String> problems = new ArrayList<>();
        if (badShop) {
            problems.add("ショップの指定が正しくありません");
        }
        if (tooManyRows) {
            problems.add("条件の行は " + MAX_ROWS + " 行までです");
        }
        Rule.Mode m = parse(Rule.Mode.class, mode, "実行方法", problems);
        Rule.Trigger t = parse(Rule.Trigger.class, trigger, "きっかけ", problems);
        Rule.Phase p = parse(Rule.Phase.class, phase, "段階", problems);
        Condition condition = tree(problems);
        List<Action> parsedActions = new ArrayList<>();
        List<ActionRow> rows = actions == null ? List.of() : actions;
        if (rows.size() > 20) {
            problems.add("実行処理は20個までです");
        }
        for (ActionRow row : rows.stream().limit(20).toList()) {
            if (row == null || row.kind() == null || row.kind().isBlank()) {
                continue;
            }
            Action.Kind kind = parse(Action.Kind.class, row.kind(), "実行処理", problems);
            if (kind != null) {
                parsedActions.add(new Action(kind, row.value()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleBook.Refused(problems);
        }
        return new RuleBook.Draft(
                name,
                enabled,
                m,
                shops == null ? List.of() : shops.stream().distinct().toList(),
                t,
                fromStatus,
                p,
                rerunnable,
                condition,
                parsedActions);
    }

    private Condition tree(List<String> problems) {
        List<ConditionRow> rows = conditions == null
                ? new ArrayList<>()
                : new ArrayList<>(conditions.stream().filter(r -> r != null).toList());
        if (rows.size() > MAX_ROWS) {
            problems.add("条件の行は " + MAX_ROWS + " 行までです");
            return null;
        }
        if (rows.isEmpty() || !isGroup(rows.get(0))) {
            rows.add(0, new ConditionRow(-1, "ALL", null, null, ""));
        }
        int[] next = {0};
        Condition root = node(rows, next, problems);
        if (next[0] < rows.size()) {
            problems.add("条件の並びが正しくありません（" + (next[0] + 1) + "行目がどのまとまりにも入っていません）");
        }
        return root;
    }

    /** The row at {@code next} and, for a group, the deeper rows after it. */
    private static Condition node(List<ConditionRow> rows, int[] next, List<String> problems) {
        ConditionRow row = rows.get(next[0]++);
        if (isGroup(row)) {
            List<Condition> parts = new ArrayList<>();
            while (next[0] < rows.size() && rows.get(next[0]).depth() > row.depth()) {
                parts.add(node(rows, next, problems));
            }
            return new Condition(row.kind(), parts, null, null, List.of());
        }
        Field field = parse(Field.class, row.field(), "条件の項目", problems);
        Operator operator = parse(Operator.class, row.operator(), "条件の演算子", problems);
        List<String> values = row.values() == null
                ? List.of()
                : Arrays.stream(row.values().split("\\R")).toList();
        return new Condition(null, List.of(), field, operator, values);
    }

    private static boolean isGroup(ConditionRow row) {
        return "ALL".equals(row.kind()) || "ANY".equals(row.kind());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what, List<String> problems) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(what + "「" + Text.printable(value) + "」はありません");
            return null;
        }
    }

    /**
     * The form as the browser posted it. Read from the raw parameters, so that a value with a comma stays one value;
     * the rows are parallel lists ({@code condDepth}, {@code condKind}, … one entry per row).
     */
    static RuleForm from(java.util.Map<String, String[]> params) {
        RuleForm form = new RuleForm();
        form.name = one(params, "name");
        form.enabled = "true".equals(one(params, "enabled"));
        form.mode = one(params, "mode");
        form.trigger = one(params, "trigger");
        form.fromStatus = one(params, "fromStatus");
        form.phase = one(params, "phase");
        form.rerunnable = "true".equals(one(params, "rerunnable"));
        form.shops = new ArrayList<>();
        for (String shop : many(params, "shops")) {
            try {
                form.shops.add(Long.parseLong(shop.strip()));
            } catch (NumberFormatException e) {
                form.badShop = true;
            }
        }
        String[] depth = many(params, "condDepth");
        String[] kind = many(params, "condKind");
        String[] field = many(params, "condField");
        String[] operator = many(params, "condOperator");
        String[] values = many(params, "condValues");
        form.conditions = new ArrayList<>();
        for (int i = 0; i < Math.min(kind.length, MAX_ROWS + 1); i++) {
            form.conditions.add(
                    new ConditionRow(number(at(depth, i)), at(kind, i), at(field, i), at(operator, i), at(values, i)));
        }
        if (kind.length > MAX_ROWS) {
            form.tooManyRows = true;
        }
        String[] actionKind = many(params, "actionKind");
        String[] actionValue = many(params, "actionValue");
        form.actions = new ArrayList<>();
        for (int i = 0; i < Math.min(actionKind.length, 21); i++) {
            form.actions.add(new ActionRow(at(actionKind, i), at(actionValue, i)));
        }
        return form;
    }

    private boolean badShop;
    private boolean tooManyRows;

    private static String one(java.util.Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length == 0 ? "" : values[0];
    }

    private static String[] many(java.util.Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null ? new String[0] : values;
    }

    private static String at(String[] values, int i) {
        return i < values.length ? values[i] : "";
    }

    private static int number(String value) {
        try {
            return Math.max(0, Math.min(20, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    // for the page

    public String getName() {
        return name;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getMode() {
        return mode;
    }

    public List<Long> getShops() {
        return shops;
    }

    public String getTrigger() {
        return trigger;
    }

    public String getFromStatus() {
        return fromStatus;
    }

    public String getPhase() {
        return phase;
    }

    public boolean isRerunnable() {
        return rerunnable;
    }

    public List<ConditionRow> getConditions() {
        return conditions;
    }

    public List<ActionRow> getActions() {
        return actions;
    }
}
