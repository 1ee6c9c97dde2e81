package jp.juchu.oms.products.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.products.Product;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering and editing products (商品登録・編集) and reading them for the screens. Every write passes
 * {@link ProductRules} first and is written to the audit log in the same transaction.
 */
@Service
public class ProductCatalog {

    static final String INSERT = "insert into product (code, kind, name, parent_code, variation_1, variation_2,"
            + " variation_3, jan_code, model_number, tax_rate, sale_price, cost_price, stock_managed, release_date,"
            + " preorder, made_to_order, temperature_zone, size_factor, shelf_location, omit_from_delivery_note,"
            + " free_1, free_2, free_3, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?) returning id";

    static final String UPDATE = "update product set code = ?, kind = ?, name = ?, parent_code = ?,"
            + " variation_1 = ?, variation_2 = ?, variation_3 = ?, jan_code = ?, model_number = ?, tax_rate = ?,"
            + " sale_price = ?, cost_price = ?, stock_managed = ?, release_date = ?, preorder = ?, made_to_order = ?,"
            + " temperature_zone = ?, size_factor = ?, shelf_location = ?, omit_from_delivery_note = ?, free_1 = ?,"
            + " free_2 = ?, free_3 = ?, active = ?, updated_at = now() where id = ?";

    private final JdbcClient jdbc;
    private final ProductRules rules;
    private final AuditLog audit;

    ProductCatalog(JdbcClient jdbc, ProductRules rules, AuditLog audit) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.audit = audit;
    }

    /**
     * Registers a product.
     *
     * @return its id
     * @throws ProductRefused with every problem; nothing written
     */
    @Transactional
    public long create(ProductDraft draft, String actor) {
        List<Problem> problems = rules.check(draft, null);
        if (!problems.isEmpty()) {
            throw new ProductRefused(problems);
        }
        long id = insert(draft.normalised());
        audit.record(actor, "PRODUCT_ADDED", draft.code().strip(), draft.name().strip());
        return id;
    }

    /**
     * Changes every field of a product (its kind excepted).
     *
     * @throws ProductRefused with every problem; nothing written
     */
    @Transactional
    public void update(long id, ProductDraft draft, String actor) {
        ProductEntry before = entry(id).orElseThrow(() -> new ProductRefused(null, "商品が見つかりません (ID " + id + ")"));
        List<Problem> problems = rules.check(draft, id);
        if (!problems.isEmpty()) {
            throw new ProductRefused(problems);
        }
        update(id, draft.normalised());
        audit.record(actor, "PRODUCT_EDITED", draft.code().strip(), changes(before.draft(), draft.normalised()));
    }

    /** Inserts a draft that passed the rules; for the CSV import, which checks the whole file first. */
    long insert(ProductDraft d) {
        return jdbc.sql(INSERT).params(values(d)).query(Long.class).single();
    }

    void update(long id, ProductDraft d) {
        List<Object> params = new ArrayList<>(java.util.Arrays.asList(values(d)));
        params.add(id);
        jdbc.sql(UPDATE).params(params).update();
    }

    private static Object[] values(ProductDraft d) {
        return new Object[] {
            d.code(),
            d.kind().name(),
            d.name(),
            d.parentCode(),
            d.variation1(),
            d.variation2(),
            d.variation3(),
            d.janCode(),
            d.modelNumber(),
            d.taxRate(),
            d.salePrice(),
            d.costPrice(),
            ProductDraft.on(d.stockManaged()),
            d.releaseDate(),
            ProductDraft.on(d.preorder()),
            ProductDraft.on(d.madeToOrder()),
            d.temperatureZone(),
            d.sizeFactor(),
            d.shelfLocation(),
            ProductDraft.on(d.omitFromDeliveryNote()),
            d.free1(),
            d.free2(),
            d.free3(),
            ProductDraft.on(d.active())
        };
    }

    /** The fields that changed, for the audit log: 「販売価格: 1000 → 1200 / 有効: true → false」. */
    private static String changes(ProductDraft before, ProductDraft after) {
        List<String> changes = new ArrayList<>();
        var components = ProductDraft.class.getRecordComponents();
        for (var c : components) {
            try {
                Object a = c.getAccessor().invoke(before);
                Object b = c.getAccessor().invoke(after);
                if (a instanceof Boolean || b instanceof Boolean) {
                    a = ProductDraft.on((Boolean) a);
                    b = ProductDraft.on((Boolean) b);
                }
                if (!java.util.Objects.equals(a, b)) {
                    changes.add(c.getName() + ": " + abbreviate(a) + " → " + abbreviate(b));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changes.isEmpty() ? "変更なし" : String.join(" / ", changes);
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    public Optional<ProductEntry> entry(long id) {
        return jdbc.sql("select " + ProductEntry.COLUMNS + " from product where id = ?")
                .param(id)
                .query(ProductEntry.class)
                .optional();
    }

    public Optional<ProductEntry> entry(String code) {
        return jdbc.sql("select " + ProductEntry.COLUMNS + " from product where code = ?")
                .param(code)
                .query(ProductEntry.class)
                .optional();
    }

    /** Filters of the product list: a word (code, name, JAN, model number), the kind, active or not. */
    public record Search(String q, Product.Kind kind, Boolean active) {}

    public record Page(List<ProductEntry> products, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public Page search(Search search, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (search.q() != null && !search.q().isBlank()) {
            String like = "%" + Searches.escape(search.q().strip()) + "%";
            where.append(" and (code ilike ? or name ilike ? or jan_code like ? or model_number ilike ?"
                    + " or parent_code ilike ?)");
            params.addAll(List.of(like, like, like, like, like));
        }
        if (search.kind() != null) {
            where.append(" and kind = ?");
            params.add(search.kind().name());
        }
        if (search.active() != null) {
            where.append(" and active = ?");
            params.add(search.active());
        }
        long total = jdbc.sql("select count(*) from product" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<ProductEntry> rows = jdbc.sql("select " + ProductEntry.COLUMNS + " from product" + where
                        + " order by coalesce(parent_code, code), code limit ? offset ?")
                .params(paged)
                .query(ProductEntry.class)
                .list();
        return new Page(rows, total, page, size);
    }
}
