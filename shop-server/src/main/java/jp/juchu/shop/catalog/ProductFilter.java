package jp.juchu.shop.catalog;

import java.util.Set;

/**
 * What a product list asks for; every part may be null.
 *
 * @param keyword part of the item code or the name
 * @param itemCode one item code, whole
 * @param categoryPath a category and its sub-categories
 * @param stock any of these stock levels
 */
public record ProductFilter(
        String keyword,
        String itemCode,
        String categoryPath,
        Boolean published,
        Set<StockLevel> stock,
        ProductSort sort) {

    /** The filter of the admin's list and the storefront's pages: one stock level at most. */
    public static ProductFilter of(
            String keyword, String categoryPath, Boolean published, StockLevel stock, ProductSort sort) {
        return new ProductFilter(keyword, null, categoryPath, published, stock == null ? null : Set.of(stock), sort);
    }
}
