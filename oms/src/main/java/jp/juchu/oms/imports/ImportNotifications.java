package jp.juchu.oms.imports;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A change notification for a connection: start its incremental import now. Coalesced on any node: the connection's
 * one db-scheduler run moves to now when it is waiting; while it runs, the request waits in {@link ImportReruns} and
 * the run is followed by exactly one more, however many notifications came. A notification never replaces the import:
 * the run reads from the watermark as any other does; it only says when to look.
 */
@Service
public class ImportNotifications {

    private final ImportReruns reruns;
    private final ImportScheduling.ImportScheduler scheduler;

    ImportNotifications(ImportReruns reruns, ImportScheduling.ImportScheduler scheduler) {
        this.reruns = reruns;
        this.scheduler = scheduler;
    }

    @Transactional
    public void notified(long connectionId) {
        reruns.request(connectionId); // first: a run ending now waits for this row, then sees the request
        scheduler.runOnNotification(connectionId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.checkNow(); // this node picks the run at once rather than at its next poll
                }
            });
        }
    }
}
