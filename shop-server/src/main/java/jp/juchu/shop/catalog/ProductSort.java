package jp.juchu.shop.catalog;

/** Orders of a product list: newest first (the default), by price, or by units in stock. */
public enum ProductSort {
    NEWEST("p.created_at desc, p.id desc"),
    OLDEST("p.created_at, p.id"),
    PRICE_ASC("p.price, p.id"),
    PRICE_DESC("p.price desc, p.id"),
    STOCK_ASC("total_stock nulls last, p.id"),
    STOCK_DESC("total_stock desc nulls first, p.id");

    final String sql;

    ProductSort(String sql) {
        this.sql = sql;
    }
}
