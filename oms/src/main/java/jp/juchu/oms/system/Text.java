package jp.juchu.oms.system;

/**
 * The one rule for characters a person can type: NUL and the other control characters (C0 except tab, line feed
 * and carriage return; DEL; C1) are never text. Used by the request gate and by uploads.
 */
public final class Text {

    private Text() {}

    /** Whether the text holds a control character that is not tab, line feed or carriage return. */
    public static boolean hasControlCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text holds a line break (or any control character). */
    public static boolean hasLineBreakOrControl(String text) {
        return text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || hasControlCharacter(text));
    }

    /** The text with every control character (tab and line breaks included) shown as a space: safe to echo. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 100));
        for (int i = 0; i < text.length() && i < 100; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
