package jp.juchu.oms.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import jp.juchu.oms.malls.ConnectionSettings;
import jp.juchu.oms.malls.ConnectionSetup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Saving a connection with automatic fetch starts its runs through db-scheduler; "fetch now" runs at once. */
@SpringBootTest
class ScheduledImportTests {

    @Autowired
    ConnectionSetup setup;

    @Autowired
    ImportHistory history;

    @Autowired
    JdbcClient jdbc;

    @Test
    void savedConnectionWithAutomaticFetchIsImportedByTheSchedulerAndFetchNowRunsAgain() throws Exception {
        try (FakeShop shop = new FakeShop("scheduled1")) {
            for (int i = 0; i < 5; i++) {
                shop.place("sch-" + i, FakeShop.now().minusMinutes(10 - i), 1);
            }
            long id = setup.verifyAndSave(
                            null,
                            new ConnectionSettings(
                                    shop.shopId(),
                                    shop.openKey(),
                                    shop.managerKey(),
                                    7,
                                    true,
                                    30,
                                    shop.managementUrl(),
                                    shop.itemUrl()))
                    .connection()
                    .id();

            awaitOrders(id, 5);
            assertThat(history.runs(id))
                    .first()
                    .satisfies(run -> assertThat(run.trigger()).isEqualTo("SCHEDULED"));
            // at a fixed rate: the next run is due one interval after this one was due, not after it ended
            ImportRun first = history.runs(id).get(0);
            // the scheduler moves the next due time once the run's execution completes, just after the run ends
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(jdbc.sql("select execution_time from scheduled_tasks"
                                            + " where task_name = 'order-import' and task_instance = ?")
                                    .param(String.valueOf(id))
                                    .query(java.time.OffsetDateTime.class)
                                    .single())
                            .isAfter(java.time.OffsetDateTime.now().plusMinutes(25))
                            .isBeforeOrEqualTo(first.startedAt().plusMinutes(30)));

            shop.place("sch-late", FakeShop.now(), 1);
            assertThat(history.runNow(id)).isTrue();
            awaitOrders(id, 6);
            assertThat(history.runs(id))
                    .first()
                    .satisfies(run -> assertThat(run.trigger()).isEqualTo("MANUAL"));
        }
    }

    @Test
    void aRunThatTookLongerThanTheIntervalIsFollowedAtOnceNotLater() {
        Instant due = Instant.parse("2026-12-05T03:00:00Z");
        assertThat(ImportScheduling.nextDue(due, Duration.ofMinutes(1), due.plusSeconds(2)))
                .isEqualTo(due.plusSeconds(60));
        assertThat(ImportScheduling.nextDue(due, Duration.ofMinutes(1), due.plusSeconds(90)))
                .isEqualTo(due.plusSeconds(90));
    }

    private void awaitOrders(long connectionId, long expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            long count = jdbc.sql("select count(*) from oms_order where connection_id = ?")
                    .param(connectionId)
                    .query(Long.class)
                    .single();
            if (count == expected && history.runs(connectionId).stream().noneMatch(ImportRun::running)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("orders of connection " + connectionId + " did not arrive within 30 s");
    }
}
