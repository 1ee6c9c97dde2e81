package jp.juchu.oms.malls;

/** The shop answered, but not in the API's shape (an envelope that cannot be read). */
public final class BadShopResponse extends ShopApiException {
    public BadShopResponse(String message, Throwable cause) {
        super(message, cause);
    }
}
