package jp.juchu.oms.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17's document benchmark, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B -pl oms -am test -Dtest=DeliveryNotesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * 1,000 orders (three lines each, 8 % and 10 %, fees, coupon, points, remarks; one line's product listed) become one
 * PDF of 納品書, then one トータルピッキングリスト of the same orders, each written to a stream that only counts bytes,
 * timed while the heap is sampled (surefire's JVM runs with -Xmx1g). The figures are appended to
 * {@code docs/benchmarks.md}.
 */
@SpringBootTest
class DeliveryNotesBenchmark {

    private static final int ORDERS = Integer.getInteger("benchmark.orders", 1000);

    @Autowired
    DeliveryNotes notes;

    @Autowired
    PickingLists picking;

    @Autowired
    Orders orders;

    @Autowired
    MallConnections connections;

    @Autowired
    ContractorInfo contractor;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aThousandDeliveryNotesInOnePdf() throws Exception {
        contractor.save(new Contractor(
                "ジュチュウ日本茶店",
                "受注 太郎",
                "420-0852",
                "静岡県",
                "静岡市葵区紺屋町17-1",
                "054-000-1234",
                "shop@example.jp",
                "T1234567890123"));
        DocumentFixture fixture = new DocumentFixture(
                orders, jdbc, connections.ownChannel(Mall.MANUAL).id());
        String run = Long.toString(System.nanoTime(), 36);
        fixture.listing("bench-tea", fixture.product("BT-" + run, "静岡 深蒸し煎茶 100g", "SKU", "A-01-03", false), 1);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            ids.add(fixture.order(
                    "bn-" + run + "-" + i,
                    List.of(
                            new ShopOrder.Item("bench-tea", "", "静岡 深蒸し煎茶 100g", 1080, 1 + i % 3, 8),
                            new ShopOrder.Item("bench-cup-" + (i % 40), "白", "有田焼 湯呑み 手描き", 2200, 1, 10),
                            new ShopOrder.Item("bench-sweets", "", "季節の和菓子 詰め合わせ", 1620, 2, 8)),
                    800,
                    i % 5 == 0 ? 330 : 0,
                    i % 7 == 0 ? 300 : 0,
                    i % 3 == 0 ? 100 : 0,
                    i % 4 == 0 ? "午前中に届くとうれしいです。よろしくお願いします。" : null));
        }

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        CountingStream notesOut = new CountingStream();
        int written = notes.write(ids, notesOut);
        long notesDone = System.nanoTime();
        long notesPeak = peak.getAndSet(memory.getHeapMemoryUsage().getUsed());
        CountingStream pickingOut = new CountingStream();
        picking.write(PickingLists.Layout.TOTAL, ids, pickingOut);
        long pickingDone = System.nanoTime();
        running.set(false);
        sampler.join();

        assertThat(written).isEqualTo(ORDERS);
        Path file = Path.of("..", "docs", "benchmarks.md");
        Files.writeString(
                file,
                """

                ## 納品書 and ピッキングリスト as PDF (issue 17) — %s

                Machine: %d cores, the OMS's embedded PostgreSQL 17, surefire's JVM (-Xmx1g). %,d orders (three lines each,
                8 %% and 10 %%, fees, coupon, points, remarks) printed as one PDF of 納品書 (Noto Sans JP embedded as a subset,
                pages kept in a temporary file until the PDF is written), then one トータルピッキングリスト of the same orders,
                each written to a stream that counts the bytes.
                Command: `./mvnw -B -pl oms -am test -Dtest=DeliveryNotesBenchmark -Dsurefire.failIfNoSpecifiedTests=false`

                | document | orders | bytes | time | heap before | peak heap while writing (sampled) |
                |---|---|---|---|---|---|
                | 納品書 | %,d | %,d | %,d ms | %d MiB | %d MiB |
                | トータルピッキングリスト | %,d | %,d | %,d ms | — | %d MiB |
                """.formatted(
                                LocalDate.now(),
                                Runtime.getRuntime().availableProcessors(),
                                ORDERS,
                                ORDERS,
                                notesOut.bytes,
                                (notesDone - started) / 1_000_000,
                                before / (1024 * 1024),
                                notesPeak / (1024 * 1024),
                                ORDERS,
                                pickingOut.bytes,
                                (pickingDone - notesDone) / 1_000_000,
                                peak.get() / (1024 * 1024)),
                StandardOpenOption.APPEND);
    }

    /** Counts bytes, keeps nothing. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
