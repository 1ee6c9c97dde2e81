package jp.juchu.oms.stock;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ApplicationEventPublisher events;

    StockLedger(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
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
