package jp.juchu.oms.orders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.StoredOrders.Stored;
import jp.juchu.support.db.CopyRows;
import jp.juchu.support.db.SerialIds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders coming in: applying what a shop sent creates the order, changes the fields the shop owns (and records
 * what changed), or leaves an unchanged order alone; the merchant's own work on an order — workflow status, memo,
 * shipping assignment — is never overwritten. A new order enters in the status the workflow gives it (キャンセル
 * when the shop cancelled it, 出荷済み when the shop finished it before the link, else 新規受付); an order the shop
 * cancels later moves to キャンセル through the workflow, or, once printing or shipping started, gets an alert.
 */
@Component
class OrderIntake {

    static final Actor SYSTEM = Actor.system(Orders.SYSTEM_ACTOR);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ApplicationEventPublisher events;
    private final MallConnections connections;
    private final OrderWorkflow workflow;
    private final StoredOrders storedOrders;
    private final ChangesAtShop changesAtShop;

    OrderIntake(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            ApplicationEventPublisher events,
            MallConnections connections,
            OrderWorkflow workflow,
            StoredOrders storedOrders,
            ChangesAtShop changesAtShop) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.events = events;
        this.connections = connections;
        this.workflow = workflow;
        this.storedOrders = storedOrders;
        this.changesAtShop = changesAtShop;
    }

    /**
     * Applies one page of a shop's orders in the caller's transaction: new orders are written in
     * batches, changed ones one by one, unchanged ones not at all.
     */
    Map<String, ShopChange> applyFromShop(long connectionId, List<IncomingOrder> page) {
        Map<String, Stored> stored = storedOrders.forUpdate(
                connectionId, page.stream().map(o -> o.order().serialCode()).toList());
        Map<String, ShopChange> results = new LinkedHashMap<>();
        List<IncomingOrder> created = new ArrayList<>();
        for (IncomingOrder read : page) {
            String serial = read.order().serialCode();
            Stored existing = stored.get(serial);
            // a stored order is compared by its hash (and its row keeps the new one)
            IncomingOrder incoming = existing == null ? read : read.hashed();
            if (existing == null) {
                created.add(incoming);
                results.put(serial, ShopChange.CREATED);
            } else if (existing.contentHash().equals(incoming.contentHash()) || olderThan(incoming, existing)) {
                results.put(serial, ShopChange.UNCHANGED);
            } else {
                update(connectionId, existing, incoming);
                results.put(serial, ShopChange.UPDATED);
            }
        }
        insert(connectionId, created, Orders.SYSTEM_ACTOR);
        return results;
    }

    /**
     * Whether the incoming order is an older copy than the one stored — a late write, such as a node's whose run stalled
     * past its lease while another node's run went on: it never overwrites the newer one. Compared at the microsecond,
     * as PostgreSQL rounds what it stores.
     */
    private static boolean olderThan(IncomingOrder incoming, Stored existing) {
        Instant changed =
                incoming.order().shopUpdatedAt().toInstant().plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        return changed.isBefore(existing.shopUpdatedAt().toInstant());
    }

    /**
     * Records an order a person entered (受注登録: phone, fax, shop floor) in the channel given, the way an imported
     * order is recorded, so that everything downstream treats it alike.
     *
     * @return the new order's id
     * @throws IllegalStateException when an order with this serial code exists
     */
    long register(long channelId, IncomingOrder order, String actor) {
        if (!storedOrders
                .forUpdate(channelId, List.of(order.order().serialCode()))
                .isEmpty()) {
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
        List<Long> orderIds = SerialIds.next(jdbc, "oms_order", "id", created.size());
        int shipmentCount =
                created.stream().mapToInt(o -> o.order().deliveries().size()).sum();
        List<Long> shipmentIds = SerialIds.next(jdbc, "shipment", "id", shipmentCount);
        List<Object[]> orderRows = new ArrayList<>();
        List<Object[]> shipmentRows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        List<Object[]> historyRows = new ArrayList<>();
        Mall channel = connections.find(connectionId).map(MallConnection::mall).orElse(Mall.SHOP_SERVE);
        boolean finishedAsShipped = !channel.ownChannel() && connections.finishedAsShipped(connectionId);
        int shipmentIndex = 0;
        for (int i = 0; i < created.size(); i++) {
            IncomingOrder incoming = created.get(i);
            ShopOrder order = incoming.order();
            long orderId = orderIds.get(i);
            Object[] row = OrderRows.orderRow(orderId, connectionId, incoming);
            String entry = Transitions.entry(order, finishedAsShipped);
            Object[] withStatus = Arrays.copyOf(row, row.length + 2);
            withStatus[row.length] = OrderRows.recipients(order.deliveries());
            withStatus[row.length + 1] = entry;
            orderRows.add(withStatus);
            for (ShopOrder.Delivery delivery : order.deliveries()) {
                long shipmentId = shipmentIds.get(shipmentIndex++);
                shipmentRows.add(OrderRows.shipmentRow(shipmentId, orderId, delivery));
                OrderRows.addItemRows(itemRows, shipmentId, delivery);
            }
            // an order arriving finished says so on its one line of history, not on a second one
            historyRows.add(new Object[] {
                orderId,
                "IMPORTED",
                actor,
                importedSummary(channel, order) + (Transitions.NEW.equals(entry) ? "" : "。" + entrySummary(entry))
            });
        }
        CopyRows.into(jdbcTemplate, "oms_order", OrderRows.ORDER_COLUMNS, orderRows);
        CopyRows.into(jdbcTemplate, "shipment", OrderRows.SHIPMENT_COLUMNS, shipmentRows);
        CopyRows.into(jdbcTemplate, "order_item", OrderRows.ITEM_COLUMNS, itemRows);
        CopyRows.into(jdbcTemplate, "order_history", OrderRows.HISTORY_COLUMNS, historyRows);
        events.publishEvent(new OrdersImported(connectionId, orderIds));
    }

    private static String entrySummary(String entry) {
        return Transitions.CANCELLED.equals(entry)
                ? "ステータス: キャンセル (ショップでキャンセル済みの受注として取り込み)"
                : "ステータス: 出荷済み (ショップで出荷・完了済みの受注として取り込み)";
    }

    private void update(long connectionId, Stored existing, IncomingOrder incoming) {
        ShopOrder order = incoming.order();
        List<String> changes = changesAtShop.between(existing, order);
        boolean shippingStarted = existing.shippingAssigned()
                || "PRINTED".equals(existing.workflowStatus())
                || "SHIPPED".equals(existing.workflowStatus());
        boolean cancelledNow = order.cancelled() && !"Cancelled".equals(existing.orderStatus());
        boolean material = changes.stream()
                .anyMatch(c -> c.startsWith(ChangesAtShop.ADDRESS) || c.startsWith(ChangesAtShop.ITEMS));
        String alert = null;
        if (cancelledNow) {
            alert = shippingStarted ? "出荷作業の開始後にショップでキャンセルされました。出荷を止めてください。" : "ショップでキャンセルされました。";
        } else if (shippingStarted && material) {
            alert = "出荷作業の開始後にショップで変更されました: " + String.join(" / ", changes);
        }
        Object[] row = OrderRows.orderRow(existing.id(), connectionId, incoming);
        jdbc.sql(OrderRows.UPDATE_ORDER)
                .params(OrderRows.updateParams(row, alert, existing.id()))
                .update();
        replaceShipments(existing.id(), order.deliveries());
        String summary = changes.isEmpty() ? "ショップで更新されました" : String.join(" / ", changes);
        jdbc.sql(Orders.INSERT_HISTORY)
                .params(existing.id(), "CHANGED_AT_SHOP", Orders.SYSTEM_ACTOR, summary)
                .update();
        if (alert != null) {
            jdbc.sql(Orders.INSERT_HISTORY)
                    .params(existing.id(), "ALERT", Orders.SYSTEM_ACTOR, alert)
                    .update();
        }
        if (changes.stream().anyMatch(c -> c.startsWith(ChangesAtShop.ITEMS))) {
            events.publishEvent(new OrderLinesChanged(existing.id()));
        }
        if (cancelledNow && !shippingStarted) {
            workflow.cancelledAtShop(existing.id(), SYSTEM);
        }
        events.publishEvent(new OrderChangedAtShop(existing.id(), connectionId, order.serialCode(), changes));
        if (cancelledNow) {
            events.publishEvent(
                    new OrderCancelledAtShop(existing.id(), connectionId, order.serialCode(), shippingStarted));
        }
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
            Object[] row = OrderRows.shipmentRow(0, orderId, delivery);
            Object[] values = Arrays.copyOfRange(row, 1, row.length);
            long shipmentId = jdbc.sql(OrderRows.UPSERT_SHIPMENT)
                    .params(values)
                    .query(Long.class)
                    .single();
            OrderRows.addItemRows(itemRows, shipmentId, delivery);
        }
        CopyRows.into(jdbcTemplate, "order_item", OrderRows.ITEM_COLUMNS, itemRows);
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
}
