package jp.juchu.oms.documents;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes one document top to bottom over as many pages as it takes: each new page starts with what
 * {@link PageStart} draws (the document's heading, or a short running heading on the pages after the first), and
 * whatever does not fit above the bottom margin goes on the next page.
 */
public final class PdfFlow {

    /** Draws the top of a page and says where the content below it starts. */
    @FunctionalInterface
    public interface PageStart {
        /**
         * @param pageOfDocument 1 for the document's first page, 2 for the next…
         * @return the y (mm from the top) where the content starts
         */
        float draw(PdfPage page, int pageOfDocument);
    }

    private final PdfBook book;
    private final float bottom;
    private final PageStart start;
    private PdfPage page;
    private float y;
    private int pageOfDocument;

    public PdfFlow(PdfBook book, float bottomMargin, PageStart start) {
        this.book = book;
        this.bottom = PdfBook.PAGE_HEIGHT - bottomMargin;
        this.start = start;
    }

    public PdfBook book() {
        return book;
    }

    public PdfPage page() {
        if (page == null) {
            newPage();
        }
        return page;
    }

    /** The y (mm from the top) where the next content goes. */
    public float y() {
        page();
        return y;
    }

    public void down(float mm) {
        y += mm;
    }

    /** Starts a new page when less than {@code mm} is left on this one; says whether it did. */
    public boolean ensure(float mm) {
        if (page == null || y + mm > bottom) {
            newPage();
            return true;
        }
        return false;
    }

    public void newPage() {
        try {
            page = book.newPage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pageOfDocument++;
        y = start.draw(page, pageOfDocument);
    }
}
