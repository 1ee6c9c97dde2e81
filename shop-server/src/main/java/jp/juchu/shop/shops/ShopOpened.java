package jp.juchu.shop.shops;

/** A new shop was opened on the platform. */
public record ShopOpened(String shopId, String name) {}
