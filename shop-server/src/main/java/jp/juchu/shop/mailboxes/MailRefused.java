package jp.juchu.shop.mailboxes;

/** A mail address the rules refuse; {@code field} names the form field, {@code messageKey} the Japanese message. */
public class MailRefused extends RuntimeException {

    private final String field;
    private final String messageKey;

    public MailRefused(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
