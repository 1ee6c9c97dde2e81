package jp.juchu.oms.imports;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A run's batches written by up to {@code limit} transactions at once, started in the order they were read. One
 * database session inserts a batch at the speed of one core; a second writes the next batch meanwhile. A batch waits
 * for any batch in flight that shares an order with it (an order changed while the run pages is listed twice), so one
 * order is never written by two transactions at once. A failed write reaches the run when it waits for that batch;
 * the run ends only after every write it started has ended.
 */
final class ConcurrentWrites implements AutoCloseable {

    private record InFlight(Future<?> done, Set<String> serialCodes) {}

    private final ExecutorService executor;
    private final int limit;
    private final Runnable afterEach;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();

    /** {@code afterEach} runs on the run's thread after each batch is known written (e.g. to renew the lease). */
    ConcurrentWrites(ExecutorService executor, int limit, Runnable afterEach) {
        this.executor = executor;
        this.limit = Math.max(1, limit);
        this.afterEach = afterEach;
    }

    /** Starts writing a batch once there is room and no batch in flight shares one of its orders. */
    void submit(Set<String> serialCodes, Runnable write) {
        while (inFlight.size() >= limit
                || inFlight.stream().anyMatch(f -> !Collections.disjoint(f.serialCodes(), serialCodes))) {
            awaitOldest();
        }
        inFlight.add(new InFlight(executor.submit(write), serialCodes));
    }

    /** Waits until every batch started is written; the first failure is thrown. */
    void awaitAll() {
        while (!inFlight.isEmpty()) {
            awaitOldest();
        }
    }

    private void awaitOldest() {
        InFlight oldest = inFlight.removeFirst();
        try {
            oldest.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderImport.ShopUnavailableInterrupted();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        afterEach.run();
    }

    /** After a failure: waits for the writes still going (their outcome no longer matters) before the run ends. */
    @Override
    public void close() {
        for (InFlight write : inFlight) {
            try {
                write.done().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException ignored) {
                // the run has already failed on an earlier batch; this one's failure adds nothing
            }
        }
        inFlight.clear();
    }
}
