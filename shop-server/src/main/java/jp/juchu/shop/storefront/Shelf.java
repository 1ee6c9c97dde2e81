package jp.juchu.shop.storefront;

import java.util.List;
import java.util.Optional;

/**
 * What the storefront reads of a shop's catalog: published items only, priced tax included.
 * A port: the catalog module provides it (see {@link StorefrontPorts}).
 */
public interface Shelf {

    /** A category of the tree, e.g. 日本茶 with full path 食品/日本茶. */
    record CategoryNode(String name, String fullPath, List<CategoryNode> children) {}

    /** A line of the shop's ranking (units sold). */
    record Ranked(int rank, String itemCode, String itemName, long unitsSold) {}

    List<ShelfItem> newest(String shopId, int limit);

    List<Ranked> ranking(String shopId, int limit);

    List<CategoryNode> categoryTree(String shopId);

    /** Items in a category or any of its sub-categories. */
    List<ShelfItem> inCategory(String shopId, String path);

    /** Items whose name or code contains the keyword. */
    List<ShelfItem> search(String shopId, String keyword);

    Optional<ProductView> product(String shopId, String itemCode);

    /** What can be bought of an item and variation ({@code ""} without variations) now. */
    Optional<Offer> offer(String shopId, String itemCode, String variation);
}
