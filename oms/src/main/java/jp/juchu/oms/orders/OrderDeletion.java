package jp.juchu.oms.orders;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 受注データ削除 and データリセット: deleting orders, and telling the other modules so in the same transaction. */
@Component
class OrderDeletion {

    private static final Logger log = LoggerFactory.getLogger(OrderDeletion.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OrderDeletion(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Placed from {@code from} to {@code to} (days in Asia/Tokyo, inclusive), at one connection or all (null). */
    private static final String ORDERED_IN =
            "ordered_at >= ? and ordered_at < ? and (cast(? as bigint) is null or connection_id = ?)";

    private static Object[] orderedIn(Long connectionId, LocalDate from, LocalDate to) {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
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
    long countOrdered(Long connectionId, LocalDate from, LocalDate to) {
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
    long deleteOrdered(Long connectionId, LocalDate from, LocalDate to, String actor) {
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
        log.info("{} deleted {} orders placed {}..{} (connection {})", actor, deleted, from, to, connectionId);
        return deleted;
    }

    /**
     * Deletes every order and publishes {@link OrderDataReset} in the same transaction, so that every module
     * empties its order-related data too.
     *
     * @return how many orders were deleted
     */
    long deleteAll(String actor) {
        long deleted = jdbc.sql("delete from oms_order").update();
        events.publishEvent(new OrderDataReset(deleted));
        log.info("{} reset the order data: {} orders deleted", actor, deleted);
        return deleted;
    }
}
