package jp.juchu.oms.malls.internal;

/**
 * The kinds of call a connection makes to its shop's API, in the order the request budget serves them: the import
 * first (an order the OMS has not seen holds everything after it up), then the stock sync (overselling), then the
 * shipment write-back (the shop learns of a shipment a few minutes later at worst) and the reading of the shop's
 * catalogue (商品取込, a person's one-off task that can wait as long).
 */
public enum ApiCall {
    IMPORT("used_import", 0),
    STOCK_SYNC("used_stock_sync", 1),
    WRITE_BACK("used_write_back", 2),
    CATALOGUE("used_catalogue", 2);

    private final String counter;
    private final int rank;

    ApiCall(String counter, int rank) {
        this.counter = counter;
        this.rank = rank;
    }

    /** The budget's column counting the calls of this kind. */
    String counter() {
        return counter;
    }

    /** 0 for the import; each later rank leaves one more reserve to the ranks before it. */
    int rank() {
        return rank;
    }
}
