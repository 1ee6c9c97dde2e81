package jp.juchu.shop.orders;

/** A place in the shop's ranking: an item and the units sold over the period. */
public record RankedItem(int rank, String itemCode, String itemName, long unitsSold) {}
