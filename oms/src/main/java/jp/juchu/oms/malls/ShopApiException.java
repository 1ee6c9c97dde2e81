package jp.juchu.oms.malls;

/** The shop's API did not give what was asked; the subclasses say why, and so what a caller may do. */
public abstract sealed class ShopApiException extends RuntimeException
        permits KeyRejected, RateLimited, ShopUnavailable, BadShopResponse {

    protected ShopApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
