package jp.juchu.oms.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * A table in a {@link PdfFlow}: a shaded header row, rows whose cells wrap (up to three lines), and a page break
 * between rows that repeats the header on the new page.
 */
public final class PdfTable {

    public enum Align {
        LEFT,
        RIGHT,
        CENTER
    }

    /** A column: its heading, width in millimetres and alignment. */
    public record Column(String title, float width, Align align) {}

    private static final float PADDING = 1.2f;
    private static final int MAX_LINES = 3;

    private final PdfFlow flow;
    private final float x;
    private final List<Column> columns;
    private final float size;
    private final float lineHeight;
    private final float width;

    public PdfTable(PdfFlow flow, float x, float fontSize, List<Column> columns) {
        this.flow = flow;
        this.x = x;
        this.columns = List.copyOf(columns);
        this.size = fontSize;
        this.lineHeight = fontSize / PdfBook.MM * 1.35f;
        this.width = (float) columns.stream().mapToDouble(Column::width).sum();
    }

    /** The header row, on a new page if this one has no room for it and a row. */
    public void header() {
        flow.ensure(2 * (lineHeight + 2 * PADDING));
        PdfPage page = flow.page();
        float top = flow.y();
        float h = lineHeight + 2 * PADDING;
        page.shade(x, top, width, h, 0.88f);
        float cx = x;
        for (Column c : columns) {
            page.textCentered(cx + c.width() / 2, top + PADDING + lineHeight * 0.78f, size, true, c.title());
            cx += c.width();
        }
        page.line(x, top + h, x + width, top + h, 0.6f);
        flow.down(h);
    }

    public void row(List<String> cells) {
        row(cells, false);
    }

    /** A row; a cell too wide for its column wraps, past three lines it is cut with "…". */
    public void row(List<String> cells, boolean bold) {
        PdfBook book = flow.book();
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < columns.size(); i++) {
            String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            List<String> l = book.wrap(cell, size, bold, columns.get(i).width() - 2 * PADDING, MAX_LINES);
            wrapped.add(l);
            lines = Math.max(lines, l.size());
        }
        float h = lines * lineHeight + 2 * PADDING;
        if (flow.ensure(h)) {
            header();
        }
        PdfPage page = flow.page();
        float top = flow.y();
        float cx = x;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            for (int l = 0; l < wrapped.get(i).size(); l++) {
                float baseline = top + PADDING + lineHeight * (l + 0.78f);
                String text = wrapped.get(i).get(l);
                switch (c.align()) {
                    case RIGHT -> page.textRight(cx + c.width() - PADDING, baseline, size, bold, text);
                    case CENTER -> page.textCentered(cx + c.width() / 2, baseline, size, bold, text);
                    default -> page.text(cx + PADDING, baseline, size, bold, text);
                }
            }
            cx += c.width();
        }
        page.line(x, top + h, x + width, top + h, 0.3f);
        flow.down(h);
    }

    public float width() {
        return width;
    }
}
