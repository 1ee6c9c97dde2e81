package jp.juchu.oms.purchasing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.Products;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Making and changing purchase orders by hand: new, edit (due date, note, lines), 発注する, キャンセル, 完了(残あり).
 * Each loads the order under its row lock, asks the {@link PurchaseOrder} (which refuses what its state forbids),
 * saves it, and lets the SKUs' 入荷予定 and suggestions follow in the same transaction.
 */
@Service
public class PurchaseOrderDesk {

    /** A line as typed: SKU code, quantity and unit price; {@code lineId} for an existing line, null for a new one. */
    public record LineInput(Long lineId, String code, String quantity, String unitPrice) {}

    private final PurchaseOrders orders;
    private final Suppliers suppliers;
    private final Products products;
    private final PurchasingEffects effects;
    private final PurchasingSettings settings;

    PurchaseOrderDesk(
            PurchaseOrders orders,
            Suppliers suppliers,
            Products products,
            PurchasingEffects effects,
            PurchasingSettings settings) {
        this.orders = orders;
        this.suppliers = suppliers;
        this.products = products;
        this.effects = effects;
        this.settings = settings;
    }

    /** A new draft; a line without a price takes the SKU's purchase price. */
    @Transactional
    public long create(String supplierCode, String due, String note, List<LineInput> inputs, String actor) {
        List<String> p = new ArrayList<>();
        String code = Inputs.text(supplierCode, "仕入先", 10, true, p);
        Supplier supplier = code == null ? null : suppliers.byCode(code).orElse(null);
        if (code != null && supplier == null) {
            p.add("仕入先: " + code + " は登録されていません");
        }
        LocalDate dueOn = Inputs.date(due, "納期", true, p);
        String memo = Inputs.multiline(note, "備考", 500, p);
        List<PurchaseOrder.Line> lines = lines(inputs, List.of(), p);
        Inputs.refuseIfAny(p);
        PurchaseOrder.checkLines(lines);
        long id = orders.insert(supplier.id(), dueOn, memo, lines, actor);
        effects.skusChanged(lines.stream().map(PurchaseOrder.Line::productId).toList());
        return id;
    }

    /** Saves the edit form: due date and note always (while open); the lines while nothing has arrived. */
    @Transactional
    public void edit(long id, String due, String note, List<LineInput> inputs, boolean linesChanged) {
        PurchaseOrder po = lockOrRefuse(id);
        List<String> p = new ArrayList<>();
        LocalDate dueOn = Inputs.date(due, "納期", true, p);
        String memo = Inputs.multiline(note, "備考", 500, p);
        List<PurchaseOrder.Line> lines = linesChanged ? lines(inputs, po.lines(), p) : po.lines();
        Inputs.refuseIfAny(p);
        Set<Long> skus = new HashSet<>(PurchaseOrders.products(po));
        po.changeDueDate(dueOn, memo);
        if (linesChanged) {
            po.replaceLines(lines);
        }
        orders.save(po);
        skus.addAll(PurchaseOrders.products(po));
        effects.skusChanged(skus);
    }

    @Transactional
    public void place(long id, LocalDate today) {
        PurchaseOrder po = lockOrRefuse(id);
        po.place(today);
        orders.save(po);
        effects.skusChanged(PurchaseOrders.products(po));
    }

    @Transactional
    public void cancel(long id) {
        PurchaseOrder po = lockOrRefuse(id);
        po.cancel();
        orders.save(po);
        effects.skusChanged(PurchaseOrders.products(po));
    }

    @Transactional
    public void close(long id, String reason) {
        List<String> p = new ArrayList<>();
        String r = Inputs.text(reason, "完了の理由", 200, true, p);
        Inputs.refuseIfAny(p);
        PurchaseOrder po = lockOrRefuse(id);
        po.closeWithRemainder(r);
        orders.save(po);
        effects.skusChanged(PurchaseOrders.products(po));
    }

    PurchaseOrder lockOrRefuse(long id) {
        return orders.lock(id).orElseThrow(() -> new PurchasingRefused("発注伝票が見つかりません"));
    }

    /** The typed lines as lines: blank rows skipped, each SKU checked; an existing line keeps what arrived. */
    private List<PurchaseOrder.Line> lines(List<LineInput> inputs, List<PurchaseOrder.Line> existing, List<String> p) {
        List<PurchaseOrder.Line> lines = new ArrayList<>();
        if (inputs.size() > PurchaseOrder.MAX_LINES + 20) {
            p.add("明細: 1枚の発注伝票は " + PurchaseOrder.MAX_LINES + " 行までです");
            return lines;
        }
        int row = 0;
        for (LineInput in : inputs) {
            row++;
            String label = "明細" + row + "行目";
            boolean blank = (in.code() == null || in.code().isBlank())
                    && (in.quantity() == null || in.quantity().isBlank());
            if (blank && in.lineId() == null) {
                continue;
            }
            PurchaseOrder.Line old = in.lineId() == null
                    ? null
                    : existing.stream()
                            .filter(l -> l.id().equals(in.lineId()))
                            .findFirst()
                            .orElse(null);
            if (in.lineId() != null && old == null) {
                p.add(label + ": この発注伝票にない明細です");
                continue;
            }
            Product product;
            if (old != null) {
                product = products.find(old.productId()).orElseThrow();
            } else {
                String code = Inputs.text(in.code(), label + " の商品コード", 30, true, p);
                if (code == null) {
                    continue;
                }
                product = products.byCode(code).orElse(null);
                if (product == null) {
                    p.add(label + ": 商品コード " + code + " は登録されていません");
                    continue;
                }
                if (product.kind() != Product.Kind.SKU) {
                    p.add(label + ": " + code + " はセット商品です。構成品を発注してください");
                    continue;
                }
            }
            Long quantity = Inputs.number(
                    in.quantity(), label + " (" + product.code() + ") の数量", 1, PurchaseOrder.MAX_QUANTITY, true, p);
            Long price = Inputs.number(
                    in.unitPrice(), label + " (" + product.code() + ") の単価", 0, PurchaseOrder.MAX_UNIT_PRICE, false, p);
            if (quantity == null) {
                continue;
            }
            long unitPrice = price != null
                    ? price
                    : old != null
                            ? old.unitPrice()
                            : settings.of(product.id())
                                    .map(SkuPurchasing::purchasePrice)
                                    .orElse(0L);
            lines.add(new PurchaseOrder.Line(
                    old == null ? null : old.id(),
                    product.id(),
                    product.code(),
                    product.name(),
                    quantity.intValue(),
                    unitPrice,
                    old == null ? 0 : old.received()));
        }
        return lines;
    }
}
