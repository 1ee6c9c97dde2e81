package jp.juchu.oms.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.juchu.oms.malls.OrderBlocks;
import jp.juchu.oms.malls.OrderPage;

/**
 * A run's pages, read while the run writes the pages before them, at most {@code depth} pages ahead. The run's window
 * may be read in lanes (parts of the window, each read page after page by a thread of its own, side by side); the
 * run takes the pages as they come, and the last page it is handed is the last of the last lane to end. Each page is
 * listed or read as the run would have read it: a page whose listing ({@link OrderBlocks#BASIC}) shows something new
 * or changed is read again in full, and the page after a changed one is read in full at once. A failure to read
 * (after the retries) reaches the run at the page where it happened.
 */
final class PagesAhead implements AutoCloseable {

    /**
     * One page as read, whether it was read in full, and whether it is the run's last. A page that counts its window
     * carries the whole run's count as far as known: the lanes' counts added up.
     */
    record Fetched(OrderPage page, boolean readInFull, boolean last) {}

    /** Reads one page of a lane. */
    interface Reader {
        OrderPage read(int from, String cursor, OrderBlocks blocks);
    }

    /** Whether any order of a page is new to the OMS or changed at the shop since it was imported. */
    interface ChangeCheck {
        boolean anyChanged(OrderPage page);
    }

    /** A lane's page, or the failure that ended it. */
    private record Handed(int lane, Object item, boolean laneEnds) {}

    private final BlockingQueue<Handed> ahead;
    private final int pageSize;
    private final ChangeCheck check;
    private final List<Future<?>> tasks = new ArrayList<>();
    private final Long[] laneTotals;
    private int lanesReading;
    private volatile boolean closed;

    PagesAhead(
            ExecutorService executor,
            int depth,
            int pageSize,
            OrderBlocks first,
            List<Reader> lanes,
            ChangeCheck check) {
        this.ahead = new ArrayBlockingQueue<>(Math.max(1, depth));
        this.pageSize = pageSize;
        this.check = check;
        this.laneTotals = new Long[lanes.size()];
        this.lanesReading = lanes.size();
        for (int lane = 0; lane < lanes.size(); lane++) {
            int number = lane;
            Reader reader = lanes.get(lane);
            tasks.add(executor.submit(() -> readAll(number, reader, first)));
        }
    }

    private void readAll(int lane, Reader reader, OrderBlocks first) {
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
                hand(new Handed(lane, new Fetched(page, readInFull, last), last));
                if (last) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            hand(new Handed(lane, e, true));
        }
    }

    /** Waits for room ahead, unless the run has ended. */
    private void hand(Handed item) {
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

    /** The next page of any lane, waiting for one to be read; a failure to read it is thrown here. */
    Fetched next() {
        Handed handed;
        try {
            handed = ahead.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderImport.ShopUnavailableInterrupted();
        }
        if (handed.item() instanceof RuntimeException failure) {
            throw failure;
        }
        if (handed.item() instanceof Error error) {
            throw error;
        }
        Fetched fetched = (Fetched) handed.item();
        if (handed.laneEnds()) {
            lanesReading--;
        }
        OrderPage page = fetched.page();
        if (page.totalCount() != null) {
            laneTotals[handed.lane()] = page.totalCount();
            long total = 0;
            for (Long laneTotal : laneTotals) {
                total += laneTotal == null ? 0 : laneTotal;
            }
            page = new OrderPage(total, page.searchedAt(), page.orders(), page.nextSearchAfter());
        }
        return new Fetched(page, fetched.readInFull(), lanesReading == 0);
    }

    /** Stops reading ahead (the run ended, or failed while writing). */
    @Override
    public void close() {
        closed = true;
        tasks.forEach(task -> task.cancel(true));
    }
}
