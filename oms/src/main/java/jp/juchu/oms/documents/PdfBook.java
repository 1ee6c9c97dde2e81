package jp.juchu.oms.documents;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One PDF being written: A4 portrait pages in millimetres from the top-left corner, text in the embedded Japanese
 * font (only the glyphs used are embedded). Each page's content goes to a temporary file as soon as the page is done,
 * so a book of thousands of pages holds little more than its page tree in the heap; {@link #writeTo} streams the
 * whole file out. Open one with {@link PdfBooks#open}; not for use by two threads.
 */
public final class PdfBook implements Closeable {

    /** Points in one millimetre. */
    static final float MM = 72f / 25.4f;

    public static final float PAGE_WIDTH = 210f;
    public static final float PAGE_HEIGHT = 297f;

    /** Shown for a character the font has no glyph for (ゲタ, as Japanese printing does). */
    static final int MISSING = '〓';

    private final PDDocument doc;
    private final Face regular;
    private final Face bold;
    private PdfPage current;
    private int pages;

    PdfBook(JapaneseFont font, String title) throws IOException {
        this.doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try {
            this.regular = face(font.regular());
            this.bold = face(font.bold());
        } catch (IOException | RuntimeException e) {
            doc.close();
            throw e;
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("juchu OMS");
    }

    private Face face(byte[] ttfBytes) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(ttfBytes));
        doc.registerTrueTypeFontForClosing(ttf);
        return new Face(PDType0Font.load(doc, ttf, true), ttf.getUnicodeCmapLookup());
    }

    /** Ends the page being drawn, if any, and starts a new one. */
    public PdfPage newPage() throws IOException {
        finishPage();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages++;
        current = new PdfPage(this, doc, page);
        return current;
    }

    /** How many pages the book has so far. */
    public int pages() {
        return pages;
    }

    /** Ends the last page and writes the whole PDF to {@code out} (which stays open). */
    public void writeTo(OutputStream out) throws IOException {
        finishPage();
        if (pages == 0) {
            newPage();
            finishPage();
        }
        doc.save(out, CompressParameters.NO_COMPRESSION);
    }

    private void finishPage() throws IOException {
        if (current != null) {
            current.finish();
            current = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            finishPage();
        } finally {
            doc.close();
        }
    }

    /** The width of the text in millimetres at a font size in points. */
    public float width(String text, float size, boolean boldFace) {
        try {
            return face(boldFace).font().getStringWidth(printable(text, boldFace)) / 1000f * size / MM;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text cut to the width with "…" at the end when it is wider. */
    public String fit(String text, float size, boolean boldFace, float maxWidth) {
        String t = printable(text, boldFace);
        if (width(t, size, boldFace) <= maxWidth) {
            return t;
        }
        int end = t.length();
        while (end > 0 && width(t.substring(0, end) + "…", size, boldFace) > maxWidth) {
            end = t.offsetByCodePoints(end, -1);
        }
        return t.substring(0, end) + "…";
    }

    /**
     * The text broken into lines no wider than {@code maxWidth} (at its own line breaks first, then wherever a line
     * is full: Japanese breaks between any two characters), at most {@code maxLines}, the last cut with "…".
     */
    public List<String> wrap(String text, float size, boolean boldFace, float maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            lines.add("");
            return lines;
        }
        String[] paragraphs = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (String paragraph : paragraphs) {
            String p = printable(paragraph, boldFace);
            int start = 0;
            while (true) {
                if (lines.size() == maxLines) {
                    String last = lines.remove(maxLines - 1);
                    lines.add(fit(last + "…", size, boldFace, maxWidth));
                    return lines;
                }
                if (width(p.substring(start), size, boldFace) <= maxWidth) {
                    lines.add(p.substring(start));
                    break;
                }
                int end = start;
                while (end < p.length()) {
                    int next = p.offsetByCodePoints(end, 1);
                    if (width(p.substring(start, next), size, boldFace) > maxWidth) {
                        break;
                    }
                    end = next;
                }
                if (end == start) {
                    end = p.offsetByCodePoints(start, 1);
                }
                lines.add(p.substring(start, end));
                start = end;
            }
        }
        return lines;
    }

    /**
     * The text as the font can show it: every control character (line breaks too) becomes a space, and a character
     * the font has no glyph for (an emoji, say) becomes 〓, so that no order's text can stop a PDF.
     */
    String printable(String text, boolean boldFace) {
        if (text == null) {
            return "";
        }
        CmapLookup cmap = face(boldFace).cmap();
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(' ');
            } else if (cmap.getGlyphId(cp) != 0) {
                out.appendCodePoint(cp);
            } else {
                out.appendCodePoint(MISSING);
            }
        });
        return out.toString();
    }

    Face face(boolean boldFace) {
        return boldFace ? bold : regular;
    }

    /** A font of the book and its Unicode map, looked up once (the glyph check runs for every character drawn). */
    record Face(PDType0Font font, CmapLookup cmap) {}
}
