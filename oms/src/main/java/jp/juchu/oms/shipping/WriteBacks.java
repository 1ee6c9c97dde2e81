package jp.juchu.oms.shipping;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.malls.MallConnectors;
import jp.juchu.oms.malls.Shipment;
import jp.juchu.oms.malls.ShopApiException;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 出荷実績の送信: each shipment with a tracking number is reported to the shop through its mall's connector,
 * retried with growing pauses until the shop accepts it; the state and the last error show on the order.
 */
@Service
public class WriteBacks {

    private static final Logger log = LoggerFactory.getLogger(WriteBacks.class);
    static final TaskDescriptor<String> WRITE_BACK = TaskDescriptor.of("tracking-write-back", String.class);

    private final JdbcClient jdbc;
    private final MallConnections connections;
    private final MallConnectors connectors;
    private final SchedulerClient scheduler;
    private final Orders orders;

    WriteBacks(
            JdbcClient jdbc,
            MallConnections connections,
            MallConnectors connectors,
            @Lazy SchedulerClient scheduler,
            Orders orders) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.connections = connections;
        this.connectors = connectors;
        this.scheduler = scheduler;
    }

    /** Reports to the shops that failed and wait for their next attempt (ホーム's day's work). */
    public long failing() {
        return jdbc.sql("select count(*) from write_back where state = 'PENDING' and last_error is not null")
                .query(Long.class)
                .single();
    }

    /** A shipment's report to the shop, as the order page shows it. */
    public record WriteBack(
            int deliveryId,
            Carrier carrier,
            String trackingNumber,
            LocalDate shippedDate,
            String state,
            int attempts,
            String lastError,
            OffsetDateTime updatedAt) {

        public boolean done() {
            return "DONE".equals(state);
        }

        /** The connection does not report shipments to the shop (出荷連絡 off). */
        public boolean off() {
            return "OFF".equals(state);
        }

        /** Not sent: the order was cancelled (here or at the shop), or the shipment got another number first. */
        public boolean stopped() {
            return "STOPPED".equals(state);
        }
    }

    /** Whether the order comes from a shop, to which its shipments are reported, rather than an own channel. */
    public boolean reportable(OrderDetail order) {
        return connections
                .find(order.connectionId())
                .map(channel -> !channel.ownChannel())
                .orElse(true);
    }

    /**
     * Queues the report of a shipment; it is sent once the caller's transaction has committed. With the
     * connection's write-back off it is only recorded, as not to be sent; an order of a channel without a mall
     * (受注登録, データ取込) has no shop to tell, and nothing is recorded.
     */
    void enqueue(OrderDetail order, int deliveryId, Carrier carrier, String trackingNumber, LocalDate shippedDate) {
        if (!reportable(order)) {
            return;
        }
        boolean on = connections
                .find(order.connectionId())
                .filter(MallConnection::writeBack)
                .flatMap(connectors::of)
                .isPresent();
        jdbc.sql("update write_back set state = 'STOPPED', last_error = ?, updated_at = now()"
                        + " where order_id = ? and delivery_id = ? and state = 'PENDING' and tracking_number <> ?")
                .params("新しい伝票番号 " + trackingNumber + " に置き換えられました", order.id(), deliveryId, trackingNumber)
                .update();
        Long id = jdbc.sql("""
                        insert into write_back (order_id, delivery_id, connection_id, serial_code, carrier,
                            tracking_number, shipped_date, state)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (order_id, delivery_id, tracking_number) do nothing returning id
                        """)
                .params(
                        order.id(),
                        deliveryId,
                        order.connectionId(),
                        order.serialCode(),
                        carrier.name(),
                        trackingNumber,
                        shippedDate,
                        on ? "PENDING" : "OFF")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null || !on) {
            return;
        }
        Runnable schedule = () -> scheduler.scheduleIfNotExists(
                WRITE_BACK.instance(String.valueOf(id)).data(String.valueOf(id)).build(), Instant.now());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule.run();
                }
            });
        } else {
            schedule.run();
        }
    }

    public List<WriteBack> ofOrder(long orderId) {
        return jdbc.sql("select delivery_id, carrier, tracking_number, shipped_date, state, attempts, last_error,"
                        + " updated_at from write_back where order_id = ? order by delivery_id, id")
                .param(orderId)
                .query((rs, n) -> new WriteBack(
                        rs.getInt(1),
                        Carrier.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    /** One attempt; a refusal or an outage is recorded and rethrown so that the task runs again later. */
    void attempt(long id) {
        var row = jdbc
                .sql("select connection_id, serial_code, delivery_id, carrier, tracking_number, shipped_date,"
                        + " state, order_id from write_back where id = ?")
                .param(id)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
        if (row == null || !"PENDING".equals(row.get("state"))) {
            return;
        }
        Optional<String> cancelled = orders.headers(List.of(((Number) row.get("order_id")).longValue())).stream()
                .findFirst()
                .flatMap(WriteBacks::cancelled);
        if (cancelled.isPresent()) {
            jdbc.sql("update write_back set state = 'STOPPED', last_error = ?, updated_at = now() where id = ?")
                    .params(cancelled.get(), id)
                    .update();
            log.warn("Write-back {} not sent: {}", id, cancelled.get());
            return;
        }
        try {
            long connectionId = ((Number) row.get("connection_id")).longValue();
            MallConnection connection = connections
                    .find(connectionId)
                    .orElseThrow(() -> new IllegalArgumentException("no connection " + connectionId));
            connectors
                    .required(connection)
                    .reportShipment(
                            connection,
                            new Shipment(
                                    (String) row.get("serial_code"),
                                    ((Number) row.get("delivery_id")).intValue(),
                                    Carrier.valueOf((String) row.get("carrier")).apiName(),
                                    (String) row.get("tracking_number"),
                                    ((java.sql.Date) row.get("shipped_date")).toLocalDate()));
            jdbc.sql("update write_back set state = 'DONE', attempts = attempts + 1, last_error = null,"
                            + " updated_at = now() where id = ?")
                    .param(id)
                    .update();
        } catch (ShopApiException | IllegalArgumentException e) {
            jdbc.sql("update write_back set attempts = attempts + 1, last_error = ?, updated_at = now() where id = ?")
                    .params(e.getClass().getSimpleName() + ": " + e.getMessage(), id)
                    .update();
            log.warn("Write-back {} to the shop failed, will retry: {}", id, e.getMessage());
            throw e;
        }
    }

    /** Why a shipment of this order must not be reported as shipped: it is cancelled here or at the shop. */
    private static Optional<String> cancelled(OrderDetail order) {
        if ("Cancelled".equals(order.shopOrderStatus())) {
            return Optional.of("ショップでキャンセルされた受注のため、出荷連絡を送りません");
        }
        if ("CANCELLED".equals(order.workflowStatus())) {
            return Optional.of("キャンセルした受注のため、出荷連絡を送りません");
        }
        return Optional.empty();
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        /** Retried after a pause (30 s), then ever longer (×2), until the shop accepts the report. */
        @Bean
        OneTimeTask<String> trackingWriteBackTask(WriteBacks writeBacks, ShippingSettings settings) {
            return Tasks.oneTime(WRITE_BACK)
                    .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(settings.writeBackRetry(), 2.0))
                    .execute((instance, context) -> writeBacks.attempt(Long.parseLong(instance.getData())));
        }
    }
}
