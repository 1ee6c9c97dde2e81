package jp.juchu.shop.catalog;

import java.util.List;

/** A category of the tree (e.g. 日本茶, full path 食品/日本茶) and its sub-categories. */
public record CategoryNode(long id, String name, String fullPath, List<CategoryNode> children) {

    public boolean hasChildren() {
        return !children.isEmpty();
    }
}
