package jp.juchu.shop.points;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the automatic approval of points every {@code shop.points.auto-approval-every} (default 10 minutes). The
 * shop server has no db-scheduler; the job is idempotent instead — each entry is decided by one conditional update
 * — so a run on two nodes at once, or again after a crash, decides nothing twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AutoApproval {

    private static final Logger log = LoggerFactory.getLogger(AutoApproval.class);

    private final PointApprovals approvals;

    AutoApproval(PointApprovals approvals) {
        this.approvals = approvals;
    }

    @Scheduled(
            initialDelayString = "${shop.points.auto-approval-every:PT10M}",
            fixedDelayString = "${shop.points.auto-approval-every:PT10M}")
    void run() {
        try {
            int decided = approvals.autoApprove();
            if (decided > 0) {
                log.info("Points approved or refused automatically: {}", decided);
            }
        } catch (RuntimeException e) {
            log.warn("Automatic approval of points failed; it runs again at the next interval", e);
        }
    }
}
