package jp.juchu.oms.imports;

/** Why a run started: the connection's schedule (自動取得) or the merchant's "今すぐ取得". */
public enum ImportTrigger {
    SCHEDULED,
    MANUAL
}
