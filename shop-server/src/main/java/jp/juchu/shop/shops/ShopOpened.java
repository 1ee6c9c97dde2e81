package jp.juchu.shop.shops;

/**
 * A new shop was opened on the platform. Published inside the opening transaction, so synchronous
 * listeners can set the shop up; a {@code demo} shop is one the other modules fill with demo data
 * (listeners order themselves: catalog, then customers, then orders).
 */
public record ShopOpened(String shopId, String name, boolean demo) {}
