package jp.juchu.oms.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Noto Sans JP (SIL OFL 1.1), Regular and Bold, read once from the jar: the build takes it from a package registry
 * and puts it under {@code fonts/}, so the PDFs print Japanese on any machine and never read the operating system's
 * fonts. Each PDF embeds only the glyphs it uses (a subset).
 */
@Component
class JapaneseFont {

    private final byte[] regular;
    private final byte[] bold;

    JapaneseFont() {
        this.regular = withoutGlyphSubstitution(read("fonts/NotoSansJP-Regular.ttf"));
        this.bold = withoutGlyphSubstitution(read("fonts/NotoSansJP-Bold.ttf"));
    }

    /**
     * The font with its glyph-substitution table (GSUB: Latin ligatures, vertical forms — nothing horizontal Japanese
     * text needs) renamed so that FontBox does not see it. Otherwise PDFBox runs its Latin ligature pass, which
     * compiles regular expressions, on every piece of text drawn: a 1,000-note PDF took a minute instead of seconds.
     * The embedded subset never carries the table either way.
     */
    static byte[] withoutGlyphSubstitution(byte[] ttf) {
        byte[] copy = ttf.clone();
        int tables = ((copy[4] & 0xff) << 8) | (copy[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int entry = 12 + 16 * i;
            if (copy[entry] == 'G' && copy[entry + 1] == 'S' && copy[entry + 2] == 'U' && copy[entry + 3] == 'B') {
                copy[entry] = 'x';
            }
        }
        return copy;
    }

    byte[] regular() {
        return regular;
    }

    byte[] bold() {
        return bold;
    }

    private static byte[] read(String resource) {
        try (InputStream in = JapaneseFont.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        resource + " is not in the jar: build the OMS with ./mvnw, which fetches"
                                + " the font (npm package @expo-google-fonts/noto-sans-jp)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
