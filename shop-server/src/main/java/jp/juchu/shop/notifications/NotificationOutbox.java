package jp.juchu.shop.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.shop.orders.OrderCorrected;
import jp.juchu.shop.orders.OrderPlaced;
import jp.juchu.shop.orders.OrderStateChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox: each order event becomes one message per endpoint of the shop that wants it, written by a synchronous
 * listener inside the transaction that changed the order — so a message exists exactly when the change committed, and
 * survives a restart. After the commit the dispatcher is woken to send at once. Paused endpoints get no new messages
 * (the OMS's poll finds what they miss). The shop's endpoints are read once per transaction, so a batch of 1,000 orders
 * costs one look-up, and nothing at all for a shop without endpoints.
 */
@Component
class NotificationOutbox {

    private static final Object CACHE_KEY = new Object();

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final NotificationDispatcher dispatcher;
    private final Clock clock;

    NotificationOutbox(JdbcClient jdbc, JdbcTemplate jdbcTemplate, NotificationDispatcher dispatcher, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @EventListener
    void on(OrderPlaced placed) {
        enqueue(placed.shopId(), placed.serialCode(), NotificationEvent.ORDER_PLACED, placed.updatedAt());
    }

    @EventListener
    void on(OrderStateChanged changed) {
        enqueue(changed.shopId(), changed.serialCode(), NotificationEvent.ORDER_CHANGED, changed.updatedAt());
    }

    @EventListener
    void on(OrderCorrected corrected) {
        enqueue(corrected.shopId(), corrected.serialCode(), NotificationEvent.ORDER_CHANGED, corrected.updatedAt());
    }

    private void enqueue(String shopId, String serialCode, NotificationEvent event, OffsetDateTime updatedAt) {
        List<Long> endpoints = subscribed(shopId, event);
        if (endpoints.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> rows = new ArrayList<>();
        for (long endpoint : endpoints) {
            rows.add(new Object[] {endpoint, shopId, serialCode, event.name(), updatedAt, now, now});
        }
        jdbcTemplate.batchUpdate("""
                insert into notification_outbox (endpoint_id, shop_id, serial_code, event, updated_at, created_at,
                    next_attempt_at) values (?, ?, ?, ?, ?, ?, ?)""", rows);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            cache().wakeAfterCommit = true;
        } else {
            dispatcher.wake();
        }
    }

    /** The active endpoints of the shop that want the event, read once per transaction. */
    private List<Long> subscribed(String shopId, NotificationEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read(shopId, event);
        }
        return cache().endpoints.computeIfAbsent(shopId + "/" + event.name(), key -> read(shopId, event));
    }

    private List<Long> read(String shopId, NotificationEvent event) {
        return jdbc.sql("select id from notification_endpoint where shop_id = ? and status = 'ACTIVE' "
                        + "and ? = any (events)")
                .params(shopId, event.name())
                .query(Long.class)
                .list();
    }

    private static final class TransactionCache {
        final Map<String, List<Long>> endpoints = new HashMap<>();
        boolean wakeAfterCommit;
    }

    private TransactionCache cache() {
        TransactionCache cache = (TransactionCache) TransactionSynchronizationManager.getResource(CACHE_KEY);
        if (cache == null) {
            TransactionCache fresh = new TransactionCache();
            TransactionSynchronizationManager.bindResource(CACHE_KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    if (fresh.wakeAfterCommit) {
                        dispatcher.wake();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CACHE_KEY);
                }
            });
            cache = fresh;
        }
        return cache;
    }
}
