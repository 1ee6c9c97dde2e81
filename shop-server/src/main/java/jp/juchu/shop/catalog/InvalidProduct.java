package jp.juchu.shop.catalog;

/** A product that cannot be saved as given: which field, and why (in the merchant's words). */
public class InvalidProduct extends RuntimeException {

    private final String field;

    public InvalidProduct(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
