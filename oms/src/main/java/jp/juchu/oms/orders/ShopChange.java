package jp.juchu.oms.orders;

/** What became of an order the shop sent: new to the OMS, changed at the shop, or as it was. */
public enum ShopChange {
    CREATED,
    UPDATED,
    UNCHANGED
}
