package jp.juchu.oms.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.juchu.oms.malls.OrderBlocks;
import jp.juchu.oms.malls.OrderPage;
import jp.juchu.oms.malls.RawOrder;

/**
 * A run's pages, read one after the other by a thread of their own while the run writes the pages before them, at
 * most {@code depth} pages ahead. Each page is listed or read as the run would have read it: a page whose listing
 * ({@link OrderBlocks#BASIC}) shows something new or changed is read again in full, and the page after a changed one
 * is read in full at once. A failure to read (after the retries) reaches the run at the page where it happened.
 */
final class PagesAhead implements AutoCloseable {

    /**
     * One page as read: the shop's count and time of the search; its orders, either as listed (not read in full) or as
     * far as they are read before the database is asked (read in full: the page's JSON trees are not kept); and whether
     * it is the run's last.
     */
    record Fetched(
            Long totalCount,
            OffsetDateTime searchedAt,
            List<RawOrder> listed,
            List<ImportedPages.Prepared> inFull,
            boolean last) {

        boolean readInFull() {
            return inFull != null;
        }

        int size() {
            return readInFull() ? inFull.size() : listed.size();
        }

        /** The serial codes the shop gave the page's orders (those it gave). */
        Stream<String> serialCodes() {
            return (readInFull()
                            ? inFull.stream().map(ImportedPages.Prepared::serialCode)
                            : listed.stream().map(RawOrder::serialCode))
                    .filter(java.util.Objects::nonNull);
        }
    }

    /** Reads one page of the run's window. */
    interface Reader {
        OrderPage read(int from, String cursor, OrderBlocks blocks);
    }

    /** Whether any order of a page is new to the OMS or changed at the shop since it was imported. */
    interface ChangeCheck {
        boolean anyChanged(OrderPage page);
    }

    /** Reads the orders of a page read in full as far as they can be read before the database is asked. */
    interface Preparer {
        List<ImportedPages.Prepared> prepare(OrderPage page);
    }

    private final BlockingQueue<Object> ahead;
    private final int pageSize;
    private final Reader reader;
    private final ChangeCheck check;
    private final Preparer preparer;
    private final Future<?> task;
    private volatile boolean closed;

    PagesAhead(
            ExecutorService executor,
            int depth,
            int pageSize,
            OrderBlocks first,
            Reader reader,
            ChangeCheck check,
            Preparer preparer) {
        this.ahead = new ArrayBlockingQueue<>(Math.max(1, depth));
        this.pageSize = pageSize;
        this.reader = reader;
        this.check = check;
        this.preparer = preparer;
        this.task = executor.submit(() -> readAll(first));
    }

    private void readAll(OrderBlocks first) {
        OrderBlocks blocks = first;
        int from = 0;
        String cursor = null;
        try {
            while (!closed) {
                OrderPage page = reader.read(from, cursor, blocks);
                boolean changed = check.anyChanged(page);
                if (blocks == OrderBlocks.BASIC && changed) {
                    page = reader.read(from, cursor, OrderBlocks.ALL);
                }
                boolean readInFull = blocks == OrderBlocks.ALL || changed;
                blocks = changed ? OrderBlocks.ALL : OrderBlocks.BASIC;
                from += page.orders().size();
                cursor = page.nextSearchAfter();
                boolean last = page.orders().size() < pageSize;
                hand(new Fetched(
                        page.totalCount(),
                        page.searchedAt(),
                        readInFull ? null : page.orders(),
                        readInFull ? preparer.prepare(page) : null,
                        last));
                if (last) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            hand(e);
        }
    }

    /** Waits for room ahead, unless the run has ended. */
    private void hand(Object item) {
        try {
            while (!closed) {
                if (ahead.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next page, waiting for it to be read; a failure to read it is thrown here. */
    Fetched next() {
        Object item;
        try {
            item = ahead.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderImport.ShopUnavailableInterrupted();
        }
        if (item instanceof RuntimeException failure) {
            throw failure;
        }
        if (item instanceof Error error) {
            throw error;
        }
        return (Fetched) item;
    }

    /** Stops reading ahead (the run ended, or failed while writing). */
    @Override
    public void close() {
        closed = true;
        task.cancel(true);
    }
}
