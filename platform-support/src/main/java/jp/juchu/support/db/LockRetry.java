package jp.juchu.support.db;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Work done after a commit (an event listener's own transaction) may lose a deadlock to another transaction changing
 * the same rows in another order; PostgreSQL then rolls the loser back whole, so it can simply run again. Each call of
 * {@code work} must be one whole transaction.
 */
public final class LockRetry {

    private static final Logger log = LoggerFactory.getLogger(LockRetry.class);

    /** Three attempts in all, then the failure goes to the caller (the event registry keeps the publication). */
    public static final int ATTEMPTS = 3;

    private LockRetry() {}

    public static <T> T retrying(String what, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("{} lost a lock to another transaction, trying again ({})", what, attempt);
            }
        }
    }
}
