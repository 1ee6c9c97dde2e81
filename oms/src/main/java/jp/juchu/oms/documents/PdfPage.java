package jp.juchu.oms.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A page of a {@link PdfBook}, drawn in millimetres from its top-left corner; {@code y} of a text is its baseline.
 * Text is made printable first (control characters as spaces, characters the font lacks as 〓).
 */
public final class PdfPage {

    private final PdfBook book;
    private final PDPageContentStream content;
    private final float height;

    PdfPage(PdfBook book, PDDocument doc, PDPage page) throws IOException {
        this.book = book;
        this.content = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, true);
        this.height = page.getMediaBox().getHeight();
    }

    public PdfBook book() {
        return book;
    }

    public void text(float x, float y, float size, boolean bold, String text) {
        String t = book.printable(text, bold);
        if (t.isEmpty()) {
            return;
        }
        try {
            content.beginText();
            content.setFont(book.face(bold).font(), size);
            content.newLineAtOffset(x * PdfBook.MM, height - y * PdfBook.MM);
            content.showText(t);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text ending at {@code right}. */
    public void textRight(float right, float y, float size, boolean bold, String text) {
        text(right - book.width(text, size, bold), y, size, bold, text);
    }

    /** Text centred on {@code center}. */
    public void textCentered(float center, float y, float size, boolean bold, String text) {
        text(center - book.width(text, size, bold) / 2, y, size, bold, text);
    }

    /** A line, {@code widthPt} points thick. */
    public void line(float x1, float y1, float x2, float y2, float widthPt) {
        try {
            content.setLineWidth(widthPt);
            content.moveTo(x1 * PdfBook.MM, height - y1 * PdfBook.MM);
            content.lineTo(x2 * PdfBook.MM, height - y2 * PdfBook.MM);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rectangle's outline; {@code y} is its top. */
    public void box(float x, float y, float width, float boxHeight, float widthPt) {
        try {
            content.setLineWidth(widthPt);
            content.addRect(
                    x * PdfBook.MM, height - (y + boxHeight) * PdfBook.MM, width * PdfBook.MM, boxHeight * PdfBook.MM);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rectangle filled in a grey (0 black … 1 white); {@code y} is its top. */
    public void shade(float x, float y, float width, float boxHeight, float grey) {
        try {
            content.setNonStrokingColor(grey, grey, grey);
            content.addRect(
                    x * PdfBook.MM, height - (y + boxHeight) * PdfBook.MM, width * PdfBook.MM, boxHeight * PdfBook.MM);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void finish() throws IOException {
        content.close();
    }
}
