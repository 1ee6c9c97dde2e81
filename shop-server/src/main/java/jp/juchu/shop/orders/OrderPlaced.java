package jp.juchu.shop.orders;

/** An order was placed at a shop. */
public record OrderPlaced(String shopId, String serialCode, String orderNumber, long total) {}
