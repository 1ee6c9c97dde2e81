package jp.juchu.oms.notifications;

/** What became of a notification, and the HTTP status the shop gets for it. */
public enum NotificationReceipt {
    /** Verified: an import of the connection starts (or one more follows the running one). */
    ACCEPTED(202),
    /** No such connection, or it has no notifications registered. */
    UNKNOWN_CONNECTION(404),
    /** The timestamp header is missing, unreadable or outside the window. */
    STALE(401),
    /** The signature is missing or not the shop's. */
    BAD_SIGNATURE(401),
    /** This exact notification was accepted before. */
    REPLAY(409),
    /** Signed, but the body is not a notification of this connection's shop. */
    BAD_BODY(400),
    /** The body is larger than a notification can be. */
    TOO_LARGE(413);

    private final int status;

    NotificationReceipt(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
