package jp.juchu.oms.orders;

import java.util.List;
import java.util.Optional;
import jp.juchu.support.money.Money;

/**
 * 代金引換 (cash on delivery): what each shipment collects. One destination collects the order's total; with several,
 * the merchant sets the amount per destination, and those amounts must add up to the total — the one rule the order
 * page, the edit page and every carrier's slip use.
 */
public final class CashOnDelivery {

    public static final String METHOD = "CashOnDelivery";

    private CashOnDelivery() {}

    public static boolean applies(String paymentMethod) {
        return METHOD.equals(paymentMethod);
    }

    /** Whether the order needs amounts per destination (cash on delivery to several addresses). */
    public static boolean needsSplit(OrderDetail order) {
        return applies(order.paymentMethod()) && order.shipments().size() > 1;
    }

    /** Why the order cannot ship as cash on delivery yet, if it cannot. */
    public static Optional<String> problem(OrderDetail order) {
        if (!needsSplit(order)) {
            return Optional.empty();
        }
        return problem(
                order.shipments().stream().map(OrderDetail.Shipment::codAmount).toList(), order.total());
    }

    /** Why these amounts per destination do not split the total, if they do not. */
    public static Optional<String> problem(List<Long> amounts, long total) {
        if (amounts.stream().anyMatch(a -> a == null)) {
            return Optional.of("代金引換で複数のお届け先がある注文は、お届け先ごとの代引金額を決めてから出荷してください");
        }
        if (amounts.stream().anyMatch(a -> a < 0)) {
            return Optional.of("代引金額は0円以上で入力してください");
        }
        long sum = amounts.stream().mapToLong(Long::longValue).sum();
        if (sum != total) {
            return Optional.of("お届け先ごとの代引金額の合計 (" + Money.yen(sum) + ") が受注の合計 (" + Money.yen(total) + ") と合いません");
        }
        return Optional.empty();
    }

    /** What the shipment collects: the total for a single destination, its own amount with several (0 if unset). */
    public static long amountOf(OrderDetail order, OrderDetail.Shipment shipment) {
        if (!applies(order.paymentMethod())) {
            return 0;
        }
        if (order.shipments().size() <= 1) {
            return order.total();
        }
        return shipment.codAmount() == null ? 0 : shipment.codAmount();
    }

    /**
     * The consumption tax contained in what the shipment collects: the order's tax over every rate, apportioned by the
     * shipment's share of the total (rounded down, the last destination taking the remainder).
     */
    public static long taxOf(OrderDetail order, OrderDetail.Shipment shipment) {
        long tax = order.taxLines().stream().mapToLong(OrderDetail.TaxLine::tax).sum();
        if (order.shipments().size() <= 1 || order.total() == 0) {
            return tax;
        }
        List<OrderDetail.Shipment> collecting =
                order.shipments().stream().filter(s -> amountOf(order, s) > 0).toList();
        long given = 0;
        for (int i = 0; i < collecting.size(); i++) {
            OrderDetail.Shipment s = collecting.get(i);
            long share =
                    i == collecting.size() - 1 ? tax - given : Math.floorDiv(tax * amountOf(order, s), order.total());
            if (s.deliveryId() == shipment.deliveryId()) {
                return share;
            }
            given += share;
        }
        return 0;
    }
}
