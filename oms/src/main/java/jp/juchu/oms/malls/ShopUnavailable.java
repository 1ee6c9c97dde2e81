package jp.juchu.oms.malls;

/** The shop could not answer now: 5xx, no connection, a timeout, a reset or cut-off answer. Worth retrying. */
public final class ShopUnavailable extends ShopApiException {
    public ShopUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
