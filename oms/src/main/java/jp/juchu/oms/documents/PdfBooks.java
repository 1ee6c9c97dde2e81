package jp.juchu.oms.documents;

import java.io.IOException;
import org.springframework.stereotype.Service;

/** Opens {@link PdfBook}s with the embedded Japanese font: the door for any module that prints a document. */
@Service
public class PdfBooks {

    private final JapaneseFont font;

    PdfBooks(JapaneseFont font) {
        this.font = font;
    }

    /** A new, empty PDF with this title in its properties; close it when done. */
    public PdfBook open(String title) throws IOException {
        return new PdfBook(font, title);
    }
}
