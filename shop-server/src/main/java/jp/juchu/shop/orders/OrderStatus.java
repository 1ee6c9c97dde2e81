package jp.juchu.shop.orders;

/** 注文ステータス: 新規 / 処理中 / 完了 / キャンセル. */
public enum OrderStatus {
    New,
    Processing,
    Completed,
    Cancelled
}
