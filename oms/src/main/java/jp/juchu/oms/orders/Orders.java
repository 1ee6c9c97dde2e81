package jp.juchu.oms.orders;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OMS's orders (受注). Applying what a shop sent creates the order, changes the fields the shop owns
 * (and records what changed), or leaves an unchanged order alone; the merchant's own work on an order —
 * workflow status, memo, shipping assignment — is never overwritten. A change that arrives after shipping
 * started puts an alert on the order instead of passing silently.
 */
@Service
public class Orders {

    static final String SYSTEM_ACTOR = "システム (自動取込)";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final MallConnections channels;
    private final JsonMapper json = JsonMapper.builder().build();

    Orders(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            ApplicationEventPublisher events,
            AuditLog audit,
            MallConnections channels) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
        this.audit = audit;
        this.channels = channels;
    }

    /**
     * Applies one page of a shop's orders in the caller's transaction: new orders are written in
     * batches, changed ones one by one, unchanged ones not at all.
     */
    @Transactional
    public Map<String, ShopChange> applyFromShop(long connectionId, List<IncomingOrder> page) {
        Map<String, Stored> stored = stored(
                connectionId, page.stream().map(o -> o.order().serialCode()).toList());
        Map<String, ShopChange> results = new LinkedHashMap<>();
        List<IncomingOrder> created = new ArrayList<>();
        for (IncomingOrder incoming : page) {
            String serial = incoming.order().serialCode();
            Stored existing = stored.get(serial);
            if (existing == null) {
                created.add(incoming);
                results.put(serial, ShopChange.CREATED);
            } else if (existing.contentHash().equals(incoming.contentHash())) {
                results.put(serial, ShopChange.UNCHANGED);
            } else {
                update(connectionId, existing, incoming);
                results.put(serial, ShopChange.UPDATED);
            }
        }
        insert(connectionId, created, SYSTEM_ACTOR);
        return results;
    }

    /** The stored content hash of each of these orders that the OMS already has. */
    public Map<String, String> contentHashes(long connectionId, Collection<String> serialCodes) {
        Map<String, String> hashes = new HashMap<>();
        if (serialCodes.isEmpty()) {
            return hashes;
        }
        jdbc.sql("select serial_code, content_hash from oms_order where connection_id = ? and serial_code = any (?)")
                .params(connectionId, serialCodes.toArray(String[]::new))
                .query(rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        return hashes;
    }

    /** When the shop last changed each of these orders, as the OMS last imported them. */
    public Map<String, Instant> shopUpdatedAt(long connectionId, Collection<String> serialCodes) {
        Map<String, Instant> updated = new HashMap<>();
        if (serialCodes.isEmpty()) {
            return updated;
        }
        jdbc.sql("select serial_code, shop_updated_at from oms_order where connection_id = ? and serial_code = any (?)")
                .params(connectionId, serialCodes.toArray(String[]::new))
                .query(rs -> {
                    updated.put(
                            rs.getString(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MICROS));
                });
        return updated;
    }

    /** A workflow status (受注ステータス) as the merchant names it. */
    public record WorkflowStatus(String code, String name) {}

    public List<WorkflowStatus> statuses() {
        return jdbc.sql("select code, name from workflow_status order by position")
                .query(WorkflowStatus.class)
                .list();
    }

    /**
     * Moves one order to a workflow status. An order the shop says is unpaid (other than cash on delivery)
     * moves to 出荷待ち only with an explicit override, which the history records; a cancelled order (キャンセル) is
     * restored only by an admin.
     *
     * @throws IllegalStateException when a guard refuses the move
     */
    @Transactional
    public void changeStatus(long orderId, String workflowStatus, boolean override, String actor, boolean admin) {
        OrderDetail order = detail(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        String name = statusName(workflowStatus);
        boolean unpaid = "Unpaid".equals(order.shopPaymentStatus()) && !"CashOnDelivery".equals(order.paymentMethod());
        if ("READY_TO_SHIP".equals(workflowStatus) && unpaid && !override) {
            throw new IllegalStateException("入金が確認できていない受注です。出荷待ちにするには「入金前に出荷する」を選んでください");
        }
        if ("CANCELLED".equals(order.workflowStatus()) && !"CANCELLED".equals(workflowStatus) && !admin) {
            throw new IllegalStateException("キャンセルした受注を戻せるのは管理者だけです");
        }
        String why = "ステータス: " + order.workflowStatusName() + " → " + name + (unpaid && override ? " (入金前の出荷を承認)" : "");
        moveTo(List.of(orderId), workflowStatus, actor, why);
        audit.record(actor, "ORDER_STATUS_CHANGED", "order:" + order.orderNumber(), why);
    }

    /** {@link #changeStatus(long, String, boolean, String, boolean)} for someone who is not an admin. */
    public void changeStatus(long orderId, String workflowStatus, boolean override, String actor) {
        changeStatus(orderId, workflowStatus, override, actor, false);
    }

    /** Puts orders on hold (保留) with the reason, which the list shows and the history records. */
    @Transactional
    public void hold(Collection<Long> orderIds, String reason, String actor) {
        String clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new IllegalArgumentException("保留の理由を1〜200文字で入力してください");
        }
        for (Long id : orderIds) {
            Optional<String> held = jdbc.sql("update oms_order set workflow_status = 'ON_HOLD', hold_reason = ?,"
                            + " version = version + 1, updated_at = now() where id = ? returning order_number")
                    .params(clean, id)
                    .query(String.class)
                    .optional();
            if (held.isPresent()) {
                jdbc.sql(INSERT_HISTORY)
                        .params(id, "STATUS", actor, "ステータス: 保留 (理由: " + clean + ")")
                        .update();
                audit.record(actor, "ORDER_HELD", "order:" + held.get(), clean);
            }
        }
    }

    private String statusName(String workflowStatus) {
        return statuses().stream()
                .filter(s -> s.code().equals(workflowStatus))
                .map(WorkflowStatus::name)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no status " + workflowStatus));
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

    /** The ids of the orders in a workflow status (e.g. READY_TO_SHIP, 出荷待ち), oldest first. */
    public List<Long> inStatus(String workflowStatus, int limit) {
        return jdbc.sql("select id from oms_order where workflow_status = ? order by ordered_at, id limit ?")
                .params(workflowStatus, limit)
                .query(Long.class)
                .list();
    }

    /** Moves orders to a workflow status, with a history entry each (e.g. 印刷済み after a slip export). */
    @Transactional
    public void moveTo(Collection<Long> orderIds, String workflowStatus, String actor, String why) {
        for (Long id : orderIds) {
            int moved = jdbc.sql("update oms_order set workflow_status = ?, hold_reason = null,"
                            + " version = version + 1, updated_at = now() where id = ? and workflow_status <> ?")
                    .params(workflowStatus, id, workflowStatus)
                    .update();
            if (moved > 0) {
                jdbc.sql(INSERT_HISTORY).params(id, "STATUS", actor, why).update();
            }
        }
    }

    /**
     * Records the tracking number a carrier gave one shipment of an order. When every shipment of the order
     * has one, the order moves to 出荷済み (SHIPPED).
     *
     * @return whether the order is now shipped in full; empty when the order or delivery does not exist
     */
    @Transactional
    public Optional<Boolean> recordTracking(
            long orderId, int deliveryId, String carrier, String trackingNumber, LocalDate shippedDate, String actor) {
        int updated = jdbc.sql("update shipment set carrier = ?, tracking_number = ?, shipped_date = ?"
                        + " where order_id = ? and delivery_id = ?")
                .params(carrier, trackingNumber, shippedDate, orderId, deliveryId)
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        jdbc.sql(INSERT_HISTORY)
                .params(
                        orderId,
                        "SHIPPING",
                        actor,
                        "お届け先" + deliveryId + " の伝票番号 " + trackingNumber + " (" + carrier + ")")
                .update();
        boolean complete = jdbc.sql("select not exists (select 1 from shipment where order_id = ?"
                        + " and coalesce(tracking_number, shop_tracking_number) is null)")
                .param(orderId)
                .query(Boolean.class)
                .single();
        if (complete) {
            moveTo(List.of(orderId), "SHIPPED", actor, "ステータス: 出荷済み (伝票番号の取込)");
        }
        return Optional.of(complete);
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
        int updated = jdbc.sql("update oms_order set alert = case when coalesce(alert, '') = '' then ?"
                        + " else alert || chr(10) || ? end, version = version + 1, updated_at = now() where id = ?")
                .params(text, text, orderId)
                .update();
        if (updated > 0) {
            jdbc.sql(INSERT_HISTORY).params(orderId, "ALERT", actor, text).update();
        }
        return updated > 0;
    }

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

    private record Stored(
            long id,
            String contentHash,
            String workflowStatus,
            String orderStatus,
            String paymentStatus,
            String shippingStatus,
            long total,
            String buyerAddress,
            boolean shippingAssigned) {}

    private Map<String, Stored> stored(long connectionId, Collection<String> serialCodes) {
        if (serialCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql("""
                        select o.serial_code, o.id, o.content_hash, o.workflow_status, o.shop_order_status,
                               o.shop_payment_status, o.shop_shipping_status, o.total,
                               concat_ws(' ', o.buyer_postal_code, o.buyer_prefecture, o.buyer_address1, o.buyer_address2) as address,
                               exists (select 1 from shipment s where s.order_id = o.id and s.tracking_number is not null) as assigned
                        from oms_order o
                        where o.connection_id = ? and o.serial_code = any (?)
                        for update
                        """).params(connectionId, serialCodes.toArray(String[]::new)).query(rs -> {
            stored.put(
                    rs.getString("serial_code"),
                    new Stored(
                            rs.getLong("id"),
                            rs.getString("content_hash"),
                            rs.getString("workflow_status"),
                            rs.getString("shop_order_status"),
                            rs.getString("shop_payment_status"),
                            rs.getString("shop_shipping_status"),
                            rs.getLong("total"),
                            rs.getString("address"),
                            rs.getBoolean("assigned")));
        });
        return stored;
    }

    /**
     * Records an order a person entered (受注登録: phone, fax, shop floor) in the channel given (the own channel
     * {@link Mall#MANUAL}), the way an imported order is recorded, so that everything downstream treats it alike.
     *
     * @return the new order's id
     * @throws IllegalStateException when an order with this serial code exists
     */
    @Transactional
    public long register(long channelId, IncomingOrder order, String actor) {
        if (!stored(channelId, List.of(order.order().serialCode())).isEmpty()) {
            throw new IllegalStateException("受注番号 " + order.order().orderNumber() + " はもう登録されています");
        }
        insert(channelId, List.of(order), actor);
        return jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(channelId, order.order().serialCode())
                .query(Long.class)
                .single();
    }

    private void insert(long connectionId, List<IncomingOrder> created, String actor) {
        if (created.isEmpty()) {
            return;
        }
        List<Long> orderIds = nextIds("oms_order", created.size());
        int shipmentCount =
                created.stream().mapToInt(o -> o.order().deliveries().size()).sum();
        List<Long> shipmentIds = nextIds("shipment", shipmentCount);
        List<Object[]> orderRows = new ArrayList<>();
        List<Object[]> shipmentRows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        List<Object[]> historyRows = new ArrayList<>();
        Mall channel = channels.find(connectionId).map(MallConnection::mall).orElse(Mall.SHOP_SERVE);
        int shipmentIndex = 0;
        for (int i = 0; i < created.size(); i++) {
            IncomingOrder incoming = created.get(i);
            ShopOrder order = incoming.order();
            long orderId = orderIds.get(i);
            orderRows.add(orderRow(orderId, connectionId, incoming));
            for (ShopOrder.Delivery delivery : order.deliveries()) {
                long shipmentId = shipmentIds.get(shipmentIndex++);
                shipmentRows.add(shipmentRow(shipmentId, orderId, delivery));
                addItemRows(itemRows, shipmentId, delivery);
            }
            historyRows.add(new Object[] {orderId, "IMPORTED", actor, importedSummary(channel, order)});
        }
        jdbcTemplate.batchUpdate(INSERT_ORDER, orderRows);
        jdbcTemplate.batchUpdate(INSERT_SHIPMENT, shipmentRows);
        jdbcTemplate.batchUpdate(INSERT_ITEM, itemRows);
        jdbcTemplate.batchUpdate(INSERT_HISTORY, historyRows);
        events.publishEvent(new OrdersImported(connectionId, orderIds));
    }

    private List<Long> nextIds(String table, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")
                .params(table, count)
                .query(Long.class)
                .list();
    }

    private void update(long connectionId, Stored existing, IncomingOrder incoming) {
        ShopOrder order = incoming.order();
        List<String> changes = changes(existing, order);
        boolean shippingStarted = existing.shippingAssigned()
                || "PRINTED".equals(existing.workflowStatus())
                || "SHIPPED".equals(existing.workflowStatus());
        boolean cancelledNow = order.cancelled() && !"Cancelled".equals(existing.orderStatus());
        boolean material = changes.stream().anyMatch(c -> c.startsWith(ADDRESS) || c.startsWith(ITEMS));
        String alert = null;
        if (cancelledNow) {
            alert = shippingStarted ? "出荷作業の開始後にショップでキャンセルされました。出荷を止めてください。" : "ショップでキャンセルされました。";
        } else if (shippingStarted && material) {
            alert = "出荷作業の開始後にショップで変更されました: " + String.join(" / ", changes);
        }
        Object[] row = orderRow(existing.id(), connectionId, incoming);
        jdbc.sql(UPDATE_ORDER).params(updateParams(row, alert, existing.id())).update();
        replaceShipments(existing.id(), order.deliveries());
        String summary = changes.isEmpty() ? "ショップで更新されました" : String.join(" / ", changes);
        jdbc.sql(INSERT_HISTORY)
                .params(existing.id(), "CHANGED_AT_SHOP", SYSTEM_ACTOR, summary)
                .update();
        if (alert != null) {
            jdbc.sql(INSERT_HISTORY)
                    .params(existing.id(), "ALERT", SYSTEM_ACTOR, alert)
                    .update();
        }
        events.publishEvent(new OrderChangedAtShop(existing.id(), connectionId, order.serialCode(), changes));
        if (cancelledNow) {
            events.publishEvent(
                    new OrderCancelledAtShop(existing.id(), connectionId, order.serialCode(), shippingStarted));
        }
    }

    private static final String ADDRESS = "お届け先";
    private static final String ITEMS = "商品";

    private List<String> changes(Stored existing, ShopOrder order) {
        List<String> changes = new ArrayList<>();
        change(changes, "注文ステータス", existing.orderStatus(), order.orderStatus());
        change(changes, "入金ステータス", existing.paymentStatus(), order.paymentStatus());
        change(changes, "発送ステータス", existing.shippingStatus(), order.shippingStatus());
        change(
                changes,
                "合計金額",
                String.valueOf(existing.total()),
                String.valueOf(order.amounts().total()));
        ShopOrder.Buyer buyer = order.buyer();
        String address = String.join(
                " ",
                nonNull(buyer.postalCode()),
                nonNull(buyer.prefecture()),
                nonNull(buyer.address1()),
                nonNull(buyer.address2()));
        if (!address.strip().equals(nonNull(existing.buyerAddress()).strip())) {
            changes.add("購入者住所");
        }
        StoredShipments before = storedShipments(existing.id());
        if (!before.addresses().equals(addresses(order.deliveries()))) {
            changes.add(ADDRESS + "が変更されました");
        }
        if (!before.items().equals(items(order.deliveries()))) {
            changes.add(ITEMS + "が変更されました");
        }
        return changes;
    }

    private static void change(List<String> changes, String label, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(label + ": " + before + " → " + after);
        }
    }

    private record StoredShipments(Map<Integer, String> addresses, Map<Integer, String> items) {}

    private StoredShipments storedShipments(long orderId) {
        Map<Integer, String> addresses = new HashMap<>();
        jdbc.sql("""
                        select delivery_id, concat_ws('|', name, phone, postal_code, prefecture, address1, address2,
                               delivery_date, time_slot) as address
                        from shipment where order_id = ?
                        """).param(orderId).query(rs -> {
            addresses.put(rs.getInt("delivery_id"), rs.getString("address"));
        });
        Map<Integer, String> items = new HashMap<>();
        jdbc.sql("""
                        select s.delivery_id, string_agg(concat_ws('|', i.item_code, i.variation, i.unit_price, i.quantity),
                               ';' order by i.line_no) as items
                        from shipment s join order_item i on i.shipment_id = s.id
                        where s.order_id = ? group by s.delivery_id
                        """).param(orderId).query(rs -> {
            items.put(rs.getInt("delivery_id"), rs.getString("items"));
        });
        return new StoredShipments(addresses, items);
    }

    private static Map<Integer, String> addresses(List<ShopOrder.Delivery> deliveries) {
        return deliveries.stream()
                .collect(Collectors.toMap(
                        ShopOrder.Delivery::deliveryId,
                        d -> joinNonNull(
                                d.name(),
                                d.phone(),
                                d.postalCode(),
                                d.prefecture(),
                                d.address1(),
                                d.address2(),
                                d.deliveryDate() == null
                                        ? null
                                        : d.deliveryDate().toString(),
                                d.timeSlot())));
    }

    private static Map<Integer, String> items(List<ShopOrder.Delivery> deliveries) {
        Map<Integer, String> items = new HashMap<>();
        for (ShopOrder.Delivery delivery : deliveries) {
            if (!delivery.items().isEmpty()) {
                items.put(
                        delivery.deliveryId(),
                        delivery.items().stream()
                                .map(i -> joinNonNull(
                                        i.itemCode(),
                                        i.variation(),
                                        String.valueOf(i.unitPrice()),
                                        String.valueOf(i.quantity())))
                                .collect(Collectors.joining(";")));
            }
        }
        return items;
    }

    /** Joins like PostgreSQL's {@code concat_ws}: nulls are skipped. */
    private static String joinNonNull(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null) {
                present.add(part);
            }
        }
        return String.join("|", present);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** Shop-owned shipment fields are updated in place, so the OMS's shipping assignment on them stays. */
    private void replaceShipments(long orderId, List<ShopOrder.Delivery> deliveries) {
        jdbc.sql("delete from order_item where shipment_id in (select id from shipment where order_id = ?)")
                .param(orderId)
                .update();
        jdbc.sql("delete from shipment where order_id = ? and delivery_id <> all (?)")
                .params(
                        orderId,
                        deliveries.stream().map(ShopOrder.Delivery::deliveryId).toArray(Integer[]::new))
                .update();
        List<Object[]> itemRows = new ArrayList<>();
        for (ShopOrder.Delivery delivery : deliveries) {
            Object[] row = shipmentRow(0, orderId, delivery);
            Object[] values = Arrays.copyOfRange(row, 1, row.length);
            long shipmentId =
                    jdbc.sql(UPSERT_SHIPMENT).params(values).query(Long.class).single();
            addItemRows(itemRows, shipmentId, delivery);
        }
        jdbcTemplate.batchUpdate(INSERT_ITEM, itemRows);
    }

    private Object[] orderRow(long id, long connectionId, IncomingOrder incoming) {
        ShopOrder o = incoming.order();
        ShopOrder.Buyer b = o.buyer();
        ShopOrder.Amounts a = o.amounts();
        return new Object[] {
            id,
            connectionId,
            o.serialCode(),
            o.orderNumber(),
            o.orderedAt(),
            o.shopUpdatedAt(),
            o.orderStatus(),
            o.paymentStatus(),
            o.shippingStatus(),
            b.name(),
            b.kana(),
            b.email(),
            b.phone(),
            b.postalCode(),
            b.prefecture(),
            b.address1(),
            b.address2(),
            b.memberAccount(),
            o.paymentMethod(),
            a.itemsTotal(),
            a.shippingFee(),
            a.codFee(),
            a.giftWrappingFee(),
            a.couponDiscount(),
            a.pointsUsed(),
            a.total(),
            json.writeValueAsString(a.tax()),
            o.remarks(),
            incoming.contentHash(),
            incoming.payloadJson()
        };
    }

    /** The shop-owned values of an order row (all after id, connection and serial code), the alert, the id. */
    private static Object[] updateParams(Object[] row, String alert, long id) {
        Object[] shopOwned = Arrays.copyOfRange(row, 3, row.length);
        Object[] params = Arrays.copyOf(shopOwned, shopOwned.length + 2);
        params[shopOwned.length] = alert;
        params[shopOwned.length + 1] = id;
        return params;
    }

    private static Object[] shipmentRow(long id, long orderId, ShopOrder.Delivery d) {
        return new Object[] {
            id,
            orderId,
            d.deliveryId(),
            d.name(),
            d.kana(),
            d.phone(),
            d.postalCode(),
            d.prefecture(),
            d.address1(),
            d.address2(),
            d.deliveryDate() == null ? null : Date.valueOf(d.deliveryDate()),
            d.timeSlot(),
            d.giftWrapping(),
            d.noshi(),
            d.shippingFee(),
            d.carrier(),
            d.trackingNumber(),
            d.shippedDate() == null ? null : Date.valueOf(d.shippedDate())
        };
    }

    private static void addItemRows(List<Object[]> rows, long shipmentId, ShopOrder.Delivery delivery) {
        int line = 1;
        for (ShopOrder.Item item : delivery.items()) {
            rows.add(new Object[] {
                shipmentId,
                line++,
                item.itemCode(),
                item.variation(),
                item.name(),
                item.unitPrice(),
                item.quantity(),
                item.taxRate()
            });
        }
    }

    private static String importedSummary(Mall channel, ShopOrder order) {
        if (channel.equals(Mall.MANUAL)) {
            return "手入力で登録しました (受注番号 " + order.orderNumber() + ", 合計 "
                    + order.amounts().total() + "円)";
        }
        return (channel.equals(Mall.CSV) ? "CSVファイルから" : "ショップから") + "取り込みました (受注番号 "
                + order.orderNumber() + ", 合計 "
                + order.amounts().total() + "円)";
    }

    private static final String INSERT_ORDER = """
            insert into oms_order (id, connection_id, serial_code, order_number, ordered_at, shop_updated_at,
                shop_order_status, shop_payment_status, shop_shipping_status, buyer_name, buyer_kana, buyer_email,
                buyer_phone, buyer_postal_code, buyer_prefecture, buyer_address1, buyer_address2, member_account,
                payment_method, items_total, shipping_fee, cod_fee, gift_wrapping_fee, coupon_discount, points_used,
                total, tax, remarks, content_hash, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb)
            """;

    private static final String UPDATE_ORDER = """
            update oms_order set order_number = ?, ordered_at = ?, shop_updated_at = ?,
                shop_order_status = ?, shop_payment_status = ?, shop_shipping_status = ?, buyer_name = ?,
                buyer_kana = ?, buyer_email = ?, buyer_phone = ?, buyer_postal_code = ?, buyer_prefecture = ?,
                buyer_address1 = ?, buyer_address2 = ?, member_account = ?, payment_method = ?, items_total = ?,
                shipping_fee = ?, cod_fee = ?, gift_wrapping_fee = ?, coupon_discount = ?, points_used = ?,
                total = ?, tax = ?::jsonb, remarks = ?, content_hash = ?, payload = ?::jsonb,
                alert = coalesce(?, alert), version = version + 1, updated_at = now()
            where id = ?
            """;

    private static final String INSERT_SHIPMENT = """
            insert into shipment (id, order_id, delivery_id, name, kana, phone, postal_code, prefecture, address1,
                address2, delivery_date, time_slot, gift_wrapping, noshi, shipping_fee, shop_carrier,
                shop_tracking_number, shop_shipped_date)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String UPSERT_SHIPMENT = """
            insert into shipment (order_id, delivery_id, name, kana, phone, postal_code, prefecture, address1,
                address2, delivery_date, time_slot, gift_wrapping, noshi, shipping_fee, shop_carrier,
                shop_tracking_number, shop_shipped_date)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (order_id, delivery_id) do update set name = excluded.name, kana = excluded.kana,
                phone = excluded.phone, postal_code = excluded.postal_code, prefecture = excluded.prefecture,
                address1 = excluded.address1, address2 = excluded.address2, delivery_date = excluded.delivery_date,
                time_slot = excluded.time_slot, gift_wrapping = excluded.gift_wrapping, noshi = excluded.noshi,
                shipping_fee = excluded.shipping_fee, shop_carrier = excluded.shop_carrier,
                shop_tracking_number = excluded.shop_tracking_number, shop_shipped_date = excluded.shop_shipped_date
            returning id
            """;

    private static final String INSERT_ITEM = """
            insert into order_item (shipment_id, line_no, item_code, variation, name, unit_price, quantity, tax_rate)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    static final String INSERT_HISTORY =
            "insert into order_history (order_id, kind, actor, summary) values (?, ?, ?, ?)";

    // --- 受注データ削除 and データリセット ---

    /** Placed from {@code from} to {@code to} (days in Asia/Tokyo, inclusive), at one connection or all (null). */
    private static final String ORDERED_IN =
            "ordered_at >= ? and ordered_at < ? and (cast(? as bigint) is null or connection_id = ?)";

    private static Object[] orderedIn(Long connectionId, LocalDate from, LocalDate to) {
        java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
        // a range on ordered_at itself, so that the index on it is used
        return new Object[] {
            from.atStartOfDay(tokyo).toOffsetDateTime(),
            to.plusDays(1).atStartOfDay(tokyo).toOffsetDateTime(),
            connectionId,
            connectionId
        };
    }

    /**
     * How many orders were placed from {@code from} to {@code to} (days in Asia/Tokyo, inclusive) at one mall
     * connection, or at all when {@code connectionId} is null.
     */
    public long countOrdered(Long connectionId, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from oms_order where " + ORDERED_IN)
                .params(orderedIn(connectionId, from, to))
                .query(Long.class)
                .single();
    }

    /**
     * Deletes the orders {@link #countOrdered} counts, with their shipments, items and history, and publishes
     * {@link OrdersDeleted} in the same transaction so that other modules delete their rows about them too.
     *
     * @return how many orders were deleted
     */
    @Transactional
    public long deleteOrdered(Long connectionId, LocalDate from, LocalDate to, String actor) {
        List<Long> orderIds = jdbc.sql("select id from oms_order where " + ORDERED_IN + " order by id for update")
                .params(orderedIn(connectionId, from, to))
                .query(Long.class)
                .list();
        if (orderIds.isEmpty()) {
            return 0;
        }
        Long[] ids = orderIds.toArray(Long[]::new);
        List<Long> shipmentIds = jdbc.sql("select id from shipment where order_id = any (?) order by id")
                .param(ids)
                .query(Long.class)
                .list();
        int deleted =
                jdbc.sql("delete from oms_order where id = any (?)").param(ids).update();
        events.publishEvent(new OrdersDeleted(orderIds, shipmentIds));
        org.slf4j.LoggerFactory.getLogger(Orders.class)
                .info("{} deleted {} orders placed {}..{} (connection {})", actor, deleted, from, to, connectionId);
        return deleted;
    }

    /**
     * Deletes every order and publishes {@link OrderDataReset} in the same transaction, so that every module
     * empties its order-related data too.
     *
     * @return how many orders were deleted
     */
    @Transactional
    public long deleteAll(String actor) {
        long deleted = jdbc.sql("delete from oms_order").update();
        events.publishEvent(new OrderDataReset(deleted));
        org.slf4j.LoggerFactory.getLogger(Orders.class)
                .info("{} reset the order data: {} orders deleted", actor, deleted);
        return deleted;
    }
}
