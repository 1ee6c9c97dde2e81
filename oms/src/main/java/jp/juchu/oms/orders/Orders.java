package jp.juchu.oms.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OMS's orders (受注), the module's door for other modules: orders coming in from a shop, a CSV file or by hand
 * ({@link OrderIntake}), reads for the pages, alerts, and deleting orders ({@link OrderDeletion}). An order's
 * workflow status changes only through {@link OrderWorkflow}.
 */
@Service
public class Orders {

    static final String SYSTEM_ACTOR = "システム (自動取込)";

    private final JdbcClient jdbc;
    private final OrderIntake intake;
    private final StoredOrders storedOrders;
    private final OrderDeletion deletion;
    private final OrderNotes notes;

    Orders(JdbcClient jdbc, OrderIntake intake, StoredOrders storedOrders, OrderDeletion deletion, OrderNotes notes) {
        this.jdbc = jdbc;
        this.intake = intake;
        this.storedOrders = storedOrders;
        this.deletion = deletion;
        this.notes = notes;
    }

    /**
     * Applies one page of a shop's orders in the caller's transaction: new orders are written in batches (in the
     * status the workflow gives a new order), changed ones one by one, unchanged ones not at all.
     */
    @Transactional
    public Map<String, ShopChange> applyFromShop(long connectionId, List<IncomingOrder> page) {
        return intake.applyFromShop(connectionId, page);
    }

    /** The stored content hash of each of these orders that the OMS already has. */
    public Map<String, String> contentHashes(long connectionId, Collection<String> serialCodes) {
        return storedOrders.contentHashes(connectionId, serialCodes);
    }

    /** When the shop last changed each of these orders, as the OMS last imported them. */
    public Map<String, Instant> shopUpdatedAt(long connectionId, Collection<String> serialCodes) {
        return storedOrders.shopUpdatedAt(connectionId, serialCodes);
    }

    /**
     * Records an order a person entered (受注登録: phone, fax, shop floor) in the channel given (the own channel
     * {@link jp.juchu.oms.malls.Mall#MANUAL}), the way an imported order is recorded, so that everything downstream
     * treats it alike.
     *
     * @return the new order's id
     * @throws IllegalStateException when an order with this serial code exists
     */
    @Transactional
    public long register(long channelId, IncomingOrder order, String actor) {
        return intake.register(channelId, order, actor);
    }

    /**
     * How many orders were placed from {@code from} to {@code to} (days in Asia/Tokyo, inclusive) at one mall
     * connection, or at all when {@code connectionId} is null.
     */
    public long countOrdered(Long connectionId, LocalDate from, LocalDate to) {
        return deletion.countOrdered(connectionId, from, to);
    }

    /**
     * Deletes the orders {@link #countOrdered} counts, with their shipments, items and history, and publishes
     * {@link OrdersDeleted} in the same transaction so that other modules delete their rows about them too.
     *
     * @return how many orders were deleted
     */
    @Transactional
    public long deleteOrdered(Long connectionId, LocalDate from, LocalDate to, String actor) {
        return deletion.deleteOrdered(connectionId, from, to, actor);
    }

    /**
     * Deletes every order and publishes {@link OrderDataReset} in the same transaction, so that every module
     * empties its order-related data too.
     *
     * @return how many orders were deleted
     */
    @Transactional
    public long deleteAll(String actor) {
        return deletion.deleteAll(actor);
    }

    /** A workflow status (受注ステータス) as the merchant names it. */
    public record WorkflowStatus(String code, String name) {}

    public List<WorkflowStatus> statuses() {
        return jdbc.sql("select code, name from workflow_status order by position")
                .query(WorkflowStatus.class)
                .list();
    }

    /**
     * The ids of the orders placed from {@code from} to {@code to} (days in Asia/Tokyo, inclusive), in a
     * workflow status when given, oldest first.
     */
    public List<Long> ids(LocalDate from, LocalDate to, String workflowStatus, int limit) {
        return jdbc.sql("select id from oms_order where (ordered_at at time zone 'Asia/Tokyo')::date between ? and ?"
                        + " and (cast(? as varchar) is null or workflow_status = ?) order by ordered_at, id limit ?")
                .params(from, to, workflowStatus, workflowStatus, limit)
                .query(Long.class)
                .list();
    }

