package jp.juchu.oms.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of a rule's actions (実行処理), done in the order the rule lists them.
 *
 * @param value the status, reason, tag or text the action needs; "" for none
 */
public record Action(Kind kind, String value) {

    public Action {
        value = value == null ? "" : value.strip();
    }

    public enum Kind {
        MOVE_STATUS("ステータスを移す", true),
        HOLD("保留にする (理由)", true),
        CONFIRM("確認待ちで止める (確認内容)", true),
        ADD_TAG("タグを付ける", true),
        REMOVE_TAG("タグを外す", true),
        APPEND_MEMO("社内メモに追記する (変数可)", true),
        RAISE_ALERT("アラートを出す (変数可)", true),
        SEND_MAIL("メールを送る (テンプレートID)", true),
        // shipping and amounts: values parsed by ActionValues, carried out by OrderChanges
        SET_CARRIER("配送業者を指定する (例: YAMATO 宅急便コンパクト 冷蔵)", true),
        MAP_SHIPPING_NAME("配送方法を配送業者に置き換える (例: 宅配便=YAMATO, 佐川急便=SAGAWA)", true),
        SHIFT_DATE("お届け希望日をずらす (例: +2 / -1 日)", true),
        CLEAR_DATE("お届け希望日を消す", false),
        ADD_FEE("手数料を加算する (例: 送料 500 / 代引手数料 330)", true),
        ADD_GIFT("プレゼント商品を追加する (商品コード、同じ顧客に1回)", true),
        APPEND_DELIVERY_NOTE("納品書の備考に追記する (変数可)", true),
        APPEND_SLIP_REMARK("送り状の記事に追記する (変数可)", true),
        SPLIT_BY_ZONE("温度帯ごとにお届け先を分ける", false),
        FIND_BUNDLE("同梱候補を探す", false),
        BUNDLE("同梱候補を探して同梱する", false),
        STOP("以降のルールを実行しない", false);

        private final String label;
        private final boolean needsValue;

        Kind(String label, boolean needsValue) {
            this.label = label;
            this.needsValue = needsValue;
        }

        public String label() {
            return label;
        }

        public boolean needsValue() {
            return needsValue;
        }

        /** Whether the action decides where the order goes (only one such action runs per order and trigger). */
        boolean routes() {
            return this == MOVE_STATUS || this == HOLD || this == CONFIRM;
        }
    }

    /** The status a routing action moves the order to (保留 and 確認待ち included); null for other actions. */
    String target() {
        return switch (kind) {
            case MOVE_STATUS -> value;
            case HOLD -> "ON_HOLD";
            case CONFIRM -> "CONFIRMING";
            default -> null;
        };
    }

    /** The variables a text may use, written {受注番号}. */
    public static final Set<String> VARIABLES =
            Set.of("受注番号", "購入者名", "支払方法", "請求金額", "注文日", "ルール名", "お届け先名", "お届け先都道府県");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");

    static final int MAX_VALUE = 500;

    /** Problems with this action: a missing value, an unknown status, an unknown variable. */
    List<String> problems(Set<String> statuses) {
        List<String> problems = new ArrayList<>();
        if (kind == null) {
            problems.add("実行処理の種類を選んでください");
            return problems;
        }
        if (kind.needsValue() && value.isEmpty()) {
            problems.add("「" + kind.label() + "」に値を入れてください");
        }
        if (!kind.needsValue() && !value.isEmpty()) {
            problems.add("「" + kind.label() + "」に値は要りません");
        }
        if (value.length() > MAX_VALUE) {
            problems.add("「" + kind.label() + "」の値は " + MAX_VALUE + " 文字までです");
        }
        if (kind == Kind.MOVE_STATUS && !value.isEmpty() && !statuses.contains(value)) {
            problems.add("移動先のステータス「" + value + "」はありません");
        }
        if ((kind == Kind.ADD_TAG || kind == Kind.REMOVE_TAG) && value.length() > 30) {
            problems.add("タグは30文字までです");
        }
        problems.addAll(ActionValues.problems(kind, value));
        Matcher m = VARIABLE.matcher(value);
        while (m.find()) {
            if (!VARIABLES.contains(m.group(1))) {
                problems.add("「" + kind.label() + "」の変数 {" + m.group(1) + "} はありません（使える変数: "
                        + String.join("、", VARIABLES.stream().sorted().toList()) + "）");
            }
        }
        return problems;
    }

    /** The text with its variables filled in from the order. */
    String fill(OrderFacts facts, String ruleName) {
        var order = facts.order();
        var first = order.shipments().isEmpty() ? null : order.shipments().get(0);
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String filled = switch (m.group(1)) {
                case "受注番号" -> order.orderNumber();
                case "購入者名" -> order.buyerName();
                case "支払方法" -> jp.juchu.oms.orders.PaymentMethods.labelOf(order.paymentMethod());
                case "請求金額" -> String.format("%,d円", order.total());
                case "注文日" ->
                    order.orderedAt()
                            .atZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo"))
                            .toLocalDate()
                            .toString()
                            .replace('-', '/');
                case "ルール名" -> ruleName;
                case "お届け先名" -> first == null ? "" : first.name();
                case "お届け先都道府県" -> first == null ? "" : first.prefecture();
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(filled == null ? "" : filled));
        }
        m.appendTail(out);
        return out.toString();
    }
}
