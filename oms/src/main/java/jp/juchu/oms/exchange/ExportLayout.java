package jp.juchu.oms.exchange;

import java.util.List;

/** A saved column layout (出力レイアウト) of the order CSV and its encoding. */
public record ExportLayout(long id, String name, List<ExportColumn> columns, Encoding encoding) {

    public enum Encoding {
        /** UTF-8 with a byte-order mark, which Excel opens correctly. */
        UTF8_BOM,
        /** Shift_JIS (Windows-31J), for older tools. */
        SJIS
    }
}
