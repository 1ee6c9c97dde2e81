package jp.juchu.oms.stocksync.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Instant;
import java.time.ZoneId;
import jp.juchu.oms.stocksync.ShopSync;
import jp.juchu.oms.stocksync.StockSync;
import jp.juchu.oms.stocksync.StockSyncSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The sync's db-scheduler tasks: the worker that drains the outbox (one recurring instance, so it runs on one node at
 * a time, whichever picks it), the daily comparison that schedules one comparison per confirmed shop, and the
 * comparison itself (one instance per shop, so a shop is never compared twice at once).
 */
@Configuration(proxyBeanMethods = false)
class SyncScheduling {

    static final TaskDescriptor<String> COMPARE = TaskDescriptor.of("stock-sync-compare", String.class);

    @Bean
    RecurringTask<Void> stockSyncDrain(StockSync sync, StockSyncSettings settings) {
        return Tasks.recurring("stock-sync-drain", FixedDelay.of(settings.drainInterval()))
                .execute((instance, context) -> sync.drainAll());
    }

    @Bean
    RecurringTask<Void> stockSyncDailyComparison(
            StockSync sync, StockSyncSettings settings, @Lazy SchedulerClient scheduler) {
        return Tasks.recurring(
                        "stock-sync-daily-comparison",
                        new CronSchedule(settings.compareCron(), ZoneId.of("Asia/Tokyo")))
                .execute((instance, context) -> {
                    for (long connectionId : sync.confirmedConnections()) {
                        scheduler.scheduleIfNotExists(
                                COMPARE.instance(String.valueOf(connectionId))
                                        .data("DAILY")
                                        .build(),
                                Instant.now());
                    }
                });
    }

    @Bean
    OneTimeTask<String> stockSyncCompare(StockSync sync) {
        return Tasks.oneTime(COMPARE).execute((instance, context) -> {
            long connectionId = Long.parseLong(instance.getId());
            ShopSync shop = sync.shop(connectionId);
            if (shop.enabled() && shop.confirmed() && !shop.stopped()) {
                sync.compare(connectionId, "MANUAL".equals(instance.getData()) ? "MANUAL" : "DAILY");
            }
        });
    }
}
