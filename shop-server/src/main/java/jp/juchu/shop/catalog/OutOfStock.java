package jp.juchu.shop.catalog;

/**
 * Stock could not be taken: another buyer took the last units, or the product is gone. Thrown inside the
 * caller's transaction, which then rolls back whatever it took before.
 */
public class OutOfStock extends RuntimeException {

    private final String itemCode;
    private final String variation;
    private final String itemName;

    public OutOfStock(String itemCode, String variation, String name) {
        super((name == null ? itemCode : name)
                + (variation == null || variation.isEmpty() ? "" : " (" + variation + ")") + " の在庫が足りません");
        this.itemCode = itemCode;
        this.variation = variation;
        this.itemName = name == null ? itemCode : name;
    }

    /** The product's name, or its item code when the product is gone. */
    public String itemName() {
        return itemName;
    }

    public String itemCode() {
        return itemCode;
    }

    public String variation() {
        return variation;
    }
}
