package jp.juchu.oms.stock.internal;

import jp.juchu.oms.stock.StockSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads and saves {@link StockSettings}, one row in the database shared by every OMS node. */
@Service
public class StockSettingsStore {

    private final JdbcClient jdbc;

    StockSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StockSettings current() {
        return jdbc.sql("select allocation_timing, low_stock_threshold from stock_setting where id = 1")
                .query((rs, n) ->
                        new StockSettings(StockSettings.AllocationTiming.valueOf(rs.getString(1)), rs.getInt(2)))
                .optional()
                .orElse(new StockSettings(StockSettings.AllocationTiming.ON_IMPORT, 5));
    }

    public void save(StockSettings settings, String actor) {
        jdbc.sql("update stock_setting set allocation_timing = ?, low_stock_threshold = ?, updated_at = now(),"
                        + " updated_by = ? where id = 1")
                .params(settings.allocationTiming().name(), settings.lowStockThreshold(), actor)
                .update();
    }
}
