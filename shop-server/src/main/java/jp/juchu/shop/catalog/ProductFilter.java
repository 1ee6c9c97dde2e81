package jp.juchu.shop.catalog;

/**
 * What a product list asks for; every part may be null.
 *
 * @param keyword part of the item code or the name
 * @param categoryPath a category and its sub-categories
 */
public record ProductFilter(
        String keyword, String categoryPath, Boolean published, StockLevel stock, ProductSort sort) {

    public static ProductFilter all() {
        return new ProductFilter(null, null, null, null, null);
    }

    public static ProductFilter publishedOnly() {
        return new ProductFilter(null, null, true, null, null);
    }
}
