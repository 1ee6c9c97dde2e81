package jp.juchu.oms.rules;

/**
 * The settings of automatic processing (オプション設定 › 自動処理).
 *
 * @param enabled whether imported orders are processed at all; off, they wait in 新規受付 for a person
 * @param printDateDays an order whose desired delivery date is further ahead than this waits in 印刷日待ち
 */
public record RuleSettings(boolean enabled, int printDateDays) {}
