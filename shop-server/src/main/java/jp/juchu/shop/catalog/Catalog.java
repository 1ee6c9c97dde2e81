package jp.juchu.shop.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.juchu.shop.shops.Shops;
import jp.juchu.shop.system.Like;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's products (商品): register, change, delete, list and find them, within the plan's limit, and
 * take stock for an order atomically.
 */
@Service
public class Catalog {

    static final Pattern ITEM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,59}");
    static final int MAX_PRICE = 10_000_000;
    static final int MAX_UNITS = 999_999;
    static final int MAX_MEMO = 2_000;

    private final JdbcClient jdbc;
    private final Shops shops;
    private final Categories categories;

    Catalog(JdbcClient jdbc, Shops shops, Categories categories) {
        this.jdbc = jdbc;
        this.shops = shops;
        this.categories = categories;
    }

    /**
     * Registers a product.
     *
     * @throws PlanLimitReached when the shop has as many products as its plan allows
     * @throws InvalidProduct naming the field that is wrong (a taken item code included)
     */
    @Transactional
    public Product create(String shopId, ProductDraft draft) {
        check(shopId, draft);
        // one registration per shop at a time, so that two cannot both take the last place of the plan
        jdbc.sql("select pg_advisory_xact_lock(hashtext('catalog:' || ?))")
                .param(shopId)
                .query()
                .listOfRows();
        int limit = shops.find(shopId).orElseThrow().productLimit();
        if (count(shopId) >= limit) {
            throw new PlanLimitReached(limit);
        }
        if (find(shopId, draft.itemCode()).isPresent()) {
            throw new InvalidProduct("itemCode", "商品番号 " + draft.itemCode() + " はすでに登録されています");
        }
        long id = jdbc.sql("""
                        insert into product (shop_id, item_code, name, price, tax_rate, unlimited_stock,
                            alert_threshold, published, memo)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(
                        shopId,
                        draft.itemCode(),
                        draft.name().strip(),
                        draft.price(),
                        draft.taxRate(),
                        draft.unlimitedStock(),
                        draft.alertThreshold(),
                        draft.published(),
                        blankToNull(draft.memo()))
                .query(Long.class)
                .single();
        writeDetails(shopId, id, draft);
        return find(shopId, draft.itemCode()).orElseThrow();
    }

    /** Changes a product; its item code stays. Stock of variations the new axes still make is kept as given. */
    @Transactional
    public Product update(String shopId, String itemCode, ProductDraft draft) {
        Product existing = find(shopId, itemCode).orElseThrow(() -> new ProductNotFound(itemCode));
        if (!existing.itemCode().equals(draft.itemCode())) {
            throw new InvalidProduct("itemCode", "商品番号は変更できません");
        }
        check(shopId, draft);
        jdbc.sql("""
                        update product set name = ?, price = ?, tax_rate = ?, unlimited_stock = ?, alert_threshold = ?,
                            published = ?, memo = ?, updated_at = now()
                        where id = ?
                        """)
                .params(
                        draft.name().strip(),
                        draft.price(),
                        draft.taxRate(),
                        draft.unlimitedStock(),
                        draft.alertThreshold(),
                        draft.published(),
                        blankToNull(draft.memo()),
                        existing.id())
                .update();
        jdbc.sql("delete from product_axis where product_id = ?")
                .param(existing.id())
                .update();
        jdbc.sql("delete from product_stock where product_id = ?")
                .param(existing.id())
                .update();
        jdbc.sql("delete from product_category where product_id = ?")
                .param(existing.id())
                .update();
        writeDetails(shopId, existing.id(), draft);
        return find(shopId, itemCode).orElseThrow();
    }

    /** Changes what a product's variations are; stock of variations that remain is kept, new ones start at 0. */
    @Transactional
    public Product changeVariations(String shopId, String itemCode, List<Product.Axis> axes) {
        Product p = find(shopId, itemCode).orElseThrow(() -> new ProductNotFound(itemCode));
        Map<String, Integer> stock = new LinkedHashMap<>();
        for (String key : Product.variations(axes == null ? List.of() : axes)) {
            stock.put(key, p.stock().getOrDefault(key, 0));
        }
        return update(shopId, itemCode, withStock(p, axes, p.unlimitedStock(), p.alertThreshold(), stock));
    }

    /** Sets a product's stock: unlimited, or units per variation with the alert threshold. */
    @Transactional
    public Product changeStock(
            String shopId, String itemCode, boolean unlimited, int alertThreshold, Map<String, Integer> stock) {
        Product p = find(shopId, itemCode).orElseThrow(() -> new ProductNotFound(itemCode));
        return update(shopId, itemCode, withStock(p, p.axes(), unlimited, alertThreshold, stock));
    }

    /**
     * Sets the quantities of some variations, each only if it still holds the quantity the caller expects to
     * replace (compare-and-set), all or nothing: a storefront sale or another client that changed one meanwhile makes
     * the whole change fail, so that no sale is lost between a read and a write.
     *
     * @throws ProductNotFound when the shop has no such item
     * @throws InvalidProduct when a variation is not the item's, a quantity is out of range, or the item has
     *     unlimited stock
     * @throws StockChanged for the first variation whose quantity is no longer the expected one
     */
    @Transactional
    public Product changeStockIfUnchanged(String shopId, String itemCode, List<ConditionalStock> changes) {
        Product p = find(shopId, itemCode).orElseThrow(() -> new ProductNotFound(itemCode));
        if (p.unlimitedStock()) {
            throw new InvalidProduct("stock", "在庫数無制限の商品です");
        }
        for (ConditionalStock c : changes) {
            if (!p.stock().containsKey(c.variation())) {
                throw new InvalidProduct(
                        "stock", "バリエーション " + (c.variation().isEmpty() ? "(なし)" : c.variation()) + " はこの商品にありません");
            }
            if (c.quantity() < 0 || c.quantity() > MAX_UNITS || c.expected() < 0 || c.expected() > MAX_UNITS) {
                throw new InvalidProduct("stock", "在庫数は0〜999,999で入力してください");
            }
        }
        List<ConditionalStock> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparing(ConditionalStock::variation));
        for (ConditionalStock c : ordered) {
            int updated = jdbc.sql("update product_stock set quantity = ? where product_id = ? and variation = ?"
                            + " and quantity = ?")
                    .params(c.quantity(), p.id(), c.variation(), c.expected())
                    .update();
            if (updated == 0) {
                int current = jdbc.sql("select quantity from product_stock where product_id = ? and variation = ?")
                        .params(p.id(), c.variation())
                        .query(Integer.class)
                        .optional()
                        .orElse(0);
                throw new StockChanged(c.variation(), c.expected(), current);
            }
        }
        jdbc.sql("update product set updated_at = now() where id = ?")
                .param(p.id())
                .update();
        return find(shopId, itemCode).orElseThrow(() -> new ProductNotFound(itemCode));
    }

    private static ProductDraft withStock(
            Product p, List<Product.Axis> axes, boolean unlimited, int alert, Map<String, Integer> stock) {
        return new ProductDraft(
                p.itemCode(),
                p.name(),
                p.price(),
                p.taxRate(),
                unlimited,
                alert,
                p.published(),
                p.memo(),
                axes,
                stock,
                p.categoryPaths());
    }

    /** A draft with the product's current values, for changing some of them. */
    public static ProductDraft draftOf(Product p) {
        return withStock(p, p.axes(), p.unlimitedStock(), p.alertThreshold(), p.stock());
    }

    @Transactional
    public void delete(String shopId, String itemCode) {
        int deleted = jdbc.sql("delete from product where shop_id = ? and item_code = ?")
                .params(shopId, itemCode)
                .update();
        if (deleted == 0) {
            throw new ProductNotFound(itemCode);
        }
    }

    public Optional<Product> find(String shopId, String itemCode) {
        return load("p.shop_id = ? and p.item_code = ?", List.of(shopId, itemCode), "p.id", 1, 0).stream()
                .findFirst();
    }

    public long count(String shopId) {
        return jdbc.sql("select count(*) from product where shop_id = ?")
                .param(shopId)
                .query(Long.class)
                .single();
    }

    /** A page (from 0) of the shop's products that match the filter. */
    public ProductPage search(String shopId, ProductFilter filter, int page, int size) {
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
                    .collect(java.util.stream.Collectors.joining(" or ", " and (", ")")));
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
    public StockSummary stockSummary(String shopId) {
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

    /**
     * Takes the units of every line from stock in the caller's transaction, each with one conditional
     * update, so that concurrent orders never take more than there is. Lines are taken in a fixed order so
     * that two orders never wait on each other.
     *
     * @throws OutOfStock for the first line there is not enough of; the caller's transaction must roll back
     */
    @Transactional
    public void take(String shopId, List<StockLine> lines) {
        Map<String, StockLine> merged = new HashMap<>();
        for (StockLine line : lines) {
            merged.merge(
                    line.itemCode() + "\u0000" + line.variation(),
                    line,
                    (a, b) -> new StockLine(a.itemCode(), a.variation(), a.quantity() + b.quantity()));
        }
        List<StockLine> ordered = new ArrayList<>(merged.values());
        ordered.sort(Comparator.comparing(StockLine::itemCode).thenComparing(StockLine::variation));
        for (StockLine line : ordered) {
            int updated = jdbc.sql("""
                            update product_stock s set quantity = s.quantity - ?
                            from product p
                            where p.id = s.product_id and p.shop_id = ? and p.item_code = ? and s.variation = ?
                              and s.quantity >= ?
                            """)
                    .params(line.quantity(), shopId, line.itemCode(), line.variation(), line.quantity())
                    .update();
            if (updated == 0) {
                Product product = find(shopId, line.itemCode())
                        .orElseThrow(() -> new OutOfStock(line.itemCode(), line.variation(), null));
                boolean unlimited = product.unlimitedStock()
                        && Product.variations(product.axes()).contains(line.variation());
                if (!unlimited) {
                    throw new OutOfStock(line.itemCode(), line.variation(), product.name());
                }
            }
        }
    }

    private static final String TOTAL =
            "(select coalesce(sum(s.quantity), 0) from product_stock s where s.product_id = p.id)";

    private void check(String shopId, ProductDraft d) {
        if (d.itemCode() == null || !ITEM_CODE.matcher(d.itemCode()).matches()) {
            throw new InvalidProduct("itemCode", "商品番号は半角英数字と - _ . で60文字以内で入力してください");
        }
        if (d.name() == null || d.name().isBlank()) {
            throw new InvalidProduct("name", "商品名を入力してください");
        }
        if (d.name().strip().length() > 200) {
            throw new InvalidProduct("name", "商品名は200文字以内で入力してください");
        }
        if (d.price() < 0 || d.price() > MAX_PRICE) {
            throw new InvalidProduct("price", "価格は0〜10,000,000円で入力してください");
        }
        if (d.memo() != null && d.memo().length() > MAX_MEMO) {
            throw new InvalidProduct("memo", "メモは2,000文字以内で入力してください");
        }
        if (d.taxRate() != 8 && d.taxRate() != 10) {
            throw new InvalidProduct("taxRate", "税率は10% (標準) か8% (軽減) です");
        }
        if (d.alertThreshold() < 0 || d.alertThreshold() > MAX_UNITS) {
            throw new InvalidProduct("alertThreshold", "在庫アラートは0以上の数で入力してください");
        }
        List<Product.Axis> axes = d.axes() == null ? List.of() : d.axes();
        if (axes.size() > 3) {
            throw new InvalidProduct("axes", "バリエーションの項目は3つまでです");
        }
        for (int i = 0; i < axes.size(); i++) {
            Product.Axis axis = axes.get(i);
            String field = "axes[" + i + "]";
            if (axis.title() == null || axis.title().isBlank() || axis.title().length() > 40) {
                throw new InvalidProduct(field + ".title", "バリエーション項目名を40文字以内で入力してください");
            }
            if (axis.choices() == null
                    || axis.choices().isEmpty()
                    || axis.choices().size() > 50) {
                throw new InvalidProduct(field + ".choices", axis.title() + " の選択肢を1〜50個入力してください");
            }
            Set<String> seen = new HashSet<>();
            for (String choice : axis.choices()) {
                if (choice == null || choice.isBlank() || choice.length() > 40 || choice.contains("/")) {
                    throw new InvalidProduct(field + ".choices", axis.title() + " の選択肢は40文字以内で、/ を含めないでください");
                }
                if (!seen.add(choice)) {
                    throw new InvalidProduct(field + ".choices", axis.title() + " の選択肢 " + choice + " が重複しています");
                }
            }
        }
        List<String> variations = Product.variations(axes);
        if (variations.size() > 1000) {
            throw new InvalidProduct("axes", "バリエーションの組み合わせは1,000通りまでです");
        }
        Map<String, Integer> stock = d.stock() == null ? Map.of() : d.stock();
        for (Map.Entry<String, Integer> e : stock.entrySet()) {
            if (!variations.contains(e.getKey())) {
                throw new InvalidProduct(
                        "stock", "バリエーション " + (e.getKey().isEmpty() ? "(なし)" : e.getKey()) + " はこの商品にありません");
            }
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > MAX_UNITS) {
                throw new InvalidProduct("stock", "在庫数は0〜999,999で入力してください");
            }
        }
        List<String> paths = d.categoryPaths() == null ? List.of() : d.categoryPaths();
        for (String path : paths) {
            if (categories.id(shopId, path).isEmpty()) {
                throw new InvalidProduct("categoryPaths", "カテゴリ " + path + " はありません");
            }
        }
    }

    private void writeDetails(String shopId, long id, ProductDraft d) {
        List<Product.Axis> axes = d.axes() == null ? List.of() : d.axes();
        for (int i = 0; i < axes.size(); i++) {
            jdbc.sql("insert into product_axis (product_id, axis, title, choices) values (?, ?, ?, ?)")
                    .params(
                            id,
                            i + 1,
                            axes.get(i).title().strip(),
                            axes.get(i).choices().toArray(String[]::new))
                    .update();
        }
        if (!d.unlimitedStock()) {
            Map<String, Integer> stock = d.stock() == null ? Map.of() : d.stock();
            for (String variation : Product.variations(axes)) {
                jdbc.sql("insert into product_stock (product_id, variation, quantity) values (?, ?, ?)")
                        .params(id, variation, stock.getOrDefault(variation, 0))
                        .update();
            }
        }
        for (String path : d.categoryPaths() == null ? List.<String>of() : d.categoryPaths()) {
            jdbc.sql("insert into product_category (product_id, category_id) values (?, ?) on conflict do nothing")
                    .params(id, categories.id(shopId, path).orElseThrow())
                    .update();
        }
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
