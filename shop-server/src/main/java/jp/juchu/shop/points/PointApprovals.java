package jp.juchu.shop.points;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.juchu.shop.customers.Members;
import jp.juchu.shop.customers.PendingPoints;
import jp.juchu.shop.orders.Order;
import jp.juchu.shop.orders.OrderStatus;
import jp.juchu.shop.orders.Orders;
import jp.juchu.shop.orders.ShippingStatus;
import jp.juchu.shop.settings.ShopSetup;
import jp.juchu.shop.settings.ShopSetups;
import org.springframework.stereotype.Service;

/**
 * Deciding on points awaiting approval: the merchant approves or refuses them in bulk, and a shop that chose
 * {@link ShopSetup.Approval#AFTER_SHIPPING} has them approved automatically the set number of days after its
 * order shipped (refused when the order was cancelled). Every decision is one conditional update on the ledger
 * entry, so running twice — two nodes, or a retry after a crash — decides each entry once.
 */
@Service
public class PointApprovals {

    /** The most entries one bulk decision takes. */
    public static final int MAX_BULK = 500;

    private static final int BATCH = 200;

    /** A pending entry with its order's state, as the approval page lists it. */
    public record Pending(PendingPoints points, String orderNumber, ShippingStatus shipping, LocalDate shippedOn) {}

    /** How a bulk decision went: how many this call decided, and how many were already decided elsewhere. */
    public record Decided(int decided, int alreadyDecided) {}

    private final Members members;
    private final Orders orders;
    private final ShopSetups setups;
    private final Clock clock;

    PointApprovals(Members members, Orders orders, ShopSetups setups, Clock clock) {
        this.members = members;
        this.orders = orders;
        this.setups = setups;
        this.clock = clock;
    }

    public long pendingCount(String shopId) {
        return members.pendingCount(shopId);
    }

    public List<Pending> pending(String shopId, int limit) {
        return members.pending(shopId, limit).stream()
                .map(p -> {
                    Optional<Order> order = orders.find(shopId, p.orderSerial());
                    return new Pending(
                            p,
                            order.map(Order::orderNumber).orElse(null),
                            order.map(Order::shippingStatus).orElse(null),
                            order.flatMap(PointApprovals::shippedOn).orElse(null));
                })
                .toList();
    }

    public Decided approve(String shopId, List<Long> entryIds) {
        return decide(entryIds, id -> members.approvePending(shopId, id));
    }

    public Decided refuse(String shopId, List<Long> entryIds) {
        return decide(entryIds, id -> members.refusePending(shopId, id));
    }

    /**
     * Approves the points of shipped orders whose shop approves automatically and whose days have passed; refuses
     * those of cancelled orders. Idempotent.
     *
     * @return how many entries were decided
     */
    public int autoApprove() {
        LocalDate today = LocalDate.now(clock);
        Map<String, ShopSetup.PointRules> rules = new HashMap<>();
        int decided = 0;
        long after = 0;
        List<PendingPoints> batch;
        do {
            batch = members.pendingAfter(after, BATCH);
            for (PendingPoints p : batch) {
                after = p.id();
                ShopSetup.PointRules rule = rules.computeIfAbsent(
                        p.shopId(), shop -> setups.of(shop).points());
                if (rule.approval() != ShopSetup.Approval.AFTER_SHIPPING || p.orderSerial() == null) {
                    continue;
                }
                Optional<Order> order = orders.find(p.shopId(), p.orderSerial());
                if (order.isEmpty() || order.get().orderStatus() == OrderStatus.Cancelled) {
                    decided += members.refusePending(p.shopId(), p.id()) ? 1 : 0;
                    continue;
                }
                Optional<LocalDate> shipped = shippedOn(order.get());
                if (shipped.isPresent() && !today.isBefore(shipped.get().plusDays(rule.autoApproveDays()))) {
                    decided += members.approvePending(p.shopId(), p.id()) ? 1 : 0;
                }
            }
        } while (batch.size() == BATCH);
        return decided;
    }

    /** The day an order finished shipping: the last of its deliveries' shipped dates, once all have shipped. */
    static Optional<LocalDate> shippedOn(Order order) {
        if (order.shippingStatus() != ShippingStatus.Shipped) {
            return Optional.empty();
        }
        return order.deliveries().stream()
                .map(Order.Delivery::shippedDate)
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo);
    }

    private static Decided decide(List<Long> entryIds, java.util.function.LongPredicate decision) {
        if (entryIds.size() > MAX_BULK) {
            throw new IllegalArgumentException("at most " + MAX_BULK + " entries at once");
        }
        int decided = 0;
        for (long id : entryIds.stream().distinct().toList()) {
            decided += decision.test(id) ? 1 : 0;
        }
        return new Decided(decided, (int) entryIds.stream().distinct().count() - decided);
    }
}
