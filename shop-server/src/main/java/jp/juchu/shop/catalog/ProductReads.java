package jp.juchu.shop.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.juchu.shop.shops.Shops;
import jp.juchu.shop.system.Like;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the shop's products: one by item code, a filtered page, the count and the stock summary. */
@Component
class ProductReads {

    /** A product's units over all its variations, in SQL, for the product aliased {@code p}. */
    private static final String TOTAL =
            "(select coalesce(sum(s.quantity), 0) from product_stock s where s.product_id = p.id)";

    private final JdbcClient jdbc;
    private final Shops shops;

    ProductReads(JdbcClient jdbc, Shops shops) {
        this.jdbc = jdbc;
        this.shops = shops;
    }

    Optional<Product> find(String shopId, String itemCode) {
        return load("p.shop_id = ? and p.item_code = ?", List.of(shopId, itemCode), "p.id", 1, 0).stream()
                .findFirst();
    }

    long count(String shopId) {
        return jdbc.sql("select count(*) from product where shop_id = ?")
                .param(shopId)
                .query(Long.class)
                .single();
    }

    /** A page (from 0) of the shop's products that match the filter. */
    ProductPage search(String shopId, ProductFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("p.shop_id = ?");
        List<Object> params = new ArrayList<>(List.of(shopId));
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            where.append(" and (p.item_code ilike ? or p.name ilike ?)");
            String like = Like.containing(filter.keyword());
            params.add(like);
            params.add(like);
        }
        if (filter.categoryPath() != null && !filter.categoryPath().isBlank()) {
            where.append(" and exists (select 1 from product_category pc join category c on c.id = pc.category_id"
                    + " where pc.product_id = p.id and (c.full_path = ? or c.full_path like ?))");
            params.add(filter.categoryPath());
            params.add(Like.startingWith(filter.categoryPath() + "/"));
        }
        if (filter.published() != null) {
            where.append(" and p.published = ?");
            params.add(filter.published());
        }
        if (filter.itemCode() != null && !filter.itemCode().isBlank()) {
            where.append(" and p.item_code = ?");
            params.add(filter.itemCode().strip());
        }
        if (filter.stock() != null && !filter.stock().isEmpty()) {
            where.append(filter.stock().stream()
                    .map(level -> switch (level) {
                        case UNLIMITED -> "p.unlimited_stock";
                        case SOLD_OUT -> "(not p.unlimited_stock and " + TOTAL + " = 0)";
                        case LOW -> "(not p.unlimited_stock and " + TOTAL + " between 1 and p.alert_threshold)";
                        case IN_STOCK -> "(not p.unlimited_stock and " + TOTAL + " > p.alert_threshold)";
                    })
                    .collect(Collectors.joining(" or ", " and (", ")")));
        }
        long total = jdbc.sql("select count(*) from product p where " + where)
                .params(params)
                .query(Long.class)
                .single();
        ProductSort sort = filter.sort() == null ? ProductSort.NEWEST : filter.sort();
        List<Product> products = load(where.toString(), params, sort.sql, size, (long) page * size);
        return new ProductPage(products, total, page, size);
    }

    /** Products running low and sold out, and the plan usage, for the admin top. */
    StockSummary stockSummary(String shopId) {
        Map<String, Object> row = jdbc.sql("select count(*) as products,"
                        + " count(*) filter (where not p.unlimited_stock and " + TOTAL
                        + " between 1 and p.alert_threshold) as low,"
                        + " count(*) filter (where not p.unlimited_stock and " + TOTAL + " = 0) as sold_out"
                        + " from product p where p.shop_id = ?")
                .param(shopId)
                .query()
                .singleRow();
        return new StockSummary(
                ((Number) row.get("products")).longValue(),
                shops.find(shopId).orElseThrow().productLimit(),
                ((Number) row.get("low")).longValue(),
                ((Number) row.get("sold_out")).longValue());
    }

    private List<Product> load(String where, List<Object> params, String orderBy, int limit, long offset) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        all.add(offset);
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select p.*, case when p.unlimited_stock then null else " + TOTAL + " end as total_stock"
                        + " from product p where " + where + " order by " + orderBy + " limit ? offset ?")
                .params(all)
                .query(rs -> {
                    rows.put(rs.getLong("id"), row(rs));
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.keySet().toArray(Long[]::new);
        Map<Long, List<Product.Axis>> axes = new HashMap<>();
        jdbc.sql(
                        "select product_id, title, choices from product_axis where product_id = any (?) order by product_id, axis")
                .param(ids)
                .query(rs -> {
                    axes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Product.Axis(rs.getString(2), strings(rs.getArray(3))));
                });
        Map<Long, Map<String, Integer>> stock = new HashMap<>();
        jdbc.sql("select product_id, variation, quantity from product_stock where product_id = any (?)")
                .param(ids)
                .query(rs -> {
                    stock.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        Map<Long, List<String>> paths = new HashMap<>();
        jdbc.sql("select pc.product_id, c.full_path from product_category pc join category c on c.id = pc.category_id"
                        + " where pc.product_id = any (?) order by c.full_path")
                .param(ids)
                .query(rs -> {
                    paths.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        List<Product> products = new ArrayList<>();
        rows.forEach((id, r) -> {
            List<Product.Axis> productAxes = List.copyOf(axes.getOrDefault(id, List.of()));
            Map<String, Integer> units = stock.getOrDefault(id, Map.of());
            // in the axes' order, so that lists and forms show 白/S before 白/M
            Map<String, Integer> ordered = new LinkedHashMap<>();
            if (!r.unlimited()) {
                for (String key : Product.variations(productAxes)) {
                    ordered.put(key, units.getOrDefault(key, 0));
                }
            }
            products.add(new Product(
                    id,
                    r.shopId(),
                    r.itemCode(),
                    r.name(),
                    r.price(),
                    r.taxRate(),
                    r.unlimited(),
                    r.alertThreshold(),
                    r.published(),
                    r.memo(),
                    productAxes,
                    Collections.unmodifiableMap(ordered),
                    List.copyOf(paths.getOrDefault(id, List.of())),
                    r.createdAt(),
                    r.updatedAt()));
        });
        return products;
    }

    /** A product row before its axes, stock and categories are read. */
    private record Row(
            String shopId,
            String itemCode,
            String name,
            long price,
            int taxRate,
            boolean unlimited,
            int alertThreshold,
            boolean published,
            String memo,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("shop_id"),
                rs.getString("item_code"),
                rs.getString("name"),
                rs.getLong("price"),
                rs.getInt("tax_rate"),
                rs.getBoolean("unlimited_stock"),
                rs.getInt("alert_threshold"),
                rs.getBoolean("published"),
                rs.getString("memo"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
