package jp.juchu.oms.rules;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every morning at 06:00 (Asia/Tokyo), on one node: orders waiting for a date (発売日待ち, 印刷日待ち) whose day has come
 * move on, and the rules with the daily trigger run on the orders in their status.
 */
@Configuration(proxyBeanMethods = false)
class DailyRules {

    @Bean
    RecurringTask<Void> dailyRulesTask(AutoProcessing processing) {
        return Tasks.recurring("daily-rules", new Daily(ZoneId.of("Asia/Tokyo"), List.of(LocalTime.of(6, 0))))
                .execute((instance, context) -> processing.daily());
    }
}
