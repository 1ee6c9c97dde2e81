package jp.juchu.oms.stock;

import jp.juchu.oms.stock.StockSettings.AllocationTiming;
import jp.juchu.oms.stock.internal.StockSettingsStore;
import org.springframework.stereotype.Service;

/**
 * The allocation timing as other modules see it (オプション設定 › 引当のタイミング): the very setting every path that
 * allocates reads — the import, a move out of 新規受付 / 確認待ち by the order page, the bulk change, a rule or the
 * API, and the minute's sweep of waiting orders (all of them through {@link OrderStockHooks}).
 */
@Service
public class AllocationTimingSwitch {

    private final StockSettingsStore settings;

    AllocationTimingSwitch(StockSettingsStore settings) {
        this.settings = settings;
    }

    public AllocationTiming current() {
        return settings.current().allocationTiming();
    }

    /** Changes the timing for the orders imported from now on; the stock settings' other values stay. */
    public void change(AllocationTiming timing, String actor) {
        StockSettings now = settings.current();
        settings.save(new StockSettings(timing, now.lowStockThreshold()), actor);
    }
}
