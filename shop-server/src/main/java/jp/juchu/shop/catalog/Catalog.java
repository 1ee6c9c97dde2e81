package jp.juchu.shop.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.shop.shops.Shops;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's products (商品): register, change, delete, list and find them, within the plan's limit, and
 * take stock for an order atomically. A product is checked by {@link ProductChecks} before it is saved and read
 * by {@link ProductReads}.
 */
@Service
public class Catalog {

    private final JdbcClient jdbc;
    private final Shops shops;
    private final Categories categories;
    private final ProductChecks checks;
    private final ProductReads reads;

    Catalog(JdbcClient jdbc, Shops shops, Categories categories, ProductChecks checks, ProductReads reads) {
        this.jdbc = jdbc;
        this.shops = shops;
        this.categories = categories;
        this.checks = checks;
        this.reads = reads;
    }

    /**
     * Registers a product.
     *
     * @throws PlanLimitReached when the shop has as many products as its plan allows
     * @throws InvalidProduct naming the field that is wrong (a taken item code included)
     */
    @Transactional
    public Product create(String shopId, ProductDraft draft) {
        checks.check(shopId, draft);
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
        checks.check(shopId, draft);
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
            if (c.quantity() < 0
                    || c.quantity() > ProductChecks.MAX_UNITS
                    || c.expected() < 0
                    || c.expected() > ProductChecks.MAX_UNITS) {
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
        return reads.find(shopId, itemCode);
    }

    public long count(String shopId) {
        return reads.count(shopId);
    }

    /** A page (from 0) of the shop's products that match the filter. */
    public ProductPage search(String shopId, ProductFilter filter, int page, int size) {
        return reads.search(shopId, filter, page, size);
    }

    /** Products running low and sold out, and the plan usage, for the admin top. */
    public StockSummary stockSummary(String shopId) {
        return reads.stockSummary(shopId);
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
