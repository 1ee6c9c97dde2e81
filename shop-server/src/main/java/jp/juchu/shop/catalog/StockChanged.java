package jp.juchu.shop.catalog;

/**
 * A conditional stock update found another quantity than the one the client expected to replace: a sale or another
 * client changed it meanwhile. Nothing of the update was written.
 */
public class StockChanged extends RuntimeException {

    private final String variation;
    private final int expected;
    private final int current;

    public StockChanged(String variation, int expected, int current) {
        super("stock of " + (variation.isEmpty() ? "the item" : variation) + " is " + current + ", not " + expected);
        this.variation = variation;
        this.expected = expected;
        this.current = current;
    }

    /** The variation ({@code 紺/M}), {@code ""} for an item without variations. */
    public String variation() {
        return variation;
    }

    public int expected() {
        return expected;
    }

    public int current() {
        return current;
    }
}
