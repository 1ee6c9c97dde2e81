package jp.juchu.oms.rules;

import java.util.List;

/**
 * A rule (自動処理ルール).
 *
 * @param shops the connections it applies to; empty for every shop
 * @param fromStatus the workflow status an order must be in for the rule to be tried (required)
 * @param priority the order in which rules of one status and phase are tried, lowest first
 * @param rerunnable the rule may apply again to an order it applied to before (再実行)
 * @param version raised by every save; the log names the version that applied
 */
public record Rule(
        long id,
        String name,
        boolean enabled,
        Mode mode,
        List<Long> shops,
        Trigger trigger,
        String fromStatus,
        Phase phase,
        int priority,
        boolean rerunnable,
        Condition condition,
        List<Action> actions,
        int version) {

    public Rule {
        shops = List.copyOf(shops);
        actions = List.copyOf(actions);
    }

    /** Automatic, or 確認して実行: matches wait in a list for a person to approve or skip. */
    public enum Mode {
        AUTO("自動で実行"),
        CONFIRM("確認して実行");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** When the rule is tried. */
    public enum Trigger {
        ON_IMPORT("受注の取込時"),
        ON_CONFIRMED("確認待ちを出たとき"),
        ON_SHOP_CHANGE("ショップで変更されたとき"),
        DAILY("毎日");

        private final String label;

        Trigger(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Enrich rules all apply in order (情報の付与); of the route rules the first that matches moves the order (振り分け). */
    public enum Phase {
        ENRICH("付与 (一致したものをすべて実行)"),
        ROUTE("振り分け (最初に一致したものだけ実行)");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean appliesTo(long connectionId) {
        return shops.isEmpty() || shops.contains(connectionId);
    }
}
