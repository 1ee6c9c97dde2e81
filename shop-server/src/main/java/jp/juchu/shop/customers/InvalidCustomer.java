package jp.juchu.shop.customers;

/** Customer data that cannot be saved as given: which field, and why. */
public class InvalidCustomer extends RuntimeException {

    private final String field;

    public InvalidCustomer(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
