package jp.juchu.shop.orders;

/** No order with that serial code at this shop. */
public class OrderNotFound extends RuntimeException {
    public OrderNotFound(String serialCode) {
        super("No order with serial code " + serialCode);
    }
}
