package jp.juchu.oms.stock;

/**
 * The stock module's settings (在庫設定), stored in the database and changed on the stock settings page.
 *
 * @param allocationTiming when an order's stock is allocated (引当)
 * @param lowStockThreshold the stock list's 在庫少: free stock above 0 and at most this
 */
public record StockSettings(AllocationTiming allocationTiming, int lowStockThreshold) {

    public static final int MAX_LOW_STOCK_THRESHOLD = 99_999;

    public StockSettings {
        if (allocationTiming == null) {
            throw new IllegalArgumentException("引当のタイミングを選んでください");
        }
        if (lowStockThreshold < 0 || lowStockThreshold > MAX_LOW_STOCK_THRESHOLD) {
            throw new IllegalArgumentException("在庫少のしきい値は0〜" + MAX_LOW_STOCK_THRESHOLD + "で入力してください");
        }
    }

    public enum AllocationTiming {
        /** As soon as the order is imported (or entered). */
        ON_IMPORT("受注の取込時"),
        /** When the order leaves 新規受付 / 確認待ち for a status on the way to shipping. */
        AFTER_CONFIRMATION("確認待ちを抜けた時");

        private final String label;

        AllocationTiming(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
