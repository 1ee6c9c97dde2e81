package jp.juchu.oms.sales.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jp.juchu.oms.sales.SalesFacts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every few minutes, on one node, the daily rollup's deltas are folded into one row per day, shop and status. */
@Configuration(proxyBeanMethods = false)
class SalesDayFolding {

    @Bean
    RecurringTask<Void> foldSalesDays(SalesFacts facts) {
        return Tasks.recurring("fold-sales-days", FixedDelay.ofMinutes(5)).execute((instance, context) -> facts.fold());
    }
}
