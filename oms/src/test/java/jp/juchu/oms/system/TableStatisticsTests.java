package jp.juchu.oms.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class TableStatisticsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void dropProbe() {
        jdbc.sql("drop table if exists statistics_probe").update();
    }

    @Test
    void aTableFilledSinceItWasLastAnalysedIsAnalysedFromASmallSampleAndThenLeftAlone() {
        // autovacuum kept off the probe: whatever analyses it is TableStatistics, called here or as its scheduled task
        jdbc.sql("create table statistics_probe (id bigint primary key, shop bigint not null)"
                        + " with (autovacuum_enabled = false)")
                .update();
        jdbc.sql("insert into statistics_probe select g, 1 from generate_series(1, 5000) g")
                .update();

        // the statistics of a write reach pg_stat_user_tables shortly after its commit; the task running every few
        // seconds in this context may come round first
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    TableStatistics.analyseChanged(jdbc, new TransactionTemplate(transactions));
                    return jdbc.sql("select last_analyze is not null from pg_stat_user_tables"
                                    + " where relname = 'statistics_probe'")
                            .query(Boolean.class)
                            .single();
                });

        // the planner now knows there is one shop: a lookup by it is not taken for a selective one
        assertThat(jdbc.sql("select n_distinct from pg_stats where tablename = 'statistics_probe' and attname = 'shop'")
                        .query(Double.class)
                        .single())
                .isEqualTo(1.0);
        // …from a small sample: a histogram of the ids in at most STATISTICS_TARGET buckets (the default makes 100)
        assertThat(jdbc.sql("select array_length(histogram_bounds::text::text[], 1) from pg_stats"
                                + " where tablename = 'statistics_probe' and attname = 'id'")
                        .query(Integer.class)
                        .single())
                .isLessThanOrEqualTo(TableStatistics.STATISTICS_TARGET + 1);
        assertThat(TableStatistics.analyseChanged(jdbc, new TransactionTemplate(transactions)))
                .noneMatch(t -> t.endsWith(".statistics_probe"));
    }
}
