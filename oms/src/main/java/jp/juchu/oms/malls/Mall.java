package jp.juchu.oms.malls;

/** The malls the OMS can connect to (モール). */
public enum Mall {
    /** Eストアー ショップサーブ */
    SHOP_SERVE
}
