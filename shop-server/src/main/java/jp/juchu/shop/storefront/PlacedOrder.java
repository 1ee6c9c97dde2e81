package jp.juchu.shop.storefront;

/** A placed order as the buyer sees it: the platform's serial code, the order number and the amounts. */
public record PlacedOrder(String serialCode, String orderNumber, Quote quote) {}
