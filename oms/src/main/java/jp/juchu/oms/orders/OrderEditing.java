package jp.juchu.oms.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves a person's edit of an order with optimistic locking: the edit names the version it started from and is
 * saved only if the order is still at that version. Lines can be added (a product code fills in name, price and
 * rate), removed, repriced and moved between destinations; destinations can be added and removed. Totals and tax per
 * rate are recomputed by the one rule ({@link ShopOrder.Amounts#of}, i.e. {@code ConsumptionTax}); the history and
 * the audit log say who changed what.
 */
@Service
public class OrderEditing {

    private final Orders orders;
    private final ManualOrders products;
    private final OrderEditWriter writer;
    private final ApplicationEventPublisher events;

    OrderEditing(Orders orders, ManualOrders products, OrderEditWriter writer, ApplicationEventPublisher events) {
        this.orders = orders;
        this.products = products;
        this.writer = writer;
        this.events = events;
    }

    /** The edit's lines with name, price and rate filled in from their product codes, or why one cannot be. */
    public record FilledLines(List<OrderEdit.Line> lines, List<String> problems) {}

    /** Fills in lines given only a product code from the products seen on orders; names each that cannot be. */
    public FilledLines fill(List<OrderEdit.Line> lines) {
        Map<String, ManualOrders.KnownItem> known = products.known(lines.stream()
                .map(OrderEdit.Line::itemCode)
                .filter(c -> c != null && !c.isBlank())
                .map(String::strip)
                .distinct()
                .toList());
        List<OrderEdit.Line> filled = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int number = 0;
        for (OrderEdit.Line line : lines) {
            number++;
            String code = line.itemCode() == null ? "" : line.itemCode().strip();
            ManualOrders.KnownItem seen = known.get(code);
            String name = present(line.name()) ? line.name().strip() : seen == null ? null : seen.name();
            Long price = line.unitPrice() != null ? line.unitPrice() : seen == null ? null : seen.unitPrice();
            Integer rate = line.taxRate() != null ? line.taxRate() : seen == null ? 10 : seen.taxRate();
            if (name == null || price == null) {
                problems.add("商品" + number + "行目: 商品コード「" + code + "」は見つかりません。商品名と単価を入力してください");
                filled.add(line);
                continue;
            }
            filled.add(new OrderEdit.Line(
                    line.destination(),
                    code.isEmpty() ? "manual" : code,
                    line.variation(),
                    name,
                    price,
                    rate,
                    line.quantity()));
        }
        return new FilledLines(filled, problems);
    }

    /** The totals and tax per rate the edit comes to, its lines filled in as {@link #fill} does. */
    public static ShopOrder.Amounts amounts(OrderEdit edit, List<OrderEdit.Line> filledLines) {
        Map<Integer, Long> itemsByRate = new TreeMap<>();
        filledLines.forEach(l -> itemsByRate.merge(
                l.taxRate() == null ? 10 : l.taxRate(),
                (l.unitPrice() == null ? 0 : l.unitPrice()) * l.quantity(),
                Long::sum));
        return ShopOrder.Amounts.of(
                itemsByRate,
                edit.shippingFee(),
                edit.codFee(),
                edit.giftWrappingFee(),
                edit.couponDiscount(),
                edit.pointsUsed());
    }

    /**
     * @return the changes made, one line each (empty when nothing changed)
     * @throws OrderEditConflict when someone saved the order after {@code edit.version()}
     * @throws IllegalArgumentException with every problem (one per line) when the edit cannot be saved as it is
     */
    @Transactional
    public List<String> edit(long orderId, OrderEdit edit, String actor) {
        OrderDetail before =
                orders.detail(orderId).orElseThrow(() -> new IllegalArgumentException("受注 " + orderId + " はありません"));
        if (before.version() != edit.version()) {
            throw conflict(before);
        }
        FilledLines filled = fill(edit.lines());
        List<String> problems = new ArrayList<>(filled.problems());
        List<OrderEdit.Line> lines = filled.lines();
        Map<Integer, OrderDetail.Shipment> existing = new LinkedHashMap<>();
        before.shipments().forEach(s -> existing.put(s.deliveryId(), s));
        Map<Integer, Integer> deliveryIdOf = OrderEditChecks.deliveryIds(edit, existing, problems);
        ShopOrder.Amounts amounts = amounts(edit, lines);
        OrderEditChecks.check(edit, lines, existing, deliveryIdOf, amounts, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }

        List<String> changes = new ArrayList<>();
        writer.destinations(orderId, existing, edit, deliveryIdOf, changes);
        boolean linesChanged = writer.lines(orderId, before, lines, deliveryIdOf, changes);
        OrderEditWording.orderChanges(changes, before, edit, amounts);
        if (changes.isEmpty()) {
            return changes;
        }
        if (!writer.order(orderId, edit, amounts)) {
            // someone saved between our read and this write: roll back everything written above
            throw conflict(orders.detail(orderId).orElseThrow());
        }
        if (linesChanged) {
            events.publishEvent(new OrderLinesChanged(orderId));
        }
        writer.recordEdited(orderId, before.orderNumber(), actor, changes);
        events.publishEvent(new OrderEdited(orderId));
        return changes;
    }

    /**
     * 代引金額の設定 on the order page: the amount each destination of a cash-on-delivery order collects. Saved only if
     * they add up to the order's total and the order is still at {@code version}.
     */
    @Transactional
    public List<String> splitCashOnDelivery(long orderId, long version, Map<Integer, Long> amounts, String actor) {
        OrderDetail order =
                orders.detail(orderId).orElseThrow(() -> new IllegalArgumentException("受注 " + orderId + " はありません"));
        if (order.version() != version) {
            throw conflict(order);
        }
        if (!CashOnDelivery.needsSplit(order)) {
            throw new IllegalArgumentException("代金引換でお届け先が2つ以上ある受注だけ、お届け先ごとの代引金額を設定できます");
        }
        List<Long> values =
                order.shipments().stream().map(s -> amounts.get(s.deliveryId())).toList();
        CashOnDelivery.problem(values, order.total()).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        List<String> changes = new ArrayList<>();
        writer.codAmounts(orderId, order, amounts, changes);
        if (changes.isEmpty()) {
            return changes;
        }
        if (!writer.nextVersion(orderId, version)) {
            throw conflict(orders.detail(orderId).orElseThrow());
        }
        writer.recordEdited(orderId, order.orderNumber(), actor, changes);
        return changes;
    }

    private OrderEditConflict conflict(OrderDetail current) {
        String savedBy = current.history().stream()
                .reduce((first, second) -> second)
                .map(OrderDetail.HistoryEntry::actor)
                .orElse("別の担当者");
        return new OrderEditConflict(savedBy);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
