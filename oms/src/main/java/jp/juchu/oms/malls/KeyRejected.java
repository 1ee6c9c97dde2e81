package jp.juchu.oms.malls;

/** HTTP 401: the shop ID or the key is not (or no longer) valid — typically a reissued key. */
public final class KeyRejected extends ShopApiException {
    public KeyRejected(String message) {
        super(message, null);
    }
}