    /** Which of these orders are in one of the workflow statuses now. */
    public Set<Long> inStatuses(Collection<Long> ids, Collection<String> workflowStatuses) {
        if (ids.isEmpty() || workflowStatuses.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from oms_order where id = any (?) and workflow_status = any (?)")
                .params(ids.toArray(Long[]::new), workflowStatuses.toArray(String[]::new))
                .query(Long.class)
                .list());
    }

    /** The ids of the orders in a workflow status (e.g. READY_TO_SHIP, 出荷待ち), oldest first. */
    public List<Long> inStatus(String workflowStatus, int limit) {
        return jdbc.sql("select id from oms_order where workflow_status = ? order by ordered_at, id limit ?")
                .params(workflowStatus, limit)
                .query(Long.class)
                .list();
    }

    public Optional<OrderDetail> detail(long id) {
        return OrderQueries.detail(jdbc, id);
    }

    /**
     * The orders' own fields (buyer, amounts, states) in one read, for modules that need no more: shipments and
     * history are empty and the payload is null.
     */
    public List<OrderDetail> headers(Collection<Long> ids) {
        return OrderQueries.headers(jdbc, ids);
    }

    /** The orders' buyers, in id order (a third of the time of their {@link #headers}: fourteen columns, no join). */
    public List<OrderBuyer> buyers(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, connection_id, order_number, ordered_at, total, shop_order_status = 'Cancelled',
                               buyer_name, buyer_kana, buyer_email, buyer_phone, buyer_postal_code, buyer_prefecture,
                               buyer_address1, buyer_address2
                        from oms_order where id = any (?) order by id
                        """)
                .param(ids.toArray(Long[]::new))
                .query((rs, row) -> new OrderBuyer(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class),
                        rs.getLong(5),
                        rs.getBoolean(6),
                        new ShopOrder.Buyer(
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(10),
                                rs.getString(11),
                                rs.getString(12),
                                rs.getString(13),
                                rs.getString(14),
                                null)))
                .list();
    }

    /** The orders with their shipments and lines (no history, no payload), in a few reads whatever their number. */
    public List<OrderDetail> withLines(Collection<Long> ids) {
        return OrderQueries.withLines(jdbc, ids);
    }

    /** The tags (タグ) of these orders; an order without tags is left out. */
    public Map<Long, List<String>> tags(Collection<Long> ids) {
        Map<Long, List<String>> tags = new java.util.HashMap<>();
        jdbc.sql("select id, tags from oms_order where id = any (?) and cardinality(tags) > 0")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    tags.put(rs.getLong(1), List.of((String[]) rs.getArray(2).getArray()));
                });
        return tags;
    }

    /** The shipping names the shops gave these orders' shipments (配送方法 as imported), in delivery order. */
    public Map<Long, List<String>> shopCarriers(Collection<Long> ids) {
        Map<Long, List<String>> carriers = new java.util.HashMap<>();
        jdbc.sql("select order_id, shop_carrier from shipment where order_id = any (?) and shop_carrier is not null"
                        + " order by order_id, delivery_id")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    carriers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return carriers;
    }

    /**
     * Carries out changes to many orders' notes — tags, internal memo (社内メモ), alert (要確認) — at once, each order's
     * changes in the order given, under the bounds {@link NoteChange} names: the orders are locked and read once,
     * written in one statement and their history rows in one. A refused change leaves the order as it was and the
     * later changes go on.
     *
     * @return what became of each change, in the order given
     */
    @Transactional
    public List<NoteChange.Result> changeNotes(List<NoteChange> changes) {
        return notes.apply(changes);
    }

    /**
     * Adds and removes tags on an order (a tag is at most 30 characters; an order keeps at most 20; blank tags are
     * ignored).
     *
     * @throws IllegalArgumentException with the bound in Japanese when the change would pass one, or the order does
     *     not exist
     */
    @Transactional
    public void changeTags(long orderId, Collection<String> add, Collection<String> remove, String actor) {
        NoteChange.Result result = notes.apply(
                        List.of(new NoteChange.Tags(orderId, List.copyOf(add), List.copyOf(remove), actor)))
                .get(0);
        if (result.refusal() != null && result.refusal() != NoteChange.Refusal.BLANK_TAG) {
            throw new IllegalArgumentException(result.refusal().message());
        }
    }

    /**
     * Appends a line (cut to 1000 characters) to the order's internal memo (社内メモ) and records it in its history,
     * unless the memo would pass {@link OrderLimits#MEMO} characters (the edit form's bound, so the order stays
     * editable).
     *
     * @return false when the order does not exist or the memo has no room for the line
     */
    @Transactional
    public boolean appendMemo(long orderId, String text, String actor) {
        return notes.apply(List.of(new NoteChange.Memo(orderId, text, actor)))
                .get(0)
                .done();
    }

    /** A page of the order list: a status tab and filters, newest first. */
    public OrderList list(OrderFilter filter, int page, int size) {
        return OrderQueries.list(jdbc, filter, page, size);
    }

    /** How many orders each workflow status holds (for the tabs with live counts). */
    public Map<String, Long> statusCounts() {
        return OrderQueries.statusCounts(jdbc);
    }

    /**
     * Appends a line to an order's alert (要確認) and records it in the order's history; alert text already on
     * the order stays. For other modules that learn something the merchant must check before shipping (e.g. a
     * blacklisted customer).
     *
     * @return false when the order does not exist
     */
    @Transactional
    public boolean raiseAlert(long orderId, String text, String actor) {
        return notes.apply(List.of(new NoteChange.Alert(orderId, text, actor)))
                .get(0)
                .done();
    }

    /**
     * {@link #raiseAlert} for many orders at once, by one actor (see {@link #changeNotes}).
     *
     * @param texts the line to append, by order id
     */
    @Transactional
    public void raiseAlerts(Map<Long, String> texts, String actor) {
        List<NoteChange> changes = new ArrayList<>();
        texts.forEach((id, line) -> changes.add(new NoteChange.Alert(id, line, actor)));
        notes.apply(changes);
    }

    /**
     * Takes the lines starting with {@code prefix} off an order's alert (要確認), leaving its other lines, and records
     * it in the order's history. For a module whose own alert (e.g. 未登録商品) no longer applies.
     *
     * @return false when the order does not exist or had no such line
     */
    @Transactional
    public boolean clearAlert(long orderId, String prefix, String actor) {
        int updated = jdbc.sql("update oms_order set alert = nullif(array_to_string(array("
                        + "select l from regexp_split_to_table(alert, chr(10)) with ordinality as t(l, n)"
                        + " where not starts_with(l, ?) order by n), chr(10)), ''),"
                        + " version = version + 1, updated_at = now()"
                        + " where id = ? and exists (select 1 from regexp_split_to_table(alert, chr(10)) l"
                        + " where starts_with(l, ?))")
                .params(prefix, orderId, prefix)
                .update();
        if (updated > 0) {
            jdbc.sql(INSERT_HISTORY)
                    .params(orderId, "ALERT_CLEARED", actor, "アラートを解除: " + prefix)
                    .update();
        }
        return updated > 0;
    }

    /** One item line of an order, as other modules need it: which shop item, how many, when ordered. */
    public record OrderLine(
            long orderId,
            long connectionId,
            String itemCode,
            String variation,
            String name,
            long unitPrice,
            int quantity,
            java.time.OffsetDateTime orderedAt) {}

    /** The item lines of these orders (variation blank when the item has none), in order and line order. */
    public List<OrderLine> lines(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select o.id as order_id, o.connection_id, i.item_code, coalesce(trim(i.variation), '')"
                        + " as variation, i.name, i.unit_price, i.quantity, o.ordered_at from oms_order o"
                        + " join shipment s on s.order_id = o.id join order_item i on i.shipment_id = s.id"
                        + " where o.id = any(?) order by o.id, s.delivery_id, i.line_no")
                .param(orderIds.toArray(Long[]::new))
                // mapped by hand: a page of imported orders has thousands of lines, and the record mapper's
                // conversions per column were a visible share of the listeners' time
                .query((rs, row) -> new OrderLine(
                        rs.getLong("order_id"),
                        rs.getLong("connection_id"),
                        rs.getString("item_code"),
                        rs.getString("variation"),
                        rs.getString("name"),
                        rs.getLong("unit_price"),
                        rs.getInt("quantity"),
                        rs.getObject("ordered_at", java.time.OffsetDateTime.class)))
                .list();
    }

    /**
     * A shop item in some orders' lines (variation blank when it has none): how many lines name it, the name and unit
     * price of the first of them (in order, delivery and line order), and when the latest of those orders was placed.
     */
    public record ItemOrdered(
            long connectionId,
            String itemCode,
            String variation,
            String name,
            long unitPrice,
            long lines,
            java.time.OffsetDateTime lastOrderedAt) {}

    /**
     * The shop items of these orders' lines, one row each, in item code and variation order: what a page of new
     * orders adds to the items seen, without reading every line into the JVM.
     */
    public List<ItemOrdered> itemsOrdered(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select o.connection_id, i.item_code, coalesce(trim(i.variation), '') as variation,
                               (array_agg(i.name order by o.id, s.delivery_id, i.line_no))[1] as name,
                               (array_agg(i.unit_price order by o.id, s.delivery_id, i.line_no))[1] as unit_price,
                               count(*) as lines, max(o.ordered_at) as last_ordered_at
                        """ + LINES_OF_ORDERS + " group by 1, 2, 3 order by 2, 3, 1")
                .param(orderIds.toArray(Long[]::new))
                .query((rs, row) -> new ItemOrdered(
                        rs.getLong("connection_id"),
                        rs.getString("item_code"),
                        rs.getString("variation"),
                        rs.getString("name"),
                        rs.getLong("unit_price"),
                        rs.getLong("lines"),
                        rs.getObject("last_ordered_at", java.time.OffsetDateTime.class)))
                .list();
    }

    /** A shop item some orders sold (variation blank when it has none). */
    public record ItemSold(long connectionId, String itemCode, String variation) {}

    /**
     * The shop items of these orders' lines, each once, without names, prices or counts: what orders that arrived
     * settled at their shop took from its quantity (about a seventh of the time of {@link #itemsOrdered} in an
     * import, docs/benchmarks.md, ninth).
     */
    public List<ItemSold> itemsSold(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct o.connection_id, i.item_code, coalesce(trim(i.variation), '')"
                        + LINES_OF_ORDERS + " order by 2, 3, 1")
                .param(orderIds.toArray(Long[]::new))
                .query((rs, row) -> new ItemSold(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The lines of the orders given as the one parameter, with their orders ({@code o}) and shipments ({@code s}). */
    private static final String LINES_OF_ORDERS = """

            from oms_order o join shipment s on s.order_id = o.id join order_item i on i.shipment_id = s.id
            where o.id = any (?)""";

    /** The ids of all orders after {@code afterId}, in id order: for walking every order in batches. */
    public List<Long> idsAfter(long afterId, int limit) {
        return jdbc.sql("select id from oms_order where id > ? order by id limit ?")
                .params(afterId, limit)
                .query(Long.class)
                .list();
    }

    /** How many orders the OMS holds (from the status tally: cheap at any size). */
    public long count() {
        return OrderQueries.statusCounts(jdbc).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** When each of these orders first reached the OMS (imported, read from CSV or entered by hand). */
    public Map<Long, Instant> importedAt(Collection<Long> ids) {
        Map<Long, Instant> at = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, imported_at from oms_order where id = any (?)")
                    .param(ids.toArray(Long[]::new))
                    .query(rs -> {
                        at.put(
                                rs.getLong(1),
                                rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
                    });
        }
        return at;
    }

    /**
     * The carrier of each of an order's shipments (by delivery id): the one the merchant's slip or tracking number
     * gave it, else the shop's; absent when neither is known. Codes as stored ({@code YAMATO}, or the shop's name).
     */
    public Map<Integer, String> shipmentCarriers(long orderId) {
        Map<Integer, String> carriers = new java.util.TreeMap<>();
        jdbc.sql("select delivery_id, coalesce(carrier, shop_carrier) from shipment where order_id = ?"
                        + " and coalesce(carrier, shop_carrier) is not null")
                .param(orderId)
                .query(rs -> {
                    carriers.put(rs.getInt(1), rs.getString(2));
                });
        return carriers;
    }

    /** Writes a line to the order's history (受注履歴), for what another module did to it (e.g. 同梱). */
    public void recordHistory(long orderId, String kind, String actor, String summary) {
        jdbc.sql(INSERT_HISTORY).params(orderId, kind, actor, summary).update();
    }

    static final String INSERT_HISTORY =
            "insert into order_history (order_id, kind, actor, summary) values (?, ?, ?, ?)";
}
