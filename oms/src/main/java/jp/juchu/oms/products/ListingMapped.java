package jp.juchu.oms.products;

/**
 * A shop's item was mapped to a SKU or a set (商品対応表), or its mapping changed: orders waiting for it can now be
 * resolved, and the listing's stock can be pushed.
 */
public record ListingMapped(long connectionId, String itemCode, String variation, long productId) {}
