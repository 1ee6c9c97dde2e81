package jp.juchu.oms.malls.internal;

/**
 * The kinds of call a connection makes to its shop's API, in the order the request budget serves them: the import
 * first (an order the OMS has not seen holds everything after it up), then the stock sync (overselling), then the
 * shipment write-back (the shop learns of a shipment a few minutes later at worst).
 */
public enum ApiCall {
    IMPORT("used_import"),
    STOCK_SYNC("used_stock_sync"),
    WRITE_BACK("used_write_back");

    private final String counter;

    ApiCall(String counter) {
        this.counter = counter;
    }

    /** The budget's column counting the calls of this kind. */
    String counter() {
        return counter;
    }

    /** 0 for the import; each later kind leaves one more reserve to the kinds before it. */
    int rank() {
        return ordinal();
    }
}
