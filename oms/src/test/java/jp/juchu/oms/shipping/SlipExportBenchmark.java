package jp.juchu.oms.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 7's export benchmark, run on demand (not part of {@code verify}):
 * {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl oms verify -Dtest=SlipExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * 10,000 orders ready to ship are exported to one B2 Cloud CSV: the export batch is recorded (every order
 * checked, listed in the batch and moved to 印刷済み — what the merchant's click does before the download starts),
 * then the file is written to a stream that only counts bytes; each step is timed while the heap is sampled. The
 * figures are appended to {@code docs/benchmarks.md}.
 */
@SpringBootTest
class SlipExportBenchmark {

    private static final int ORDERS = Integer.getInteger("benchmark.orders", 10_000);

    @Autowired
    Orders orders;

    @Autowired
    SlipExports exports;

    @Autowired
    ContractorInfo contractor;

    @Test
    void tenThousandOrdersToOneB2CloudFile() throws Exception {
        contractor.save(new Contractor(
                "ジュチュウ日本茶店", "受注 太郎", "420-0852", "静岡県", "静岡市葵区紺屋町17-1", "054-000-1234", "shop@example.jp"));
        List<IncomingOrder> page = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            page.add(new IncomingOrder(order("bench-" + i), "{}", "h" + i));
            if (page.size() == 500) {
                orders.applyFromShop(9_999, page);
                page.clear();
            }
        }
        List<Long> ids = orders.inStatus("NEW", ORDERS);
        orders.moveTo(ids, "READY_TO_SHIP", "benchmark", "benchmark");

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        SlipExports.Batch batch = exports.record(Carrier.YAMATO, ids, false, "benchmark");
        long recorded = System.nanoTime();
        CountingStream out = new CountingStream();
        exports.write(batch.id(), out);
        long written = System.nanoTime();
        running.set(false);
        long recordMillis = (recorded - started) / 1_000_000;
        long writeMillis = (written - recorded) / 1_000_000;
        sampler.join();

        assertThat(out.lines).isEqualTo(ORDERS + 1);
        Path file = Path.of("..", "docs", "benchmarks.md");
        Files.writeString(
                file,
                """

                ## Slip CSV export (issue 7) — %s

                Machine: %d cores, the OMS's embedded PostgreSQL 17. %,d orders ready to ship (one shipment each)
                exported to one Yamato B2 Cloud CSV: the export batch recorded (every order checked, listed in the batch and moved
                to 印刷済み with its history), then the file written order by order to a stream that counts the bytes.
                Command: `./mvnw -B install -DskipTests && ./mvnw -B -pl oms verify -Dtest=SlipExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false`

                | orders | rows | bytes | recording the batch | writing the file | both | heap before | peak heap during both (sampled) |
                |---|---|---|---|---|---|---|---|
                | %d | %d | %,d | %,d ms | %,d ms | %,d ms | %d MiB | %d MiB |
                """.formatted(
                                LocalDate.now(),
                                Runtime.getRuntime().availableProcessors(),
                                ORDERS,
                                ORDERS,
                                out.lines - 1,
                                out.bytes,
                                recordMillis,
                                writeMillis,
                                recordMillis + writeMillis,
                                before / (1024 * 1024),
                                peak.get() / (1024 * 1024)),
                StandardOpenOption.APPEND);
    }

    private static ShopOrder order(String serial) {
        return new ShopOrder(
                serial,
                serial,
                OffsetDateTime.now().minusDays(1),
                OffsetDateTime.now().minusDays(1),
                "New",
                "Paid",
                "NotShipped",
                new ShopOrder.Buyer(
                        "山田 太郎",
                        "ヤマダ タロウ",
                        "taro@example.jp",
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区神宮前1-2-3",
                        null,
                        null),
                "CreditCard",
                List.of(new ShopOrder.Delivery(
                        1,
                        "佐藤 花子",
                        "サトウ ハナコ",
                        "06-1234-5678",
                        "530-0001",
                        "大阪府",
                        "大阪市北区梅田2-4-9",
                        "梅田ビル3F",
                        null,
                        "Morning",
                        false,
                        null,
                        800,
                        List.of(new ShopOrder.Item("tea-1", "", "静岡 深蒸し煎茶", 1080, 2, 8)),
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(2160, 800, 0, 0, 0, 0, 2960, List.of()),
                null);
    }

    /** Counts bytes and lines, keeps nothing. */
    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
