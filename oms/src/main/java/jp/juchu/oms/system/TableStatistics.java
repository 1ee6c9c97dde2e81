package jp.juchu.oms.system;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the planner's statistics up with bulk loads. A first import writes tens of thousands of orders into tables
 * PostgreSQL has never analysed; until autovacuum comes round (a minute or more), the planner takes "one shop" for a
 * selective condition and looks an order up by its serial code by walking all the shop's orders — 35 ms a lookup at
 * 20,000 orders instead of a tenth of a millisecond. Every few seconds, on one node, each table of the OMS whose changes
 * since it was last analysed (at least {@value #MIN_CHANGED}) are three times the rows it had then — one never analysed,
 * one grown fourfold — is analysed now, as PostgreSQL's manual advises after populating a table: a first import of
 * 100,000 orders analyses the orders three or four times, not at every page.
 * In steady use this finds nothing and autovacuum does the work.
 *
 * <p>These analyses take a small sample ({@value #STATISTICS_TARGET} as the statistics target: 3,000 rows instead of
 * 30,000): what the planner lacks after a bulk load is the table's size and the rough spread of its keys, and the
 * full analysis of a wide table in the middle of an import cost as much as writing thousands of its orders.
 * Autovacuum's own analysis, with the full sample, follows when the load has settled.
 */
@Configuration(proxyBeanMethods = false)
class TableStatistics {

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

    static final int MIN_CHANGED = 1_000;

    /** At most this many tables per round, the most changed first, so one round never runs long. */
    private static final int TABLES_PER_ROUND = 8;

    /** The statistics target of these analyses (PostgreSQL's default is 100; each unit is 300 sampled rows). */
    static final int STATISTICS_TARGET = 10;

    @Bean
    RecurringTask<Void> analyseChangedTables(JdbcClient jdbc, PlatformTransactionManager transactions) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return Tasks.recurring("analyse-changed-tables", FixedDelay.ofSeconds(5))
                .execute((instance, context) -> analyseChanged(jdbc, transaction));
    }

    /** Analyses the tables that changed much since their statistics were taken; returns their names. */
    static List<String> analyseChanged(JdbcClient jdbc, TransactionTemplate transaction) {
        List<String> tables = jdbc.sql("""
                        select format('%I.%I', schemaname, relname) from pg_stat_user_tables
                        where schemaname = current_schema()
                          and n_mod_since_analyze >= ?
                          and n_mod_since_analyze >= 3 * greatest(n_live_tup - n_mod_since_analyze, 0)
                        order by n_mod_since_analyze desc
                        limit ?
                        """)
                .params(MIN_CHANGED, TABLES_PER_ROUND)
                .query(String.class)
                .list();
        for (String table : tables) {
            // one transaction a table, so that the sample's size is set for this analysis only
            transaction.executeWithoutResult(status -> {
                jdbc.sql("set local default_statistics_target = " + STATISTICS_TARGET)
                        .update();
                // the name comes from the catalogue, quoted by format('%I')
                jdbc.sql("analyze " + table).update();
            });
        }
        if (!tables.isEmpty()) {
            log.debug("Analysed {} after bulk changes", tables);
        }
        return tables;
    }
}
