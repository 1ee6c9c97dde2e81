package jp.juchu.shop.catalog;

/** Units of one product variation ({@code ""} without variations) an order takes. */
public record StockLine(String itemCode, String variation, int quantity) {}
