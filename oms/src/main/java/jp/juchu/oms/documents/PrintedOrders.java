package jp.juchu.oms.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jp.juchu.oms.bundles.Bundles;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import org.springframework.stereotype.Component;

/**
 * The orders of one print. First checked: each once, at most {@value DocumentLimits#MAX_ORDERS}, and none that the
 * workflow's print guards refuse (an undecided 同梱 candidate) — the same check as every move to 印刷済み. Then read
 * about a hundred at a time with their shipments and lines (three reads per hundred, no history nor payload) and
 * handed over entry by entry in the order given: an order alone, or a merged 同梱 group with all its orders (one
 * 納品書, one picking entry). Orders deleted since are skipped.
 */
@Component
class PrintedOrders {

    static final int CHUNK = 100;
    static final int REFUSALS_SHOWN = 5;

    private final Orders orders;
    private final OrderWorkflow workflow;
    private final Bundles bundles;

    PrintedOrders(Orders orders, OrderWorkflow workflow, Bundles bundles) {
        this.orders = orders;
        this.workflow = workflow;
        this.bundles = bundles;
    }

    /**
     * The print's entries: each order alone, or its merged group.
     *
     * @throws IllegalArgumentException when no order (or more than 1,000) is given, or one may not be printed
     */
    List<List<Long>> entries(List<Long> orderIds) {
        List<Long> ids = DocumentLimits.orders(orderIds);
        List<List<Long>> entries = bundles.asPrinted(ids);
        List<Long> all = entries.stream().flatMap(List::stream).toList();
        Map<Long, String> refused = workflow.printRefusals(all);
        if (!refused.isEmpty()) {
            Map<Long, String> numbers = orders.headers(refused.keySet()).stream()
                    .collect(Collectors.toMap(OrderDetail::id, OrderDetail::orderNumber));
            String shown = refused.entrySet().stream()
                    .limit(REFUSALS_SHOWN)
                    .map(e -> "受注番号 " + numbers.getOrDefault(e.getKey(), "#" + e.getKey()) + ": " + e.getValue())
                    .collect(Collectors.joining(" / "));
            throw new IllegalArgumentException("印刷できない受注があります。" + shown
                    + (refused.size() > REFUSALS_SHOWN ? " ほか" + (refused.size() - REFUSALS_SHOWN) + "件" : ""));
        }
        return entries;
    }

    /** @return how many entries still have an order */
    int each(List<List<Long>> entries, Consumer<List<OrderDetail>> action) {
        int found = 0;
        int from = 0;
        while (from < entries.size()) {
            List<List<Long>> chunk = new ArrayList<>();
            int size = 0;
            while (from < entries.size()
                    && (chunk.isEmpty() || size + entries.get(from).size() <= CHUNK)) {
                size += entries.get(from).size();
                chunk.add(entries.get(from++));
            }
            Map<Long, OrderDetail> read = new HashMap<>();
            orders.withLines(chunk.stream().flatMap(List::stream).toList())
                    .forEach(order -> read.put(order.id(), order));
            for (List<Long> entry : chunk) {
                List<OrderDetail> group = entry.stream()
                        .map(read::get)
                        .filter(java.util.Objects::nonNull)
                        .toList();
                if (!group.isEmpty()) {
                    action.accept(group);
                    found++;
                }
            }
        }
        return found;
    }
}
