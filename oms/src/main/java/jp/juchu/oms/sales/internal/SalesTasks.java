package jp.juchu.oms.sales.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.LocalTime;
import java.time.ZoneId;
import jp.juchu.oms.sales.FactChecks;
import jp.juchu.oms.sales.SalesFacts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sales facts' scheduled work, on one node at a time: every few minutes the daily rollup's deltas are folded into
 * one row per day, shop and status; every night the facts are compared with the orders, and a difference is recorded
 * as the alert ホーム shows. Both may run twice without harm.
 */
@Configuration(proxyBeanMethods = false)
class SalesTasks {

    @Bean
    RecurringTask<Void> foldSalesDays(SalesFacts facts) {
        return Tasks.recurring("fold-sales-days", FixedDelay.ofMinutes(5)).execute((instance, context) -> facts.fold());
    }

    @Bean
    RecurringTask<Void> nightlySalesFactCheck(FactChecks checks) {
        return Tasks.recurring("sales-fact-check", new Daily(ZoneId.of("Asia/Tokyo"), LocalTime.of(4, 15)))
                .execute((instance, context) -> checks.run());
    }
}
