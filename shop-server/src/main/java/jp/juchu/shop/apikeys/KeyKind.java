package jp.juchu.shop.apikeys;

/** The two keys a shop holds for the platform API. */
public enum KeyKind {
    /** オープン認証キー (お店構築用): the item/open API only. */
    OPEN,
    /** マネジャー認証キー (お店管理用・旧認証キー): the management API, and the open API too. */
    MANAGER
}
