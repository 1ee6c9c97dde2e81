package jp.juchu.shop.catalog;

/** The admin top's stock check (在庫チェック) and the plan usage (商品数 N / 上限). */
public record StockSummary(long products, int limit, long runningLow, long soldOut) {}
