package jp.juchu.shop.accesslog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes logs past each shop's retention, nightly and at start. Idempotent: it only deletes files whose
 * date is past the retention, so a second run — or two nodes running it — deletes nothing more.
 */
@Component
class AccessLogCleanup {

    private static final Logger log = LoggerFactory.getLogger(AccessLogCleanup.class);

    private final AccessLog accessLog;

    AccessLogCleanup(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        run();
    }

    @Scheduled(cron = "${shop.accesslog.cleanup-cron:0 30 3 * * *}", zone = "Asia/Tokyo")
    int run() {
        int deleted = 0;
        for (String shopId : accessLog.shopsWithLogs()) {
            try {
                deleted += accessLog.deleteExpired(shopId);
            } catch (RuntimeException e) {
                log.warn("Could not clean the access logs of {}: {}", shopId, e.toString());
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} access log files past their retention", deleted);
        }
        return deleted;
    }
}
