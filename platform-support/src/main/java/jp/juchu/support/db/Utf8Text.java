package jp.juchu.support.db;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text kept as the UTF-8 bytes it was written as (an order's JSON as the OMS keeps it): {@link CopyRows} sends the
 * bytes as they are, without decoding them and encoding them again; anything else reads it as the
 * {@link CharSequence} it is (a JDBC parameter as its {@link #toString()}), decoded when first asked for.
 *
 * <p>The bytes are taken over, not copied: whoever makes one must not change them afterwards.
 */
public final class Utf8Text implements CharSequence {

    private final byte[] utf8;
    private String decoded;

    /** @param utf8 well-formed UTF-8 */
    public Utf8Text(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** The bytes themselves (for {@link CopyRows}). */
    byte[] bytes() {
        return utf8;
    }

    /** Whether the text holds this ASCII text, looked for in the bytes (a UTF-8 sequence never holds an ASCII byte). */
    public boolean containsAscii(String ascii) {
        if (ascii.isEmpty()) {
            return true;
        }
        byte[] text = utf8;
        byte first = (byte) ascii.charAt(0);
        int length = ascii.length();
        for (int at = 0, last = text.length - length; at <= last; at++) {
            if (text[at] == first && ascii.equals(new String(text, at, length, StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int length() {
        return toString().length();
    }

    @Override
    public char charAt(int index) {
        return toString().charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    @Override
    public String toString() {
        String text = decoded;
        if (text == null) {
            text = new String(utf8, StandardCharsets.UTF_8);
            decoded = text;
        }
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Utf8Text text && Arrays.equals(utf8, text.utf8);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(utf8);
    }
}
