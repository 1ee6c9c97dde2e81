package jp.juchu.oms.imports;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnectionSaved;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.malls.MallConnectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import runs are db-scheduler executions: one task instance per connection, rescheduled at the
 * connection's interval after each run while automatic fetch is on. db-scheduler picks each instance on
 * one node only, so several OMS nodes on one database never run a connection twice at once; the run's
 * own lease guards against a manual and a scheduled run meeting.
 */
@Configuration(proxyBeanMethods = false)
class ImportScheduling {

    private static final Logger log = LoggerFactory.getLogger(ImportScheduling.class);
    static final TaskDescriptor<String> ORDER_IMPORT = TaskDescriptor.of("order-import", String.class);

    @Bean
    CustomTask<String> orderImportTask(
            OrderImport imports,
            MallConnections connections,
            MallConnectors connectors,
            ImportRecords records,
            ImportReruns reruns,
            TransactionTemplate transactions,
            ObjectProvider<Scheduler> scheduler) {
        return Tasks.custom(ORDER_IMPORT).execute((instance, context) -> {
            long connectionId = Long.parseLong(instance.getId());
            ImportTrigger trigger = trigger(instance.getData());
            reruns.clear(connectionId); // notifications from here on ask for the next run
            if (connections.find(connectionId).flatMap(connectors::of).isPresent()) {
                imports.run(connectionId, trigger);
            }
            CompletionHandler<String> next = nextRun(connections, records, connectionId);
            return (complete, operations) -> {
                boolean again = Boolean.TRUE.equals(transactions.execute(tx -> {
                    if (reruns.takeRequest(connectionId) && !records.suspended(connectionId)) {
                        operations.reschedule(complete, Instant.now(), ImportTrigger.NOTIFIED.name());
                        return true;
                    }
                    next.complete(complete, operations);
                    return false;
                }));
                if (again) {
                    scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
                }
            };
        });
    }

    private static ImportTrigger trigger(String data) {
        for (ImportTrigger trigger : ImportTrigger.values()) {
            if (trigger.name().equals(data)) {
                return trigger;
            }
        }
        return ImportTrigger.SCHEDULED;
    }

    /**
     * Again one interval after this run was due (at a fixed rate: "every minute" means a look every minute, not a
     * minute after the last run ended), at once when the run took longer, while automatic fetch is on and the key
     * was not refused; otherwise done.
     */
    private static CompletionHandler<String> nextRun(
            MallConnections connections, ImportRecords records, long connectionId) {
        return connections
                .find(connectionId)
                .filter(MallConnection::autoFetch)
                .filter(c -> !records.suspended(connectionId))
                .<CompletionHandler<String>>map(c -> (complete, operations) -> operations.reschedule(
                        complete,
                        nextDue(
                                complete.getExecution().executionTime,
                                Duration.ofMinutes(c.fetchIntervalMinutes()),
                                Instant.now()),
                        "SCHEDULED"))
                .orElse((complete, operations) -> operations.remove());
    }

    /** One interval after the run was due, never in the past. */
    static Instant nextDue(Instant due, Duration interval, Instant now) {
        Instant next = due.plus(interval);
        return next.isBefore(now) ? now : next;
    }

    @Bean
    ImportScheduler importScheduler(
            @Lazy SchedulerClient scheduler,
            ObjectProvider<Scheduler> localScheduler,
            MallConnections connections,
            ImportRecords records) {
        return new ImportScheduler(scheduler, localScheduler, connections, records);
    }

    /** Keeps each connection's scheduled run in step with its settings. */
    static class ImportScheduler {

        private final SchedulerClient scheduler;
        private final ObjectProvider<Scheduler> localScheduler;
        private final MallConnections connections;
        private final ImportRecords records;

        ImportScheduler(
                SchedulerClient scheduler,
                ObjectProvider<Scheduler> localScheduler,
                MallConnections connections,
                ImportRecords records) {
            this.scheduler = scheduler;
            this.localScheduler = localScheduler;
            this.connections = connections;
            this.records = records;
        }

        /** Saved settings (new keys among them) lift a suspension and start a run soon. */
        @ApplicationModuleListener
        void on(MallConnectionSaved saved) {
            records.suspend(saved.connectionId(), false);
            connections.find(saved.connectionId()).ifPresent(c -> {
                if (c.autoFetch()) {
                    runAt(c.id(), Instant.now(), "SCHEDULED");
                } else {
                    cancel(c.id());
                }
            });
        }

        /** Connections with automatic fetch get their run scheduled if it is missing (idempotent on every node). */
        @EventListener(ApplicationReadyEvent.class)
        void scheduleMissing() {
            for (MallConnection connection : connections.all()) {
                if (connection.autoFetch() && !records.suspended(connection.id())) {
                    scheduler.scheduleIfNotExists(
                            ORDER_IMPORT
                                    .instance(String.valueOf(connection.id()))
                                    .data("SCHEDULED")
                                    .build(),
                            Instant.now().plusSeconds(5));
                }
            }
        }

        /** A notification: the connection's run moves to now (or is created) unless it is running right now. */
        void runOnNotification(long connectionId) {
            runAt(connectionId, Instant.now(), ImportTrigger.NOTIFIED.name());
        }

        /** This node looks for due runs now rather than at its next poll. */
        void checkNow() {
            localScheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
        }

        /** "今すぐ取得": the connection's run moves to now (or is created); false if it is running right now. */
        boolean runNow(long connectionId) {
            return runAt(connectionId, Instant.now(), "MANUAL");
        }

        private boolean runAt(long connectionId, Instant when, String trigger) {
            TaskInstanceId id = TaskInstanceId.of(ORDER_IMPORT.getTaskName(), String.valueOf(connectionId));
            var existing = scheduler.getScheduledExecution(id);
            if (existing.isPresent()) {
                if (existing.get().isPicked()) {
                    return false;
                }
                try {
                    return scheduler.reschedule(id, when, trigger);
                } catch (RuntimeException pickedMeanwhile) {
                    log.debug("Run of connection {} started meanwhile", connectionId);
                    return false;
                }
            }
            return scheduler.scheduleIfNotExists(
                    ORDER_IMPORT
                            .instance(String.valueOf(connectionId))
                            .data(trigger)
                            .build(),
                    when);
        }

        private void cancel(long connectionId) {
            TaskInstanceId id = TaskInstanceId.of(ORDER_IMPORT.getTaskName(), String.valueOf(connectionId));
            if (scheduler.getScheduledExecution(id).filter(e -> !e.isPicked()).isPresent()) {
                scheduler.cancel(id);
            }
        }
    }
}
