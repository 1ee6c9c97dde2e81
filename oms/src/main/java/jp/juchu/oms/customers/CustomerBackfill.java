package jp.juchu.oms.customers;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import jp.juchu.oms.orders.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;

/**
 * Orders that reached the OMS before this module existed were never announced to it: at startup, when the
 * OMS holds more orders than are linked, a db-scheduler task walks every order in id order, a batch per run,
 * and links those no customer has. The cursor is the task's data, so a crash repeats at most one batch, and
 * linking is idempotent.
 */
@Configuration(proxyBeanMethods = false)
class CustomerBackfill {

    private static final Logger log = LoggerFactory.getLogger(CustomerBackfill.class);
    static final TaskDescriptor<String> BACKFILL = TaskDescriptor.of("customer-backfill", String.class);
    static final int BATCH = 200;

    @Bean
    CustomTask<String> customerBackfillTask(Orders orders, CustomerLinking linking) {
        return Tasks.custom(BACKFILL).execute((instance, context) -> {
            OptionalLong next = linkBatch(orders, linking, Long.parseLong(instance.getData()));
            return next.isPresent()
                    ? (CompletionHandler<String>) (complete, operations) ->
                            operations.reschedule(complete, Instant.now(), String.valueOf(next.getAsLong()))
                    : (complete, operations) -> operations.remove();
        });
    }

    /** Links the unlinked orders of one batch after {@code afterId}; the cursor for the next, empty when done. */
    static OptionalLong linkBatch(Orders orders, CustomerLinking linking, long afterId) {
        List<Long> ids = orders.idsAfter(afterId, BATCH);
        int linked = linking.linkAll(orders.buyers(linking.unlinked(ids)));
        if (linked > 0) {
            log.info("Linked {} earlier orders to customers (ids after {})", linked, afterId);
        }
        return ids.size() < BATCH ? OptionalLong.empty() : OptionalLong.of(ids.get(ids.size() - 1));
    }

    @Bean
    BackfillStart customerBackfillStart(@Lazy SchedulerClient scheduler, Orders orders, CustomerLinking linking) {
        return new BackfillStart(scheduler, orders, linking);
    }

    static class BackfillStart {

        private final SchedulerClient scheduler;
        private final Orders orders;
        private final CustomerLinking linking;

        BackfillStart(SchedulerClient scheduler, Orders orders, CustomerLinking linking) {
            this.scheduler = scheduler;
            this.orders = orders;
            this.linking = linking;
        }

        /** Idempotent on every node: the one task instance is created only if missing. */
        @EventListener(ApplicationReadyEvent.class)
        void startIfOrdersAreUnlinked() {
            if (orders.count() > linking.linkedCount()) {
                scheduler.scheduleIfNotExists(
                        BACKFILL.instance("all").data("0").build(),
                        Instant.now().plusSeconds(5));
            }
        }
    }
}
