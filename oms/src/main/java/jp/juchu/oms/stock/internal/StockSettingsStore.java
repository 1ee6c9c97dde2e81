package jp.juchu.oms.stock.internal;

import jp.juchu.oms.stock.StockSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Reads and saves {@link StockSettings}, one row in the database shared by every OMS node. */
@Service
public class StockSettingsStore {

    private final JdbcClient jdbc;

    StockSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The settings, read once per transaction: an import's page moves hundreds of orders, each move asks the
     * allocation timing, and they all see the value the first one read (saving updates it).
     */
    public StockSettings current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read();
        }
        Object cached = TransactionSynchronizationManager.getResource(this);
        if (cached instanceof StockSettings settings) {
            return settings;
        }
        StockSettings settings = read();
        remember(settings);
        return settings;
    }

    public void save(StockSettings settings, String actor) {
        jdbc.sql("update stock_setting set allocation_timing = ?, low_stock_threshold = ?, updated_at = now(),"
                        + " updated_by = ? where id = 1")
                .params(settings.allocationTiming().name(), settings.lowStockThreshold(), actor)
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.unbindResourceIfPossible(this);
            remember(settings);
        }
    }

    private StockSettings read() {
        return jdbc.sql("select allocation_timing, low_stock_threshold from stock_setting where id = 1")
                .query((rs, n) ->
                        new StockSettings(StockSettings.AllocationTiming.valueOf(rs.getString(1)), rs.getInt(2)))
                .optional()
                .orElse(new StockSettings(StockSettings.AllocationTiming.ON_IMPORT, 5));
    }

    /** Keeps the settings for the rest of the transaction; forgotten when it completes. */
    private void remember(StockSettings settings) {
        TransactionSynchronizationManager.bindResource(this, settings);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(StockSettingsStore.this);
            }
        });
    }
}
