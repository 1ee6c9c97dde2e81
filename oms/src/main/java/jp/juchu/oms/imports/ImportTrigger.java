package jp.juchu.oms.imports;

/** Why a run started: the connection's schedule (自動取得), the merchant's "今すぐ取得", or the shop's change notification. */
public enum ImportTrigger {
    SCHEDULED,
    MANUAL,
    NOTIFIED
}
