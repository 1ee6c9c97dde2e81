package jp.juchu.oms.shipping;

import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.system.JapaneseCsv;

/** Text as carriers' label software takes it: Shift_JIS (Windows-31J) bytes, fields of fixed byte sizes. */
final class SlipText {

    private SlipText() {}

    /** Shift_JIS bytes the text takes (2 for a full-width character). */
    static int bytes(String text) {
        return text == null ? 0 : text.getBytes(JapaneseCsv.WINDOWS_31J).length;
    }

    /** The characters of the text that Windows-31J cannot carry (e.g. 𠮷), each once. */
    static String unmappable(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        CharsetEncoder encoder = JapaneseCsv.WINDOWS_31J.newEncoder();
        StringBuilder found = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (!encoder.canEncode(ch) && found.indexOf(ch) < 0) {
                found.append(ch);
            }
        });
        return found.toString();
    }

    /** The longest start of the text within {@code maxBytes}, ending at a character boundary. */
    static String head(String text, int maxBytes) {
        int end = text.length();
        while (end > 0 && bytes(text.substring(0, end)) > maxBytes) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end);
    }

    /**
     * The text over {@code parts} fields of {@code maxBytes} each, split at character boundaries; {@code null}
     * when it does not fit.
     */
    static List<String> split(String text, int maxBytes, int parts) {
        List<String> fields = new ArrayList<>();
        String rest = text;
        for (int i = 0; i < parts; i++) {
            String part = head(rest, maxBytes);
            fields.add(part);
            rest = rest.substring(part.length());
        }
        return rest.isEmpty() ? fields : null;
    }
}
