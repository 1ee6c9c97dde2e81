package jp.juchu.oms.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * The audit log's action codes in Japanese, for the pages: the log stores the stable code ({@code USER_ADDED}), the
 * merchant reads ユーザーを追加. A module that records a new action adds its name here.
 */
public final class AuditActions {

    private static final Map<String, String> LABELS = new TreeMap<>(Map.ofEntries(
            Map.entry("CUSTOMER_BLACKLISTED", "顧客をブラックリストに登録"),
            Map.entry("CUSTOMER_BLACKLIST_LIFTED", "顧客のブラックリストを解除"),
            Map.entry("CUSTOMER_EDITED", "顧客を編集"),
            Map.entry("CUSTOMER_MERGED", "顧客を名寄せ"),
            Map.entry("ORDERS_DELETED", "受注データを削除"),
            Map.entry("ORDER_DATA_RESET", "受注データをリセット"),
            Map.entry("ORDER_EDITED", "受注を編集"),
            Map.entry("ORDER_HELD", "受注を保留"),
            Map.entry("ORDER_REGISTERED", "受注を登録"),
            Map.entry("ORDER_STATUS_CHANGED", "受注ステータスを変更"),
            Map.entry("STATUS_ADDED", "受注ステータスを追加"),
            Map.entry("STATUS_MOVED", "受注ステータスを並べ替え"),
            Map.entry("STATUS_REMOVED", "受注ステータスを削除"),
            Map.entry("STATUS_RENAMED", "受注ステータスの名前を変更"),
            Map.entry("USER_ADDED", "ユーザーを追加"),
            Map.entry("USER_DISABLED", "ユーザーを無効化"),
            Map.entry("USER_ENABLED", "ユーザーを有効化"),
            Map.entry("USER_PASSWORD_RESET", "パスワードを再設定"),
            Map.entry("USER_ROLE_CHANGED", "ユーザーの権限を変更"),
            Map.entry("USER_RENAMED", "ログインIDの重複によりユーザーを改名"),
            Map.entry("TRACKING_IMPORTED", "伝票番号を取込"),
            Map.entry("TRACKING_IMPORT_REFUSED", "伝票番号ファイルを拒否"),
            Map.entry("TRACKING_OVERWRITTEN", "伝票番号を上書き"),
            Map.entry("SLIPS_EXPORTED", "送り状を出力"),
            Map.entry("DOCUMENTS_PRINTED", "帳票 (納品書・ピッキングリスト) を出力"),
            Map.entry("CSV_IMPORTED", "受注CSVを取込"),
            Map.entry("CSV_IMPORT_REFUSED", "受注CSVを拒否"),
            Map.entry("STOCK_SYNC_CONFIRMED", "在庫連携を開始"),
            Map.entry("STOCK_SYNC_RULE_CHANGED", "在庫連携設定を変更"),
            Map.entry("MAIL_SETTINGS_SAVED", "メール設定を保存"),
            Map.entry("MAIL_TEMPLATE_SAVED", "メールテンプレートを保存"),
            Map.entry("PRODUCT_ADDED", "商品を登録"),
            Map.entry("PRODUCT_EDITED", "商品を編集"),
            Map.entry("SET_COMPONENTS_CHANGED", "セット構成を変更"),
            Map.entry("LISTING_ADDED", "商品対応を追加"),
            Map.entry("LISTING_CHANGED", "商品対応を変更"),
            Map.entry("LISTING_REMOVED", "商品対応を削除"),
            Map.entry("LISTINGS_AUTO_MAPPED", "同じコードの商品を自動で紐付け"),
            Map.entry("CATALOGUE_READ", "ショップの商品一覧を読込"),
            Map.entry("PRODUCTS_CSV_IMPORTED", "商品CSVを取込"),
            Map.entry("PRODUCTS_CSV_REFUSED", "商品CSVを拒否"),
            Map.entry("PAYMENT_KINDS_CHANGED", "支払い方法の種類を変更"),
            Map.entry("SALES_GOALS_CHANGED", "売上目標を変更"),
            Map.entry("SALES_FEES_CHANGED", "収支の手数料・配送費を変更"),
            Map.entry("SALES_FACTS_REBUILT", "売上データを再集計"),
            Map.entry("SALES_FACTS_CHECKED", "売上データを受注と照合"),
            Map.entry("RULE_CREATED", "自動処理ルールを追加"),
            Map.entry("RULE_CHANGED", "自動処理ルールを変更"),
            Map.entry("RULE_ENABLED", "自動処理ルールをON"),
            Map.entry("RULE_DISABLED", "自動処理ルールをOFF"),
            Map.entry("RULE_DELETED", "自動処理ルールを削除"),
            Map.entry("RULE_REORDERED", "自動処理ルールを並べ替え"),
            Map.entry("RULE_SETTINGS_CHANGED", "自動処理の設定を変更"),
            Map.entry("RULE_APPLIED_TO_EXISTING", "自動処理ルールを既存の受注に適用")));

    private AuditActions() {}

    /** The action in Japanese; an action without a name yet is shown as 「その他の操作」 with its code. */
    public static String labelOf(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String label = LABELS.get(code);
        return label != null ? label : "その他の操作 (" + code + ")";
    }

    /** Every named action code, for the log's filter. */
    public static Map<String, String> all() {
        return LABELS;
    }
}
