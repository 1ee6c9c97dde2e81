package jp.juchu.shop.orders;

/** 発送ステータス: 未発送 / 発送済み. */
public enum ShippingStatus {
    NotShipped,
    Shipped
}
