package jp.juchu.support.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class GenericPlansTests {

    static final String BATCH = "select count(*) from item where id = any (?)";

    static EmbeddedPostgres postgres;
    static SingleConnectionDataSource connection;
    static JdbcTemplate jdbc;
    static TransactionTemplate transaction;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        // one connection, as a pooled one is used page after page
        connection =
                new SingleConnectionDataSource(postgres.getPostgresDatabase().getConnection(), true);
        jdbc = new JdbcTemplate(connection);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(connection));
        jdbc.execute("create table item (id bigint primary key, name text)");
        jdbc.execute("insert into item select g, 'item ' || g from generate_series(1, 20000) g");
        jdbc.execute("analyze item");
    }

    @AfterAll
    static void stop() throws Exception {
        connection.destroy();
        postgres.close();
    }

    @Test
    void aBatchStatementIsPlannedOnceForEveryBatchAndTheTransactionsOtherStatementsAsPostgresChooses() {
        for (int size : new int[] {1, 1000, 20, 5000, 3, 1000, 7}) {
            Long[] ids = LongStream.rangeClosed(10, 9 + size).boxed().toArray(Long[]::new);
            String mode = transaction.execute(status -> {
                assertThat(GenericPlans.queryForLong(jdbc, BATCH, (Object) ids)).isEqualTo(size);
                return jdbc.queryForObject("show plan_cache_mode", String.class);
            });
            assertThat(mode).isEqualTo("auto");
        }
        // prepared on the connection at its first use, and never planned for a batch's own ids
        Map<String, Object> prepared = jdbc.queryForMap(
                "select generic_plans, custom_plans from pg_prepared_statements where statement like ?",
                "select count(*) from item where id = any ($1)%");
        assertThat(prepared).containsEntry("generic_plans", 7L).containsEntry("custom_plans", 0L);
    }

    @Test
    void aFailingStatementGivesItsOwnError() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> GenericPlans.queryForLong(
                        jdbc, "select 1 / (count(*) - count(*)) from item where id = any (?)", (Object)
                                new Long[] {1L})))
                .hasMessageContaining("division by zero");
    }

    @Test
    void itNeedsATransactionForItsSettingToStayWithTheStatement() {
        assertThatThrownBy(() -> GenericPlans.queryForLong(jdbc, BATCH, (Object) new Long[] {1L}))
                .isInstanceOf(IllegalStateException.class);
    }
}
