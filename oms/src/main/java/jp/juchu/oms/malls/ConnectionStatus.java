package jp.juchu.oms.malls;

/** Whether the link to a shop works: checked, refused key (再発行?), other error, or not checked yet. */
public enum ConnectionStatus {
    NOT_VERIFIED,
    OK,
    KEY_INVALID,
    ERROR
}
