package jp.juchu.oms.orders;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every few minutes, on one node of the cluster, the status tally's deltas are folded into one row per status. */
@Configuration(proxyBeanMethods = false)
class StatusTallyFolding {

    @Bean
    RecurringTask<Void> foldStatusTally(JdbcClient jdbc) {
        return Tasks.recurring("fold-status-tally", FixedDelay.ofMinutes(5))
                .execute((instance, context) -> OrderQueries.foldStatusTally(jdbc));
    }
}
