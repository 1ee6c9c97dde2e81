package jp.juchu.oms.purchasing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 発注候補一覧 → 発注伝票: the chosen suggestions, with the quantities the person set, become one draft purchase order
 * per supplier (due: today plus the longest lead time of its lines); the suggestions go in the same transaction,
 * so the new drafts' quantities count at once and no suggestion comes back for them.
 */
@Service
public class SuggestionOrdering {

    private final JdbcClient jdbc;
    private final ReorderSuggestions suggestions;
    private final PurchaseOrders orders;
    private final Suppliers suppliers;
    private final PurchasingEffects effects;

    SuggestionOrdering(
            JdbcClient jdbc,
            ReorderSuggestions suggestions,
            PurchaseOrders orders,
            Suppliers suppliers,
            PurchasingEffects effects) {
        this.jdbc = jdbc;
        this.suggestions = suggestions;
        this.orders = orders;
        this.suppliers = suppliers;
        this.effects = effects;
    }

    /**
     * @param quantities the chosen suggestions' ids and the quantities typed for them
     * @return the new purchase orders' ids
     * @throws PurchasingRefused naming each problem; nothing is created
     */
    @Transactional
    public List<Long> order(Map<Long, String> quantities, LocalDate today, String actor) {
        if (quantities.isEmpty()) {
            throw new PurchasingRefused("発注する候補を選んでください");
        }
        if (quantities.size() > 1000) {
            throw new PurchasingRefused("一度に発注できる候補は 1000 件までです");
        }
        List<ReorderSuggestions.Suggestion> before = suggestions.find(quantities.keySet());
        Set<Long> skus = new TreeSet<>();
        before.forEach(s -> skus.add(s.productId()));
        suggestions.lock(skus);
        List<ReorderSuggestions.Suggestion> chosen = suggestions.find(quantities.keySet());
        if (chosen.size() != quantities.size()) {
            throw new PurchasingRefused("発注候補がほかの操作で更新されました。一覧を開き直してください");
        }
        List<String> problems = new ArrayList<>();
        Map<Long, Map<Long, PurchaseOrder.Line>> bySupplier = new LinkedHashMap<>();
        for (ReorderSuggestions.Suggestion s : chosen) {
            Long n = Inputs.number(
                    quantities.get(s.id()), s.code() + " の数量", 1, PurchaseOrder.MAX_QUANTITY, true, problems);
            if (s.supplierId() == null) {
                problems.add(s.code() + ": 仕入先が設定されていません (発注設定で選んでください)");
                continue;
            }
            if (n == null) {
                continue;
            }
            Map<Long, PurchaseOrder.Line> lines =
                    bySupplier.computeIfAbsent(s.supplierId(), k -> new LinkedHashMap<>());
            PurchaseOrder.Line merged = lines.get(s.productId());
            long quantity = n + (merged == null ? 0 : merged.quantity());
            if (quantity > PurchaseOrder.MAX_QUANTITY) {
                problems.add(s.code() + " の数量: 合計が " + PurchaseOrder.MAX_QUANTITY + " を超えます");
                continue;
            }
            lines.put(
                    s.productId(),
                    new PurchaseOrder.Line(null, s.productId(), s.code(), s.name(), (int) quantity, s.unitPrice(), 0));
        }
        Inputs.refuseIfAny(problems);
        List<Long> created = new ArrayList<>();
        for (Map.Entry<Long, Map<Long, PurchaseOrder.Line>> group : bySupplier.entrySet()) {
            Supplier supplier = suppliers.find(group.getKey()).orElseThrow();
            List<PurchaseOrder.Line> lines = new ArrayList<>(group.getValue().values());
            int lead = supplier.leadTimeDays();
            for (PurchaseOrder.Line l : lines) {
                Integer own = jdbc.sql("select lead_time_days from product_purchasing where product_id = ?")
                        .param(l.productId())
                        .query(Integer.class)
                        .optional()
                        .orElse(null);
                lead = Math.max(lead, own == null ? supplier.leadTimeDays() : own);
            }
            created.add(orders.insert(supplier.id(), today.plusDays(lead), null, lines, actor));
        }
        jdbc.sql("delete from reorder_suggestion where id = any (?)")
                .param(quantities.keySet().toArray(Long[]::new))
                .update();
        effects.skusChanged(skus);
        return created;
    }
}
