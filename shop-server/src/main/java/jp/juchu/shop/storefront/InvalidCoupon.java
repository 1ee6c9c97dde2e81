package jp.juchu.shop.storefront;

/** A coupon refused by its checks, naming the field; nothing was saved. */
public class InvalidCoupon extends RuntimeException {

    private final String field;

    public InvalidCoupon(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
