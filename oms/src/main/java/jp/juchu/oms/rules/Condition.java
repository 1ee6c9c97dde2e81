package jp.juchu.oms.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's condition: a group (ALL: every part holds; ANY: at least one does) of tests and further groups, nested as
 * deep as needed, or one test (field, operator, values). An empty ALL group always holds (a catch-all rule).
 *
 * @param group ALL or ANY for a group; null for a test
 */
public record Condition(String group, List<Condition> parts, Field field, Operator operator, List<String> values) {

    static final int MAX_DEPTH = 5;
    static final int MAX_TESTS = 50;

    public Condition {
        parts = parts == null ? List.of() : List.copyOf(parts);
        values = values == null
                ? List.of()
                : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public static Condition all(List<Condition> parts) {
        return new Condition("ALL", parts, null, null, List.of());
    }

    public static Condition any(List<Condition> parts) {
        return new Condition("ANY", parts, null, null, List.of());
    }

    public static Condition test(Field field, Operator operator, String... values) {
        return new Condition(null, List.of(), field, operator, List.of(values));
    }

    public boolean grouped() {
        return group != null;
    }

    boolean holds(OrderFacts facts) {
        if (!grouped()) {
            return field.test(facts, operator, values);
        }
        return "ANY".equals(group)
                ? parts.stream().anyMatch(p -> p.holds(facts))
                : parts.stream().allMatch(p -> p.holds(facts));
    }

    /** Every test and group with whether it held for this order and the value the order had, depth first. */
    List<TraceLine> trace(OrderFacts facts) {
        List<TraceLine> lines = new ArrayList<>();
        trace(facts, 0, lines);
        return lines;
    }

    private void trace(OrderFacts facts, int depth, List<TraceLine> lines) {
        if (grouped()) {
            lines.add(new TraceLine(depth, "ANY".equals(group) ? "いずれかを満たす" : "すべてを満たす", "", holds(facts)));
            parts.forEach(p -> p.trace(facts, depth + 1, lines));
        } else {
            lines.add(new TraceLine(depth, describe(), field.shown(facts), holds(facts)));
        }
    }

    /** One line of a trace (このルールで判定): what was tested, the order's value, and the result. */
    public record TraceLine(int depth, String test, String actual, boolean held) {}

    /** The test in words: 支払方法 のいずれか [BankTransfer, ConvenienceStore]. */
    public String describe() {
        if (grouped()) {
            return "ANY".equals(group) ? "いずれか" : "すべて";
        }
        return field.label() + " " + operator.label() + (values.isEmpty() ? "" : " " + values);
    }

    /** What is wrong with this condition, every problem (empty when none). */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(0, problems, new int[1]);
        return problems;
    }

    private void check(int depth, List<String> problems, int[] tests) {
        if (depth > MAX_DEPTH) {
            problems.add("条件の入れ子は " + MAX_DEPTH + " 段までです");
            return;
        }
        if (grouped()) {
            if (!group.equals("ALL") && !group.equals("ANY")) {
                problems.add("条件のまとめ方は「すべて」か「いずれか」です");
            }
            if ("ANY".equals(group) && parts.isEmpty()) {
                problems.add("「いずれか」のまとまりに条件がありません");
            }
            parts.forEach(p -> p.check(depth + 1, problems, tests));
            return;
        }
        if (++tests[0] > MAX_TESTS) {
            if (tests[0] == MAX_TESTS + 1) {
                problems.add("条件は1つのルールに " + MAX_TESTS + " 個までです");
            }
            return;
        }
        if (field == null || operator == null) {
            problems.add("条件の項目と演算子を選んでください");
            return;
        }
        String problem = operator.problem(field, values);
        if (problem != null) {
            problems.add(problem);
        }
    }
}
