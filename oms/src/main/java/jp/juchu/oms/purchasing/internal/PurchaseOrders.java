package jp.juchu.oms.purchasing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Purchase orders as rows: loading one (locked for a change), saving it, the lists and the open quantities. */
@Repository
public class PurchaseOrders {

    public static final int PAGE_SIZE = 50;

    /** A purchase order as the lists show it. */
    public record Summary(
            long id,
            String number,
            String supplierCode,
            String supplierName,
            PurchaseOrderStatus status,
            LocalDate orderedOn,
            LocalDate dueOn,
            int lines,
            long ordered,
            long remaining,
            long total,
            OffsetDateTime sentAt) {

        public boolean overdue(LocalDate today) {
            return status.inbound() && dueOn.isBefore(today);
        }
    }

    /** When and by whom the purchase order was e-mailed, and to where. */
    public record Sending(OffsetDateTime sentAt, String sentBy, String sentTo) {}

    private final JdbcClient jdbc;

    PurchaseOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PurchaseOrder> find(long id) {
        return load(id, false);
    }

    /** The purchase order with its row locked for the caller's transaction. */
    Optional<PurchaseOrder> lock(long id) {
        return load(id, true);
    }

    private Optional<PurchaseOrder> load(long id, boolean forUpdate) {
        return jdbc.sql("select id, number, supplier_id, status, ordered_on, due_on, note, close_reason"
                        + " from purchase_order where id = ?" + (forUpdate ? " for update" : ""))
                .param(id)
                .query((rs, n) -> new PurchaseOrder(
                        rs.getLong("id"),
                        rs.getString("number"),
                        rs.getLong("supplier_id"),
                        PurchaseOrderStatus.valueOf(rs.getString("status")),
                        rs.getObject("ordered_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getString("note"),
                        rs.getString("close_reason"),
                        lines(id)))
                .optional();
    }

    public Optional<Long> idOf(String number) {
        return jdbc.sql("select id from purchase_order where number = ?")
                .param(number)
                .query(Long.class)
                .optional();
    }

    List<PurchaseOrder.Line> lines(long orderId) {
        return jdbc.sql("select l.id, l.product_id, p.code, p.name, l.quantity, l.unit_price, l.received"
                        + " from purchase_order_line l join product p on p.id = l.product_id"
                        + " where l.purchase_order_id = ? order by l.line_no")
                .param(orderId)
                .query(PurchaseOrder.Line.class)
                .list();
    }

    /** A new draft with its lines (already checked); returns its id. */
    long insert(long supplierId, LocalDate dueOn, String note, List<PurchaseOrder.Line> lines, String actor) {
        PurchaseOrder.checkLines(lines);
        long seq = jdbc.sql("select nextval('purchase_order_number_seq')")
                .query(Long.class)
                .single();
        long id = jdbc.sql("insert into purchase_order (number, supplier_id, due_on, note, created_by)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(String.format("PO-%06d", seq), supplierId, dueOn, note, actor)
                .query(Long.class)
                .single();
        int no = 1;
        for (PurchaseOrder.Line l : lines) {
            jdbc.sql("insert into purchase_order_line (purchase_order_id, line_no, product_id, quantity, unit_price)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(id, no++, l.productId(), l.quantity(), l.unitPrice())
                    .update();
        }
        return id;
    }

    /** Writes the purchase order's state and lines back (lines gone from it are deleted). */
    void save(PurchaseOrder po) {
        jdbc.sql("update purchase_order set status = ?, ordered_on = ?, due_on = ?, note = ?, close_reason = ?,"
                        + " updated_at = now() where id = ?")
                .params(po.status().name(), po.orderedOn(), po.dueOn(), po.note(), po.closeReason(), po.id())
                .update();
        Set<Long> kept = new HashSet<>();
        po.lines().stream().filter(l -> l.id() != null).forEach(l -> kept.add(l.id()));
        jdbc.sql("delete from purchase_order_line where purchase_order_id = ? and not (id = any (?))")
                .params(po.id(), kept.toArray(Long[]::new))
                .update();
        // line numbers: move the kept ones out of the way first, so a new order of lines never collides
        jdbc.sql("update purchase_order_line set line_no = line_no + 100000 where purchase_order_id = ?")
                .param(po.id())
                .update();
        int no = 1;
        for (PurchaseOrder.Line l : po.lines()) {
            if (l.id() == null) {
                jdbc.sql("insert into purchase_order_line (purchase_order_id, line_no, product_id, quantity,"
                                + " unit_price, received) values (?, ?, ?, ?, ?, ?)")
                        .params(po.id(), no, l.productId(), l.quantity(), l.unitPrice(), l.received())
                        .update();
            } else {
                jdbc.sql("update purchase_order_line set line_no = ?, quantity = ?, unit_price = ?, received = ?"
                                + " where id = ? and purchase_order_id = ?")
                        .params(no, l.quantity(), l.unitPrice(), l.received(), l.id(), po.id())
                        .update();
            }
            no++;
        }
    }

    void recordSending(long id, String actor, String to) {
        jdbc.sql("update purchase_order set sent_at = now(), sent_by = ?, sent_to = ?, updated_at = now() where id = ?")
                .params(actor, to, id)
                .update();
    }

    public Optional<Sending> sending(long id) {
        return jdbc.sql("select sent_at, sent_by, sent_to from purchase_order where id = ? and sent_at is not null")
                .param(id)
                .query(Sending.class)
                .optional();
    }

    /** Per SKU: the quantity still to come on open purchase orders (drafts too), whatever their due dates. */
    public Map<Long, Long> openQuantities(Collection<Long> productIds, boolean orderedOnly) {
        Map<Long, Long> open = new java.util.HashMap<>();
        jdbc.sql("select l.product_id, sum(greatest(l.quantity - l.received, 0)) from purchase_order_line l"
                        + " join purchase_order o on o.id = l.purchase_order_id"
                        + " where l.product_id = any (?) and o.status in ("
                        + (orderedOnly ? "'ORDERED', 'PARTIAL'" : "'DRAFT', 'ORDERED', 'PARTIAL'")
                        + ") group by l.product_id")
                .param(productIds.toArray(Long[]::new))
                .query(rs -> {
                    open.put(rs.getLong(1), rs.getLong(2));
                });
        return open;
    }

    /** The list: newest first, optionally one status, one supplier, or a number/SKU code search. */
    public List<Summary> list(PurchaseOrderStatus status, Long supplierId, String q, boolean openOnly, int page) {
        String like = q == null || q.isBlank()
                ? null
                : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(SUMMARY + """
                         where (cast(? as text) is null or o.status = ?)
                           and (cast(? as bigint) is null or o.supplier_id = ?)
                           and (not ? or o.status in ('ORDERED', 'PARTIAL'))
                           and (cast(? as text) is null or o.number ilike ? or exists (
                               select 1 from purchase_order_line x join product p on p.id = x.product_id
                               where x.purchase_order_id = o.id and p.code ilike ?))
                         group by o.id, s.code, s.name
                        """ + (openOnly ? " order by o.due_on, o.id" : " order by o.id desc")
                        + " limit ? offset ?")
                .params(
                        status == null ? null : status.name(),
                        status == null ? null : status.name(),
                        supplierId,
                        supplierId,
                        openOnly,
                        like,
                        like,
                        like,
                        PAGE_SIZE + 1,
                        page * PAGE_SIZE)
                .query(PurchaseOrders::summary)
                .list();
    }

    private static final String SUMMARY = """
            select o.id, o.number, s.code as supplier_code, s.name as supplier_name, o.status, o.ordered_on, o.due_on,
                   count(l.id) as lines, coalesce(sum(l.quantity), 0) as ordered,
                   coalesce(sum(greatest(l.quantity - l.received, 0)), 0) as remaining,
                   coalesce(sum(l.quantity * l.unit_price), 0) as total, o.sent_at
            from purchase_order o join supplier s on s.id = o.supplier_id
            left join purchase_order_line l on l.purchase_order_id = o.id
            """;

    private static Summary summary(ResultSet rs, int n) throws SQLException {
        return new Summary(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getString("supplier_code"),
                rs.getString("supplier_name"),
                PurchaseOrderStatus.valueOf(rs.getString("status")),
                rs.getObject("ordered_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                rs.getInt("lines"),
                rs.getLong("ordered"),
                rs.getLong("remaining"),
                rs.getLong("total"),
                rs.getObject("sent_at", OffsetDateTime.class));
    }

    /** The SKUs of a purchase order's lines. */
    static List<Long> products(PurchaseOrder po) {
        List<Long> ids = new ArrayList<>();
        po.lines().forEach(l -> ids.add(l.productId()));
        return ids;
    }
}
