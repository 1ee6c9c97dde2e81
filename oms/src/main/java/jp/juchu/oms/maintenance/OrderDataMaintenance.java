package jp.juchu.oms.maintenance;

import java.time.LocalDate;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.Orders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 受注データ削除 and データリセット: the orders module deletes, every module that keeps order-related rows follows
 * in the same transaction, and the audit entry commits with them.
 */
@Service
public class OrderDataMaintenance {

    /**
     * Which orders to delete.
     *
     * @param connectionId the sales channel (a shop, or the own channel 受注登録 or データ取込), null for all
     * @param from first order date (受注日, Asia/Tokyo), inclusive
     * @param to last order date, inclusive
     */
    public record Criteria(Long connectionId, LocalDate from, LocalDate to) {

        String describe() {
            return "connection=" + (connectionId == null ? "all" : connectionId) + ", ordered " + from + ".." + to;
        }
    }

    /** The number of orders changed between the preview and the confirmation: nothing was deleted. */
    public static class CountChanged extends RuntimeException {

        private final long now;

        CountChanged(long shown, long now) {
            super("preview showed " + shown + " orders, now " + now);
            this.now = now;
        }

        public long now() {
            return now;
        }
    }

    /** Order dates no order falls outside of; the orders module counts by date range only. */
    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private final Orders orders;
    private final AuditLog audit;

    OrderDataMaintenance(Orders orders, AuditLog audit) {
        this.orders = orders;
        this.audit = audit;
    }

    public long count(Criteria criteria) {
        return orders.countOrdered(criteria.connectionId(), criteria.from(), criteria.to());
    }

    /** How many orders a reset would delete: every one the OMS holds. */
    public long countAll() {
        return count(new Criteria(null, EARLIEST, LATEST));
    }

    /**
     * Deletes the orders the criteria select, if they are still as many as the merchant confirmed.
     *
     * @throws CountChanged when orders came or went since the preview
     */
    @Transactional
    public long delete(Criteria criteria, long confirmedCount, String actor) {
        long now = count(criteria);
        if (now != confirmedCount) {
            throw new CountChanged(confirmedCount, now);
        }
        long deleted = orders.deleteOrdered(criteria.connectionId(), criteria.from(), criteria.to(), actor);
        audit.record(actor, "ORDERS_DELETED", "orders", criteria.describe() + ", deleted=" + deleted);
        return deleted;
    }

    /** Deletes every order and all order-related data; connections, users and settings stay. */
    @Transactional
    public long reset(String actor) {
        long deleted = orders.deleteAll(actor);
        audit.record(actor, "ORDER_DATA_RESET", "orders", "all orders, deleted=" + deleted);
        return deleted;
    }
}
