package jp.juchu.shop.files;

/**
 * A request to the file area that breaks one of its rules; {@code field} names the form field and
 * {@code messageKey} the Japanese message.
 */
public class FilesRefused extends RuntimeException {

    private final String field;
    private final String messageKey;

    public FilesRefused(String field, String messageKey) {
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
