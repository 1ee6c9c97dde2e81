package jp.juchu.shop.storefront;

/** A product as the storefront lists it: price in yen with tax included, its tax rate and stock state. */
public record ShelfItem(String itemCode, String name, long price, int taxPercent, StockState stock) {}
