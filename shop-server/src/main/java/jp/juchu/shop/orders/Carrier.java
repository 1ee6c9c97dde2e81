package jp.juchu.shop.orders;

/** 配送業者. */
public enum Carrier {
    Yamato,
    Sagawa,
    JapanPost,
    Other
}
