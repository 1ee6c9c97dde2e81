package jp.juchu.oms.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentWritesTests {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void batchesOfDifferentOrdersAreWrittenAtOnceButABatchSharingAnOrderWaitsForTheOneInFlight() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger renewed = new AtomicInteger();
        ConcurrentWrites writes = new ConcurrentWrites(executor, 2, renewed::incrementAndGet);

        writes.submit(Set.of("o-1", "o-2"), () -> {
            events.add("A start");
            bothStarted.countDown();
            await(release);
            events.add("A end");
        });
        writes.submit(Set.of("o-3"), () -> {
            events.add("B start");
            bothStarted.countDown();
            await(release);
            events.add("B end");
        });
        // A and B run at the same time: neither could finish before both had started
        assertThat(bothStarted.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        // C shares o-2 with A: it starts only after A has ended
        writes.submit(Set.of("o-2"), () -> events.add("C start"));
        writes.awaitAll();

        assertThat(events.indexOf("B start")).isLessThan(events.indexOf("A end"));
        assertThat(events.indexOf("C start")).isGreaterThan(events.indexOf("A end"));
        assertThat(renewed).hasValue(3);
    }

    @Test
    void aFailedWriteReachesTheRunAndTheWritesStillGoingAreWaitedFor() {
        CountDownLatch release = new CountDownLatch(1);
        List<String> ended = new CopyOnWriteArrayList<>();
        ConcurrentWrites writes = new ConcurrentWrites(executor, 2, () -> {});
        writes.submit(Set.of("o-1"), () -> {
            throw new IllegalStateException("書き込みに失敗しました");
        });
        writes.submit(Set.of("o-2"), () -> {
            await(release);
            ended.add("o-2");
        });

        assertThatThrownBy(() -> writes.submit(Set.of("o-3"), () -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("書き込みに失敗しました");
        release.countDown();
        writes.close();
        assertThat(ended).containsExactly("o-2");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
