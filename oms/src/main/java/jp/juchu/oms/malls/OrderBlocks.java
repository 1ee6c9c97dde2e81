package jp.juchu.oms.malls;

/** Which blocks of each order an order search returns: the last segment of {@code _retrieve/{blocks}}. */
public enum OrderBlocks {
    /** Serial code, number, states and dates. */
    BASIC("basic"),
    /** The whole order: buyer, payment, deliveries with their items, amounts. */
    ALL("all");

    private final String path;

    OrderBlocks(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
