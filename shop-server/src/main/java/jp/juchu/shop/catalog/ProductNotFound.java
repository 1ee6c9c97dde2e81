package jp.juchu.shop.catalog;

/** No product with that item code at this shop. */
public class ProductNotFound extends RuntimeException {

    public ProductNotFound(String itemCode) {
        super("No product with item code " + itemCode);
    }
}
