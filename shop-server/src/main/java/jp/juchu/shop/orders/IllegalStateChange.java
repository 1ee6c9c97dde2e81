package jp.juchu.shop.orders;

/** A state change the platform refuses, naming the field that makes it wrong. */
public class IllegalStateChange extends RuntimeException {

    private final String field;

    public IllegalStateChange(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
