package jp.juchu.shop.storefront;

/** Another buyer took the last units while this buyer was checking out; nothing was placed. */
public class SoldOutWhileCheckingOut extends RuntimeException {

    private final String itemName;

    public SoldOutWhileCheckingOut(String itemName, Throwable cause) {
        super("sold out while checking out: " + itemName, cause);
        this.itemName = itemName;
    }

    public String itemName() {
        return itemName;
    }
}
