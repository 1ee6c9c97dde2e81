package jp.juchu.shop.catalog;

/** How much of a product is left: unlimited, in stock, running low (at or under the alert), or sold out. */
public enum StockLevel {
    UNLIMITED,
    IN_STOCK,
    LOW,
    SOLD_OUT;

    static StockLevel of(Integer units, int alertThreshold) {
        if (units == null) {
            return UNLIMITED;
        }
        if (units <= 0) {
            return SOLD_OUT;
        }
        return units <= alertThreshold ? LOW : IN_STOCK;
    }
}
