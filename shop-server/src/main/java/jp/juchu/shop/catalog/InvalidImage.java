package jp.juchu.shop.catalog;

/** An upload the shop refuses; the message says why, in Japanese, for the merchant. */
public class InvalidImage extends RuntimeException {

    public InvalidImage(String message) {
        super(message);
    }
}
