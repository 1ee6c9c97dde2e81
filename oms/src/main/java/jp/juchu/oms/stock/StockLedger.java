package jp.juchu.oms.stock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import jp.juchu.support.db.CopyRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock ledger (在庫履歴): every change to a SKU's stock is a row here, written in the same transaction as the
 * totals it changes, so the totals can always be explained line by line.
 */
@Service
public class StockLedger {

    static final int WAREHOUSE = 1;

    /** The columns of a ledger row, in the order {@link #allocate} fills them. */
    private static final List<String> LEDGER_COLUMNS = List.of(
            "warehouse_id",
            "product_id",
            "kind",
            "on_hand_change",
            "allocated_change",
            "order_id",
            "document",
            "reason",
            "actor");

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;

    StockLedger(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
    }

    /**
     * Allocates (引当) these quantities of SKUs to an order, all or nothing, from the free stock of rows the caller's
     * transaction locked with {@link #lock}: while the locks are held no other transaction (on any node) can change
     * those rows, so the free stock read under the lock is exact and the allocation is counted in the batch; {@link
     * #flush} writes each SKU's total once (a conditional update that cannot fail under the lock, checked anyway). The
     * ledger rows (ALLOCATE) are added to the batch too.
     *
     * @param needs quantity per SKU, in product id order
     * @return whether every SKU was allocated
     * @throws IllegalStateException when a SKU's row was not locked into this batch
     */
    boolean allocate(long orderId, SortedMap<Long, Integer> needs, String actor, Batch batch) {
        for (Map.Entry<Long, Integer> need : needs.entrySet()) {
            if (!batch.free.containsKey(need.getKey()) && !batch.missing.contains(need.getKey())) {
                throw new IllegalStateException("stock of product " + need.getKey() + " was not locked");
            }
            if (batch.free.getOrDefault(need.getKey(), 0) < need.getValue()) {
                return false;
            }
        }
        for (Map.Entry<Long, Integer> need : needs.entrySet()) {
            batch.free.merge(need.getKey(), -need.getValue(), Integer::sum);
            batch.taken.merge(need.getKey(), need.getValue(), Integer::sum);
            batch.rows.add(
                    new Object[] {WAREHOUSE, need.getKey(), "ALLOCATE", 0, need.getValue(), orderId, null, null, actor
                    });
            batch.changed.add(need.getKey());
        }
        return true;
    }

    /**
     * Locks these SKUs' stock rows, in id order, for the caller's transaction, and reads their free stock into the
     * batch the allocations are counted in. A SKU without a stock row has nothing free.
     */
    void lock(java.util.SortedSet<Long> productIds, Batch batch) {
        // one row at a time: a single "order by … for update" may lock out of order when rows change meanwhile
        for (long productId : productIds) {
            Optional<Integer> free = jdbc.sql("select on_hand - allocated from stock"
                            + " where warehouse_id = ? and product_id = ? for update")
                    .params(WAREHOUSE, productId)
                    .query(Integer.class)
                    .optional();
            if (free.isPresent()) {
                batch.free.put(productId, free.get());
            } else {
                batch.missing.add(productId);
            }
        }
    }

    /** Ledger rows of allocations made with {@link #allocate}, written together by {@link #flush}. */
    static final class Batch {
        private final List<Object[]> rows = new ArrayList<>();
        private final Set<Long> changed = new LinkedHashSet<>();
        /** Free stock of the locked rows, less what this batch allocated. */
        private final Map<Long, Integer> free = new java.util.HashMap<>();
        /** Locked SKUs without a stock row (nothing free). */
        private final Set<Long> missing = new java.util.HashSet<>();
        /** What this batch allocated per SKU, not written yet. */
        private final Map<Long, Integer> taken = new java.util.TreeMap<>();
    }

    /** Writes the batch's ledger rows and announces the SKUs whose free stock changed. */
    void flush(Batch batch) {
        if (batch.rows.isEmpty()) {
            return;
        }
        for (Map.Entry<Long, Integer> taken : batch.taken.entrySet()) {
            int updated = jdbc.sql("update stock set allocated = allocated + ?, updated_at = now()"
                            + " where warehouse_id = ? and product_id = ? and on_hand - allocated >= ?")
                    .params(taken.getValue(), WAREHOUSE, taken.getKey(), taken.getValue())
                    .update();
            if (updated == 0) {
                // the row was locked when its free stock was read: only a change in this very transaction can do this
                throw new IllegalStateException("free stock of product " + taken.getKey() + " changed under its lock");
            }
        }
        batch.taken.clear();
        CopyRows.into(jdbcTemplate, "stock_ledger", LEDGER_COLUMNS, batch.rows);
        events.publishEvent(new FreeStockChanged(Set.copyOf(batch.changed), true));
        batch.rows.clear();
        batch.changed.clear();
    }

    /** Books the movements: one ledger row each, the totals changed by the same amounts, all or nothing. */
    @Transactional
    public void book(List<StockMovement> movements) {
        Set<Long> freeChanged = new LinkedHashSet<>();
        boolean onlyFell = true;
        for (StockMovement m : movements) {
            // the row first, then the change: the checks apply to the totals, not to the change alone
            jdbc.sql("insert into stock (warehouse_id, product_id) values (?, ?) on conflict do nothing")
                    .params(WAREHOUSE, m.productId())
                    .update();
            jdbc.sql("update stock set on_hand = on_hand + ?, allocated = allocated + ?, updated_at = now()"
                            + " where warehouse_id = ? and product_id = ?")
                    .params(m.onHandChange(), m.allocatedChange(), WAREHOUSE, m.productId())
                    .update();
            jdbc.sql("insert into stock_ledger (warehouse_id, product_id, kind, on_hand_change, allocated_change,"
                            + " order_id, document, reason, actor) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            WAREHOUSE,
                            m.productId(),
                            m.kind(),
                            m.onHandChange(),
                            m.allocatedChange(),
                            m.orderId(),
                            m.document(),
                            m.reason(),
                            m.actor())
                    .update();
            if (m.onHandChange() != m.allocatedChange()) {
                freeChanged.add(m.productId());
                onlyFell &= m.onHandChange() < m.allocatedChange();
            }
        }
        if (!freeChanged.isEmpty()) {
            events.publishEvent(new FreeStockChanged(freeChanged, onlyFell));
        }
    }

    public Optional<StockLevel> level(long productId) {
        return jdbc.sql("select product_id, on_hand, allocated, inbound, held from stock"
                        + " where warehouse_id = ? and product_id = ?")
                .params(WAREHOUSE, productId)
                .query(StockLevel.class)
                .optional();
    }
}
