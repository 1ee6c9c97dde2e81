package jp.juchu.oms.stock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
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

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;

    StockLedger(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
    }

    /**
     * Allocates (引当) these quantities of SKUs to an order, all or nothing: each SKU's allocated rises only where
     * its free stock covers it — one conditional update each, so two OMS nodes never allocate the same unit — and
     * when one falls short the ones already raised are lowered again. The ledger rows (ALLOCATE) are added to
     * {@code batch}, to be written by {@link #flush} in the same transaction.
     *
     * @param needs quantity per SKU, in product id order (the order rows are locked in)
     * @return whether every SKU was allocated
     */
    boolean allocate(long orderId, SortedMap<Long, Integer> needs, String actor, Batch batch) {
        List<Map.Entry<Long, Integer>> done = new ArrayList<>();
        for (Map.Entry<Long, Integer> need : needs.entrySet()) {
            int updated = jdbc.sql("update stock set allocated = allocated + ?, updated_at = now()"
                            + " where warehouse_id = ? and product_id = ? and on_hand - allocated >= ?")
                    .params(need.getValue(), WAREHOUSE, need.getKey(), need.getValue())
                    .update();
            if (updated == 0) {
                for (Map.Entry<Long, Integer> undo : done) {
                    jdbc.sql("update stock set allocated = allocated - ? where warehouse_id = ? and product_id = ?")
                            .params(undo.getValue(), WAREHOUSE, undo.getKey())
                            .update();
                }
                return false;
            }
            done.add(need);
        }
        for (Map.Entry<Long, Integer> need : needs.entrySet()) {
            batch.rows.add(
                    new Object[] {WAREHOUSE, need.getKey(), "ALLOCATE", 0, need.getValue(), orderId, null, null, actor
                    });
            batch.changed.add(need.getKey());
        }
        return true;
    }

    /** Locks these SKUs' stock rows, in id order, for the caller's transaction. */
    void lock(java.util.SortedSet<Long> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        // one row at a time: a single "order by … for update" may lock out of order when rows change meanwhile
        for (long productId : productIds) {
            jdbc.sql("select product_id from stock where warehouse_id = ? and product_id = ? for update")
                    .params(WAREHOUSE, productId)
                    .query(Long.class)
                    .optional();
        }
    }

    /** Ledger rows of allocations made with {@link #allocate}, written together by {@link #flush}. */
    static final class Batch {
        private final List<Object[]> rows = new ArrayList<>();
        private final Set<Long> changed = new LinkedHashSet<>();
    }

    /** Writes the batch's ledger rows and announces the SKUs whose free stock changed. */
    void flush(Batch batch) {
        if (batch.rows.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate(
                "insert into stock_ledger (warehouse_id, product_id, kind, on_hand_change, allocated_change,"
                        + " order_id, document, reason, actor) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch.rows);
        events.publishEvent(new FreeStockChanged(Set.copyOf(batch.changed)));
        batch.rows.clear();
        batch.changed.clear();
    }

    /** Books the movements: one ledger row each, the totals changed by the same amounts, all or nothing. */
    @Transactional
    public void book(List<StockMovement> movements) {
        Set<Long> freeChanged = new LinkedHashSet<>();
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
            }
        }
        if (!freeChanged.isEmpty()) {
            events.publishEvent(new FreeStockChanged(freeChanged));
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
