package jp.juchu.shop.orders;

/** 入金ステータス: 未入金 / 入金済み. */
public enum PaymentStatus {
    Unpaid,
    Paid
}
