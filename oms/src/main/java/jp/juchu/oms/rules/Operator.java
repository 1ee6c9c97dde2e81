package jp.juchu.oms.rules;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How a condition compares a field with its values (演算子). Text compares after NFKC and ignoring case. */
public enum Operator {
    EQUALS("と等しい", 1),
    NOT_EQUALS("と等しくない", 1),
    ONE_OF("のいずれか", -1),
    CONTAINS("のいずれかを含む", -1),
    NOT_CONTAINS("のどれも含まない", -1),
    STARTS_WITH("で始まる", -1),
    AT_LEAST("以上", 1),
    AT_MOST("以下", 1),
    BETWEEN("の範囲", 2),
    EMPTY("が空", 0),
    NOT_EMPTY("が空でない", 0),
    IS_TRUE("である", 0),
    IS_FALSE("でない", 0);

    /** The most values one test can list (one per line). */
    static final int MAX_VALUES = 100;

    private final String label;
    private final int arity;

    Operator(String label, int arity) {
        this.label = label;
        this.arity = arity;
    }

    public String label() {
        return label;
    }

    /** How many values the operator takes: 0, 1, 2, or -1 for one or more. */
    public int arity() {
        return arity;
    }

    /** Why these values do not fit this operator on this field, or null when they do. */
    String problem(Field field, List<String> given) {
        if (!field.type().operators().contains(this)) {
            return "「" + field.label() + "」には「" + label + "」は使えません";
        }
        if (arity == 0 && !given.isEmpty()) {
            return "「" + field.label() + " " + label + "」に値は要りません";
        }
        if (arity > 0 && given.size() != arity) {
            return "「" + field.label() + " " + label + "」には値が " + arity + " つ必要です";
        }
        if (given.size() > MAX_VALUES) {
            return "「" + field.label() + " " + label + "」の値は " + MAX_VALUES + " 個までです";
        }
        if (arity < 0 && given.isEmpty()) {
            return "「" + field.label() + " " + label + "」に値を1つ以上入れてください";
        }
        for (String value : given) {
            String bad = field.type().parseProblem(value);
            if (bad != null) {
                return "「" + field.label() + "」の値「" + value + "」: " + bad;
            }
        }
        return null;
    }

    /**
     * Whether one actual value (never null; "" for none) satisfies the operator. The actual value is normalised once
     * per test, and each given value once for all orders ({@link #given}).
     */
    boolean test(Field.Type type, Object actual, List<String> given) {
        return switch (this) {
            case EMPTY -> isEmpty(actual);
            case NOT_EMPTY -> !isEmpty(actual);
            case IS_TRUE -> Boolean.TRUE.equals(actual);
            case IS_FALSE -> !Boolean.TRUE.equals(actual);
            case EQUALS -> !isEmpty(actual) && compare(type, actual, given.get(0)) == 0;
            case NOT_EQUALS -> isEmpty(actual) || compare(type, actual, given.get(0)) != 0;
            case ONE_OF -> !isEmpty(actual) && anyEqual(type, actual, given);
            case CONTAINS -> containsAny(text(actual), given);
            case NOT_CONTAINS -> !containsAny(text(actual), given);
            case STARTS_WITH -> startsWithAny(text(actual), given);
            case AT_LEAST -> !isEmpty(actual) && compare(type, actual, given.get(0)) >= 0;
            case AT_MOST -> !isEmpty(actual) && compare(type, actual, given.get(0)) <= 0;
            case BETWEEN ->
                !isEmpty(actual)
                        && compare(type, actual, given.get(0)) >= 0
                        && compare(type, actual, given.get(1)) <= 0;
        };
    }

    private static boolean isEmpty(Object actual) {
        return actual == null || (actual instanceof String s && s.isBlank());
    }

    private static boolean anyEqual(Field.Type type, Object actual, List<String> given) {
        Comparable<Object> value = comparable(type, actual);
        for (String g : given) {
            if (value.compareTo(given(type, g)) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String actual, List<String> given) {
        for (String g : given) {
            if (actual.contains((String) given(Field.Type.TEXT, g))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String actual, List<String> given) {
        for (String g : given) {
            if (actual.startsWith((String) given(Field.Type.TEXT, g))) {
                return true;
            }
        }
        return false;
    }

    private static int compare(Field.Type type, Object actual, String given) {
        return comparable(type, actual).compareTo(given(type, given));
    }

    /** The order's value as it compares: a number, a date, or the normalised text. */
    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Field.Type type, Object actual) {
        Object value = switch (type) {
            case NUMBER ->
                actual instanceof Long || actual instanceof Integer
                        ? BigDecimal.valueOf(((Number) actual).longValue())
                        : new BigDecimal(actual.toString());
            case DATE -> actual;
            default -> text(actual);
        };
        return (Comparable<Object>) value;
    }

    /**
     * The given values, normalised once each (a rule's values are few and change only when a rule is saved): texts,
     * numbers and dates apart. (Not keyed by {@link Field.Type}: its constants are made with this enum's.)
     */
    private static final Map<String, Object> TEXTS = new ConcurrentHashMap<>();

    private static final Map<String, Object> NUMBERS = new ConcurrentHashMap<>();

    private static final Map<String, Object> DATES = new ConcurrentHashMap<>();

    /** At most this many given values are remembered of each kind; an edited rule's old ones go with the rest. */
    private static final int REMEMBERED = 10_000;

    private static Object given(Field.Type type, String given) {
        Map<String, Object> known = switch (type) {
            case NUMBER -> NUMBERS;
            case DATE -> DATES;
            default -> TEXTS;
        };
        Object value = known.get(given);
        if (value == null) {
            value = switch (type) {
                case NUMBER -> number(given);
                case DATE -> LocalDate.parse(given.strip().replace('/', '-'));
                default -> text(given);
            };
            if (known.size() >= REMEMBERED) {
                known.clear();
            }
            known.put(given, value);
        }
        return value;
    }

    /** A number as a merchant writes it: 10,000 or 10000円. */
    static BigDecimal number(String given) {
        return new BigDecimal(Normalizer.normalize(given, Normalizer.Form.NFKC)
                .strip()
                .replace(",", "")
                .replace("円", ""));
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        return Normalizer.normalize(value.toString(), Normalizer.Form.NFKC)
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
