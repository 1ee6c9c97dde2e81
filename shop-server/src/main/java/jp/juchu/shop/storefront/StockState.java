package jp.juchu.shop.storefront;

/** What the storefront tells a buyer about stock: 在庫あり / 残りわずか / 売り切れ. */
public enum StockState {
    IN_STOCK,
    FEW_LEFT,
    SOLD_OUT
}
