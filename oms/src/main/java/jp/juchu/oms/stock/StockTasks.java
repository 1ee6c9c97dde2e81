package jp.juchu.oms.stock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stock's scheduled work, on one node of the cluster at a time: the nightly check of the totals against the
 * ledger, and a sweep every minute that allocates orders left waiting (a node stopped between an import's commit
 * and its allocation, or an allocation that lost a lock three times). Both may run twice without harm.
 */
@Configuration(proxyBeanMethods = false)
class StockTasks {

    @Bean
    RecurringTask<Void> nightlyStockCheck(StockCheck check) {
        return Tasks.recurring("stock-check", new Daily(ZoneId.of("Asia/Tokyo"), LocalTime.of(3, 30)))
                .execute((instance, context) -> check.run());
    }

    @Bean
    RecurringTask<Void> allocateWaitingOrders(OrderStockHooks hooks) {
        return Tasks.recurring("stock-allocate-waiting", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> hooks.allocateWaitingFor(null));
    }
}
