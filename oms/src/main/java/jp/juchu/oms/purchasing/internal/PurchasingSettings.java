package jp.juchu.oms.purchasing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each SKU's purchasing settings (発注設定): reading them, and saving them from a form. */
@Service
public class PurchasingSettings {

    public static final int PAGE_SIZE = 100;
    static final String SELECT = """
            select p.id as product_id, p.code, p.name, p.made_to_order, pp.supplier_id,
                   coalesce(pp.purchase_price, p.cost_price) as purchase_price, pp.reorder_point, pp.order_up_to,
                   coalesce(pp.lot_size, 1) as lot_size, pp.lead_time_days, coalesce(pp.sell_inbound, false) as sell_inbound
            from product p left join product_purchasing pp on pp.product_id = p.id
            """;

    private final JdbcClient jdbc;
    private final Products products;
    private final Suppliers suppliers;
    private final PurchasingEffects effects;

    PurchasingSettings(JdbcClient jdbc, Products products, Suppliers suppliers, PurchasingEffects effects) {
        this.jdbc = jdbc;
        this.products = products;
        this.suppliers = suppliers;
        this.effects = effects;
    }

    public Optional<SkuPurchasing> of(long productId) {
        return jdbc.sql(SELECT + " where p.id = ?")
                .param(productId)
                .query(SkuPurchasing.class)
                .optional();
    }

    /** SKUs whose code or name contains the text (all when blank), by code; with their supplier set or not. */
    public List<SkuPurchasing> search(String q, Long supplierId, int page) {
        String like = q == null || q.isBlank()
                ? null
                : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SELECT + " where p.kind = 'SKU' and p.stock_managed"
                        + " and (cast(? as text) is null or p.code ilike ? or p.name ilike ?)"
                        + " and (cast(? as bigint) is null or pp.supplier_id = ?)"
                        + " order by p.code limit ? offset ?")
                .params(like, like, like, supplierId, supplierId, PAGE_SIZE + 1, page * PAGE_SIZE)
                .query(SkuPurchasing.class)
                .list();
    }

    /**
     * Saves a SKU's purchasing settings from the form's fields; the SKU's inbound stock and suggestion follow.
     *
     * @throws PurchasingRefused naming each wrong field
     */
    @Transactional
    public void save(String code, Map<String, String> form) {
        List<String> p = new ArrayList<>();
        Product product = products.byCode(code == null ? "" : code.strip())
                .orElseThrow(() -> new PurchasingRefused("商品コード: " + code + " は登録されていません"));
        if (product.kind() != Product.Kind.SKU) {
            throw new PurchasingRefused("商品コード: " + product.code() + " はセット商品です。構成品に発注設定をしてください");
        }
        Long supplierId = null;
        String supplierCode = Inputs.text(form.get("supplier"), "仕入先", 10, false, p);
        if (supplierCode != null) {
            Optional<Supplier> supplier = suppliers.byCode(supplierCode);
            if (supplier.isEmpty()) {
                p.add("仕入先: " + supplierCode + " は登録されていません");
            } else {
                supplierId = supplier.get().id();
            }
        }
        Long price = Inputs.number(form.get("purchasePrice"), "仕入単価 (円)", 0, 99_999_999, true, p);
        Long reorderPoint = Inputs.number(form.get("reorderPoint"), "発注点", 0, 9_999_999, false, p);
        Long orderUpTo = Inputs.number(form.get("orderUpTo"), "適正在庫", 0, 9_999_999, false, p);
        Long lot = Inputs.number(form.get("lotSize"), "発注単位 (ロット)", 1, 99_999, true, p);
        Long lead = Inputs.number(form.get("leadTimeDays"), "リードタイム (日)", 0, 365, false, p);
        boolean sellInbound = "true".equals(form.get("sellInbound")) || "on".equals(form.get("sellInbound"));
        if (reorderPoint != null && orderUpTo == null) {
            p.add("適正在庫: 発注点を入れるときは入力してください");
        }
        if (reorderPoint != null && orderUpTo != null && orderUpTo <= reorderPoint) {
            p.add("適正在庫: 発注点より大きい数にしてください");
        }
        if ((reorderPoint != null || product.madeToOrder()) && supplierId == null && supplierCode == null) {
            p.add("仕入先: 発注点や受注生産で発注候補を出す商品には選んでください");
        }
        Inputs.refuseIfAny(p);
        jdbc.sql("""
                        insert into product_purchasing (product_id, supplier_id, purchase_price, reorder_point, order_up_to,
                            lot_size, lead_time_days, sell_inbound)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (product_id) do update set supplier_id = excluded.supplier_id,
                            purchase_price = excluded.purchase_price, reorder_point = excluded.reorder_point,
                            order_up_to = excluded.order_up_to, lot_size = excluded.lot_size,
                            lead_time_days = excluded.lead_time_days, sell_inbound = excluded.sell_inbound,
                            updated_at = now()
                        """)
                .params(
                        product.id(),
                        supplierId,
                        price,
                        reorderPoint == null ? null : reorderPoint.intValue(),
                        orderUpTo == null ? null : orderUpTo.intValue(),
                        lot.intValue(),
                        lead == null ? null : lead.intValue(),
                        sellInbound)
                .update();
        effects.skusChanged(Set.of(product.id()));
    }
}
