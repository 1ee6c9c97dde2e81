package jp.juchu.oms.orders;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Orders' lines as the stock reads them to allocate (引当), many orders in one query: each order with its status and
 * the lines of each of its shipments.
 */
@Service
public class OrderLines {

    /** An order, oldest first by {@code orderedAt}, and its lines. */
    public record Order(
            long id,
            long connectionId,
            String orderNumber,
            OffsetDateTime orderedAt,
            String status,
            List<Line> lines) {}

    /** One line of one shipment (お届け先) of an order. */
    public record Line(int deliveryId, int lineNo, String itemCode, String variation, int quantity) {}

    /** An order as allocation marks it on import: when it was placed and its status, without its lines. */
    public record Header(long id, long connectionId, OffsetDateTime orderedAt, String status) {}

    private final JdbcClient jdbc;

    OrderLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * These orders (those that exist), oldest first, each with its lines.
     *
     * @param lock lock the orders' rows (in id order) for the caller's transaction, as the workflow does
     */
    public List<Order> of(Collection<Long> orderIds, boolean lock) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = orderIds.stream().distinct().sorted().toArray(Long[]::new);
        if (lock) {
            // the lock an update takes, as the workflow's (StatusWrites.lockedStates)
            jdbc.sql("select id from oms_order where id = any (?) order by id for no key update")
                    .param(ids)
                    .query(Long.class)
                    .list();
        }
        Map<Long, Order> orders = new LinkedHashMap<>();
        jdbc.sql("""
                        select o.id, o.connection_id, o.order_number, o.ordered_at, o.workflow_status,
                               s.delivery_id, i.line_no, i.item_code, i.variation, i.quantity
                        from oms_order o
                        left join shipment s on s.order_id = o.id
                        left join order_item i on i.shipment_id = s.id
                        where o.id = any (?)
                        order by o.ordered_at, o.id, s.delivery_id, i.line_no
                        """).param(ids).query(rs -> {
            long id = rs.getLong("id");
            Order order = orders.get(id);
            if (order == null) {
                order = new Order(
                        id,
                        rs.getLong("connection_id"),
                        rs.getString("order_number"),
                        rs.getObject("ordered_at", OffsetDateTime.class),
                        rs.getString("workflow_status"),
                        new ArrayList<>());
                orders.put(id, order);
            }
            String itemCode = rs.getString("item_code");
            if (itemCode != null) {
                order.lines()
                        .add(new Line(
                                rs.getInt("delivery_id"),
                                rs.getInt("line_no"),
                                itemCode,
                                rs.getString("variation"),
                                rs.getInt("quantity")));
            }
        });
        return List.copyOf(orders.values());
    }

    /** These orders (those that exist), oldest first, without their lines. */
    public List<Header> headers(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, connection_id, ordered_at, workflow_status from oms_order where id = any (?)"
                        + " order by ordered_at, id")
                .param(orderIds.stream().distinct().toArray(Long[]::new))
                .query((rs, row) -> new Header(
                        rs.getLong("id"),
                        rs.getLong("connection_id"),
                        rs.getObject("ordered_at", OffsetDateTime.class),
                        rs.getString("workflow_status")))
                .list();
    }
}
