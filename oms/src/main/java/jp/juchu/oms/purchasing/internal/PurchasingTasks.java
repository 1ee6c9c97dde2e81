package jp.juchu.oms.purchasing.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.time.LocalTime;
import java.util.List;
import jp.juchu.oms.stock.FreeStockChanged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When suggestions are worked out besides a purchase order's change: after every change of free stock (the
 * ledger's event, after its commit) and once a night (db-scheduler task {@code purchasing-suggestions} at 04:00
 * Asia/Tokyo, 200 SKUs per transaction). Both may run twice without harm.
 */
@Component
class PurchasingTasks {

    private final ReorderSuggestions suggestions;

    PurchasingTasks(ReorderSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @ApplicationModuleListener
    void on(FreeStockChanged changed) {
        suggestions.refresh(changed.productIds());
    }

    /** Every SKU with a reorder point, made to order, or with a suggestion; returns how many were looked at. */
    int refreshAll() {
        long after = 0;
        int done = 0;
        while (true) {
            List<Long> ids = suggestions.candidates(after, 200);
            if (ids.isEmpty()) {
                return done;
            }
            suggestions.refresh(ids);
            done += ids.size();
            after = ids.get(ids.size() - 1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        RecurringTask<Void> nightlySuggestions(PurchasingTasks tasks) {
            return Tasks.recurring("purchasing-suggestions", new Daily(JapanZone.ZONE, LocalTime.of(4, 0)))
                    .execute((instance, context) -> tasks.refreshAll());
        }
    }
}
