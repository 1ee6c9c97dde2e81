package jp.juchu.shop.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shop's category tree (カテゴリ管理). A category is named by its full path, e.g. 食品/日本茶. */
@Service
public class Categories {

    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, Long parentId, String name, String fullPath) {}

    /** The whole tree, top categories first, each level in the merchant's order. */
    public List<CategoryNode> tree(String shopId) {
        List<Row> rows = jdbc.sql("select id, parent_id, name, full_path from category where shop_id = ?"
                        + " order by position, name")
                .param(shopId)
                .query((rs, n) -> new Row(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4)))
                .list();
        Map<Long, List<Row>> byParent = new HashMap<>();
        rows.forEach(r ->
                byParent.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r));
        return nodes(byParent, null);
    }

    private static List<CategoryNode> nodes(Map<Long, List<Row>> byParent, Long parent) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .map(r -> new CategoryNode(r.id(), r.name(), r.fullPath(), nodes(byParent, r.id())))
                .toList();
    }

    /** The categories right under a path ({@code null} or empty: the top level). */
    public List<CategoryNode> children(String shopId, String path) {
        List<CategoryNode> level = tree(shopId);
        if (path == null || path.isBlank()) {
            return level;
        }
        return find(level, path).map(CategoryNode::children).orElseThrow(() -> new CategoryNotFound(path));
    }

    private static Optional<CategoryNode> find(List<CategoryNode> nodes, String path) {
        for (CategoryNode node : nodes) {
            if (node.fullPath().equals(path)) {
                return Optional.of(node);
            }
            if (path.startsWith(node.fullPath() + "/")) {
                return find(node.children(), path);
            }
        }
        return Optional.empty();
    }

    Optional<Long> id(String shopId, String path) {
        return jdbc.sql("select id from category where shop_id = ? and full_path = ?")
                .params(shopId, path)
                .query(Long.class)
                .optional();
    }

    /**
     * Adds a category under a parent ({@code null} for the top level).
     *
     * @throws InvalidProduct naming {@code name} or {@code parent} when the name is not usable or taken
     */
    @Transactional
    public CategoryNode add(String shopId, String parentPath, String name) {
        String clean = checkName(name);
        Long parentId = null;
        String path = clean;
        if (parentPath != null && !parentPath.isBlank()) {
            parentId = id(shopId, parentPath).orElseThrow(() -> new CategoryNotFound(parentPath));
            path = parentPath + "/" + clean;
        }
        if (id(shopId, path).isPresent()) {
            throw new InvalidProduct("name", "カテゴリ " + path + " はすでにあります");
        }
        long id = jdbc.sql("insert into category (shop_id, parent_id, name, full_path, position) values (?, ?, ?, ?,"
                        + " (select coalesce(max(position), 0) + 1 from category where shop_id = ?)) returning id")
                .params(shopId, parentId, clean, path, shopId)
                .query(Long.class)
                .single();
        return new CategoryNode(id, clean, path, List.of());
    }

    /** Renames a category; the paths of its sub-categories follow. */
    @Transactional
    public void rename(String shopId, String path, String newName) {
        String clean = checkName(newName);
        long id = id(shopId, path).orElseThrow(() -> new CategoryNotFound(path));
        int slash = path.lastIndexOf('/');
        String newPath = slash < 0 ? clean : path.substring(0, slash + 1) + clean;
        if (!newPath.equals(path) && id(shopId, newPath).isPresent()) {
            throw new InvalidProduct("name", "カテゴリ " + newPath + " はすでにあります");
        }
        jdbc.sql("update category set name = ? where id = ?").params(clean, id).update();
        jdbc.sql("update category set full_path = ? || substring(full_path from ?) where shop_id = ?"
                        + " and (full_path = ? or full_path like ?)")
                .params(
                        newPath,
                        path.length() + 1,
                        shopId,
                        path,
                        path.replace("%", "\\%").replace("_", "\\_") + "/%")
                .update();
    }

    /** Deletes an empty category: one without sub-categories or products. */
    @Transactional
    public void delete(String shopId, String path) {
        long id = id(shopId, path).orElseThrow(() -> new CategoryNotFound(path));
        boolean children = jdbc.sql("select exists (select 1 from category where parent_id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
        if (children) {
            throw new InvalidProduct("path", "カテゴリ " + path + " にはサブカテゴリがあるため削除できません");
        }
        long products = jdbc.sql("select count(*) from product_category where category_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        if (products > 0) {
            throw new InvalidProduct("path", "カテゴリ " + path + " には商品が " + products + " 件あるため削除できません。先に商品のカテゴリを外してください");
        }
        jdbc.sql("delete from category where id = ?").param(id).update();
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidProduct("name", "カテゴリ名を入力してください");
        }
        String clean = name.strip();
        if (clean.length() > 60 || clean.contains("/")) {
            throw new InvalidProduct("name", "カテゴリ名は60文字以内で、/ を含めないでください");
        }
        return clean;
    }
}
