package jp.juchu.oms.stocksync.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import jp.juchu.oms.malls.MallConnectionSaved;
import jp.juchu.oms.stocksync.StockSync;
import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** 今すぐ照合 and the sync's reaction to new keys. */
@Component
public class Comparisons {

    private final SchedulerClient scheduler;
    private final StockSync sync;

    Comparisons(@Lazy SchedulerClient scheduler, StockSync sync) {
        this.scheduler = scheduler;
        this.sync = sync;
    }

    /** Schedules a comparison of the shop now; false when one is already waiting or running. */
    public boolean compareNow(long connectionId) {
        TaskInstanceId id = TaskInstanceId.of(SyncScheduling.COMPARE.getTaskName(), String.valueOf(connectionId));
        if (scheduler.getScheduledExecution(id).isPresent()) {
            return false;
        }
        return scheduler.scheduleIfNotExists(
                SyncScheduling.COMPARE
                        .instance(String.valueOf(connectionId))
                        .data("MANUAL")
                        .build(),
                Instant.now());
    }

    /** Saved settings (new keys among them) lift a stop for a refused key. */
    @ApplicationModuleListener
    void on(MallConnectionSaved saved) {
        sync.resume(saved.connectionId());
    }
}
