package jp.juchu.oms.stock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.support.db.CopyRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each order's allocation: its state ({@code order_allocation}) and what each of its lines takes of each SKU and
 * whether that is allocated ({@code order_allocation_line}). Allocating, releasing and shipping read and write it
 * here.
 */
@Repository
class OrderAllocations {

    /** Waits to be allocated from scratch (its lines to be read again). */
    static final String PENDING = "PENDING";

    static final String ALLOCATED = "ALLOCATED";
    static final String SHORT = "SHORT";
    static final String SHIPPED = "SHIPPED";
    static final String RELEASED = "RELEASED";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    OrderAllocations(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** An order's allocation state, and where an order in 引当待ち goes once allocated. */
    record State(String state, String resumeStatus) {}

    /** The order's allocation state, or empty when it has none (never allocated). */
    Optional<String> state(long orderId) {
        return jdbc.sql("select state from order_allocation where order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional();
    }

    Map<Long, State> states(Collection<Long> orderIds) {
        Map<Long, State> states = new HashMap<>();
        jdbc.sql("select order_id, state, resume_status from order_allocation where order_id = any (?)")
                .param(orderIds.toArray(Long[]::new))
                .query(rs -> {
                    states.put(rs.getLong(1), new State(rs.getString(2), rs.getString(3)));
                });
        return states;
    }

    void setState(long orderId, String state, String resumeStatus) {
        // the status to resume stays until a new one is known: a held order may come back to 引当待ち later
        jdbc.sql("update order_allocation set state = ?, resume_status = coalesce(?, resume_status),"
                        + " updated_at = now() where order_id = ?")
                .params(state, resumeStatus, orderId)
                .update();
    }

    List<AllocationLine> lines(long orderId) {
        return jdbc.sql("select delivery_id, line_no, product_id, quantity, allocated from order_allocation_line"
                        + " where order_id = ? order by delivery_id, line_no, product_id")
                .param(orderId)
                .query(AllocationLine.class)
                .list();
    }

    /** One row of {@link #insertLines}. */
    static Object[] row(long orderId, AllocationLine l) {
        return new Object[] {orderId, l.deliveryId(), l.lineNo(), l.productId(), l.quantity(), l.allocated()};
    }

    /** Writes these lines' rows (made by {@link #row}) in one batch, and empties the list when it can. */
    void insertLines(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        CopyRows.into(
                jdbcTemplate,
                "order_allocation_line",
                List.of("order_id", "delivery_id", "line_no", "product_id", "quantity", "allocated"),
                rows);
        if (rows instanceof ArrayList<Object[]> list) {
            list.clear();
        }
    }
}
