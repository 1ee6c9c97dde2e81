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
        this.regular = read("fonts/NotoSansJP-Regular.ttf");
        this.bold = read("fonts/NotoSansJP-Bold.ttf");
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
