package jp.juchu.shop.notifications;

/**
 * A registration that is refused, and why: {@code field} is the input it concerns, {@code code} the message key under
 * {@code notifications.refused.} (Japanese in the admin, English over the API).
 */
public class EndpointRefused extends RuntimeException {

    private final String field;
    private final String code;
    private final Object[] args;

    EndpointRefused(String field, String code, Object... args) {
        super("notifications.refused." + code);
        this.field = field;
        this.code = code;
        this.args = args;
    }

    public String field() {
        return field;
    }

    /** The message key. */
    public String messageKey() {
        return "notifications.refused." + code;
    }

    public Object[] args() {
        return args.clone();
    }
}
