package jp.juchu.oms.mails.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail templates' one piece of syntax: {@code {{variable}}} from a fixed list ({@link #VARIABLES}), replaced by the
 * order's value in one pass, so that a value is never read as syntax (a buyer named 「{{x}}」 stays 「{{x}}」). No
 * conditions, loops nor code: a variable that needs several lines (the items, the destinations) renders them itself.
 */
public final class TemplateText {

    /** A variable the editor lists: its name and what it gives, in Japanese. */
    public record Variable(String name, String label) {

        public String tag() {
            return "{{" + name + "}}";
        }
    }

    public static final List<Variable> VARIABLES = List.of(
            new Variable("order.number", "受注番号"),
            new Variable("order.date", "注文日時 (yyyy/MM/dd HH:mm)"),
            new Variable("order.status", "受注ステータス"),
            new Variable("order.remarks", "備考"),
            new Variable("payment.method", "支払方法"),
            new Variable("buyer.name", "購入者名"),
            new Variable("buyer.kana", "購入者名 (フリガナ)"),
            new Variable("buyer.email", "購入者メールアドレス"),
            new Variable("buyer.phone", "購入者電話番号"),
            new Variable("buyer.postal", "購入者郵便番号"),
            new Variable("buyer.address", "購入者住所"),
            new Variable("lines", "注文商品 (1行に1商品: 商品名・単価・数量・小計、軽減税率8%の商品に※)"),
            new Variable("amount.items", "商品合計"),
            new Variable("amount.shipping", "送料"),
            new Variable("amount.cod", "代引手数料"),
            new Variable("amount.wrapping", "ギフト包装料"),
            new Variable("amount.coupon", "クーポン値引"),
            new Variable("amount.points", "ポイント利用"),
            new Variable("amount.total", "合計金額"),
            new Variable("amount.tax", "税率ごとの対象額と消費税 (10%対象 …円 (内消費税 …円))"),
            new Variable("amounts", "金額の一覧 (商品合計から合計まで、税率ごとの内訳つき)"),
            new Variable("destinations", "お届け先 (氏名・住所・電話・希望日・時間帯、複数なら順に)"),
            new Variable("delivery.date", "お届け希望日 (複数なら「、」区切り)"),
            new Variable("delivery.slot", "お届け時間帯 (複数なら「、」区切り)"),
            new Variable("carrier", "配送業者 (複数なら「、」区切り)"),
            new Variable("tracking.numbers", "伝票番号 (複数なら「、」区切り)"),
            new Variable("tracking.urls", "配送状況確認のURL (伝票番号ごとに1行、ヤマト・佐川・日本郵便)"),
            new Variable("shop.name", "店舗名 (メール設定の店舗ごとの名前、なければ契約者情報の会社名)"),
            new Variable("shop.url", "店舗URL"),
            new Variable("shop.phone", "店舗電話番号"),
            new Variable("shop.email", "店舗メールアドレス (送信元)"),
            new Variable("shop.company", "会社名 (契約者情報)"),
            new Variable("shop.address", "住所 (契約者情報)"),
            new Variable("shop.signature", "署名 (メール設定の店舗ごとの署名、なければ会社名・住所・電話)"));

    public static final Set<String> NAMES;

    static {
        Set<String> names = new LinkedHashSet<>();
        VARIABLES.forEach(v -> names.add(v.name()));
        NAMES = Set.copyOf(names);
    }

    /**
     * A tag: {@code {{}, anything but braces, {@code }}}. The spaces around the name are trimmed in code ({@link
     * #name}): a pattern that trims them itself ({@code \\s*([^{}]*?)\\s*}) backtracks cubically on a {@code {{}
     * followed by thousands of spaces and no {@code }}}, so a pasted body could hold a request thread for hours.
     */
    private static final Pattern TAG = Pattern.compile("\\{\\{([^{}]*)}}");

    private TemplateText() {}

    /**
     * What is wrong with a template text, in Japanese, for the field {@code label}: each unknown variable named, and a
     * {@code {{} left open. Empty when the text may be saved.
     */
    public static List<String> problems(String label, String text) {
        List<String> problems = new ArrayList<>();
        if (text == null) {
            return problems;
        }
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = TAG.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            String name = name(m);
            if (!NAMES.contains(name)) {
                unknown.add(name);
            }
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        for (String name : unknown) {
            problems.add(label + ": 使えない変数 {{" + name + "}} があります。変数一覧にある名前を使ってください");
        }
        int open = rest.indexOf("{{");
        int close = rest.indexOf("}}");
        if (open >= 0 || close >= 0) {
            problems.add(label + ": 「{{」と「}}」の対応が取れていない箇所があります (変数は {{order.number}} のように書きます)");
        }
        return problems;
    }

    /** The text with each variable replaced by its value ("" when the order has none). */
    public static String render(String text, Map<String, String> values) {
        Matcher m = TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            String name = name(m);
            String value = NAMES.contains(name) ? values.getOrDefault(name, "") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The tag's name without the ASCII spaces, tabs and line ends around it. */
    private static String name(Matcher tag) {
        String inside = tag.group(1);
        int start = 0;
        int end = inside.length();
        while (start < end && " \t\n\u000B\f\r".indexOf(inside.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\n\u000B\f\r".indexOf(inside.charAt(end - 1)) >= 0) {
            end--;
        }
        return inside.substring(start, end);
    }
}
