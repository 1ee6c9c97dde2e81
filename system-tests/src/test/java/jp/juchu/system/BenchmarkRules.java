package jp.juchu.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Automatic-processing rules for the import benchmark, made through the OMS's own rule form (自動処理 › 新規) as a
 * merchant would: a realistic mix of enrich rules (tags, memos, alerts on region, amount, remarks, items, remote
 * islands, payment, blacklist, hour, customer tags — nested ANY groups among them) and route rules (narrow ones to
 * 確認待ち / 保留, one catch-all to 出荷待ち last), all enabled, with automatic processing switched on.
 */
final class BenchmarkRules {

    private static final List<String> PREFECTURES = List.of(
            "北海道", "青森県", "宮城県", "東京都", "神奈川県", "千葉県", "埼玉県", "愛知県", "大阪府", "京都府", "兵庫県", "広島県", "福岡県", "熊本県", "鹿児島県",
            "沖縄県");

    private BenchmarkRules() {}

    /** Makes {@code count} enabled rules (the last a catch-all route) and switches automatic processing on. */
    static void create(OmsSession session, int count) {
        for (int i = 0; i < count; i++) {
            List<Map.Entry<String, String>> form = i == count - 1 ? catchAll() : rule(i);
            HttpResponse<String> saved = session.postForm("/rules/new", "/rules", form);
            assertThat(saved.statusCode()).as("rule %d: %s", i, saved.body()).isEqualTo(302);
        }
        HttpResponse<String> on =
                session.postForm("/rules", "/rules/settings", Map.of("enabled", "true", "printDateDays", "14"));
        assertThat(on.statusCode()).isEqualTo(302);
    }

    /** Automatic processing off: no rule runs and new orders wait in 新規受付 (the baseline the rules are held to). */
    static void switchOff(OmsSession session) {
        HttpResponse<String> off =
                session.postForm("/rules", "/rules/settings", Map.of("enabled", "false", "printDateDays", "14"));
        assertThat(off.statusCode()).isEqualTo(302);
    }

    /** Automatic processing on, with no rules of the merchant's: only the built-in waits. */
    static void switchOn(OmsSession session) {
        create(session, 0);
    }

    private static List<Map.Entry<String, String>> rule(int i) {
        String phase = i % 10 == 9 ? "ROUTE" : "ENRICH";
        List<String[]> tests = new ArrayList<>();
        String group = "ALL";
        String action;
        String value;
        switch (i % 10) {
            case 0 -> {
                tests.add(test("PREFECTURE", "EQUALS", PREFECTURES.get(i / 10 % PREFECTURES.size())));
                action = "ADD_TAG";
                value = "地域" + i;
            }
            case 1 -> {
                tests.add(test("TOTAL", "AT_LEAST", String.valueOf(10_000 + i * 500)));
                action = "ADD_TAG";
                value = "高額";
            }
            case 2 -> {
                tests.add(test("REMARKS", "CONTAINS", "至急\nギフト\nのし\n" + i));
                action = "APPEND_MEMO";
                value = "備考あり ({ルール名}) {受注番号}";
            }
            case 3 -> {
                tests.add(test("ITEM_CODE", "STARTS_WITH", "item-" + i));
                tests.add(test("LINE_QUANTITY", "AT_LEAST", "3"));
                action = "ADD_TAG";
                value = "まとめ買い";
            }
            case 4 -> {
                tests.add(test("REMOTE_ISLAND", "IS_TRUE", ""));
                action = "ADD_TAG";
                value = "離島";
            }
            case 5 -> {
                group = "ANY";
                tests.add(test("PAYMENT_METHOD", "EQUALS", "CashOnDelivery"));
                tests.add(test("DESTINATIONS", "AT_LEAST", "2"));
                tests.add(test("WRAPPING", "IS_TRUE", ""));
                action = "ADD_TAG";
                value = "要確認";
            }
            case 6 -> {
                tests.add(test("BLACKLISTED", "IS_TRUE", ""));
                action = "RAISE_ALERT";
                value = "ブラックリスト: {購入者名}";
            }
            case 7 -> {
                tests.add(test("ORDER_HOUR", "BETWEEN", "0\n" + (i % 6)));
                tests.add(test("ORDER_WEEKDAY", "ONE_OF", "土\n日"));
                action = "ADD_TAG";
                value = "深夜";
            }
            case 8 -> {
                tests.add(test("CUSTOMER_TAG", "ONE_OF", "VIP\n要注意"));
                action = "APPEND_MEMO";
                value = "顧客タグあり {購入者名}";
            }
            default -> {
                tests.add(test("TOTAL", "AT_LEAST", String.valueOf(5_000_000 + i)));
                tests.add(test("PAYMENT_STATUS", "NOT_EQUALS", "Paid"));
                action = i % 20 == 9 ? "CONFIRM" : "HOLD";
                value = "高額の未入金 {請求金額}";
            }
        }
        return form("ベンチマーク " + i, phase, group, tests, action, value);
    }

    private static List<Map.Entry<String, String>> catchAll() {
        return form("それ以外 → 出荷待ち", "ROUTE", "ALL", List.of(), "MOVE_STATUS", "READY_TO_SHIP");
    }

    private static String[] test(String field, String operator, String values) {
        return new String[] {field, operator, values};
    }

    private static List<Map.Entry<String, String>> form(
            String name, String phase, String group, List<String[]> tests, String action, String value) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("name", name));
        form.add(Map.entry("enabled", "true"));
        form.add(Map.entry("mode", "AUTO"));
        form.add(Map.entry("trigger", "ON_IMPORT"));
        form.add(Map.entry("fromStatus", "NEW"));
        form.add(Map.entry("phase", phase));
        form.add(Map.entry("condDepth", "0"));
        form.add(Map.entry("condKind", group));
        form.add(Map.entry("condField", ""));
        form.add(Map.entry("condOperator", ""));
        form.add(Map.entry("condValues", ""));
        for (String[] t : tests) {
            form.add(Map.entry("condDepth", "1"));
            form.add(Map.entry("condKind", "TEST"));
            form.add(Map.entry("condField", t[0]));
            form.add(Map.entry("condOperator", t[1]));
            form.add(Map.entry("condValues", t[2]));
        }
        form.add(Map.entry("actionKind", action));
        form.add(Map.entry("actionValue", value));
        return form;
    }
}
