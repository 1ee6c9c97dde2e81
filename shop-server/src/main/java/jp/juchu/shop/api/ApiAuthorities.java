package jp.juchu.shop.api;

/**
 * What an API call's {@code Authentication} carries: its name is the shop ID, its one authority says
 * which key opened it. API controllers read the shop from {@code Principal#getName()}.
 */
public final class ApiAuthorities {

    /** The manager key (マネジャー認証キー): the management API and the item/open API. */
    public static final String MANAGER = "ROLE_API_MANAGER";

    /** The open key (オープン認証キー): the item/open API only. */
    public static final String OPEN = "ROLE_API_OPEN";

    private ApiAuthorities() {}
}
