package jp.juchu.oms.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.system.JapaneseCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * データ書出: the orders of a period (and status) as CSV in a saved column layout, one row per item of each
 * shipment, written order by order. Cells a spreadsheet would run as formulas are neutralised; a Shift_JIS
 * file is refused, naming the orders, when a value has a character Shift_JIS cannot carry.
 */
@Service
public class OrderExports {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final int MAX_ORDERS = 100_000;

    private final Orders orders;
    private final JdbcClient jdbc;

    OrderExports(Orders orders, JdbcClient jdbc) {
        this.orders = orders;
        this.jdbc = jdbc;
    }

    public List<ExportLayout> layouts() {
        return jdbc.sql("select id, name, columns, encoding from export_layout order by id")
                .query((rs, n) -> new ExportLayout(
                        rs.getLong(1),
                        rs.getString(2),
                        Arrays.stream((String[]) rs.getArray(3).getArray())
                                .map(ExportColumn::byKey)
                                .toList(),
                        ExportLayout.Encoding.valueOf(rs.getString(4))))
                .list();
    }

    public Optional<ExportLayout> layout(long id) {
        return layouts().stream().filter(l -> l.id() == id).findFirst();
    }

    /**
     * Saves a layout under its name (a new one, or the one of that id).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    @Transactional
    public long save(Long id, String name, List<ExportColumn> columns, ExportLayout.Encoding encoding) {
        if (name == null || name.isBlank() || name.strip().length() > 60) {
            throw new IllegalArgumentException("レイアウト名を60文字以内で入力してください");
        }
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("出力する項目を1つ以上選んでください");
        }
        String[] keys = columns.stream().map(ExportColumn::key).toArray(String[]::new);
        try {
            if (id == null) {
                return jdbc.sql("insert into export_layout (name, columns, encoding) values (?, ?, ?) returning id")
                        .params(name.strip(), keys, encoding.name())
                        .query(Long.class)
                        .single();
            }
            jdbc.sql("update export_layout set name = ?, columns = ?, encoding = ?, updated_at = now() where id = ?")
                    .params(name.strip(), keys, encoding.name(), id)
                    .update();
            return id;
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("レイアウト名「" + name.strip() + "」はすでにあります");
        }
    }

    /**
     * The orders that would be exported, or for Shift_JIS the orders with characters it cannot carry.
     *
     * @throws IllegalArgumentException when the period holds no order, or a value cannot be written in Shift_JIS
     */
    public List<Long> check(ExportLayout layout, LocalDate from, LocalDate to, String status) {
        List<Long> ids = orders.ids(from, to, blankToNull(status), MAX_ORDERS);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("指定の期間・ステータスに受注がありません");
        }
        return check(layout, ids);
    }

    /**
     * The chosen orders, checked like {@link #check(ExportLayout, LocalDate, LocalDate, String)}.
     *
     * @throws IllegalArgumentException when none is chosen, or a value cannot be written in Shift_JIS
     */
    public List<Long> check(ExportLayout layout, List<Long> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("受注を選んでください");
        }
        if (layout.encoding() == ExportLayout.Encoding.SJIS) {
            CharsetEncoder encoder = JapaneseCsv.WINDOWS_31J.newEncoder();
            List<String> unmappable = new ArrayList<>();
            for (long id : ids) {
                lines(id, line -> {
                    for (ExportColumn c : layout.columns()) {
                        if (!encoder.canEncode(c.cell(line))
                                && !unmappable.contains(line.order().orderNumber())) {
                            unmappable.add(line.order().orderNumber());
                        }
                    }
                });
            }
            if (!unmappable.isEmpty()) {
                throw new IllegalArgumentException("Shift_JIS で書き出せない文字がある受注があります: "
                        + String.join(", ", unmappable.subList(0, Math.min(10, unmappable.size())))
                        + (unmappable.size() > 10 ? " ほか" : "")
                        + "。UTF-8 で書き出すか、受注を直してください");
            }
        }
        return ids;
    }

    /** Writes the file: the header of the layout's labels, then one row per item, order by order. */
    public void write(ExportLayout layout, List<Long> orderIds, OutputStream out) throws IOException {
        boolean utf8 = layout.encoding() == ExportLayout.Encoding.UTF8_BOM;
        if (utf8) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Writer writer = new OutputStreamWriter(out, utf8 ? StandardCharsets.UTF_8 : JapaneseCsv.WINDOWS_31J);
        CSVPrinter csv = new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        csv.printRecord(layout.columns().stream().map(ExportColumn::label).toList());
        for (long id : orderIds) {
            lines(id, line -> {
                try {
                    csv.printRecord(
                            layout.columns().stream().map(c -> c.cell(line)).toList());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        csv.flush();
    }

    private void lines(long orderId, Consumer<ExportColumn.Line> each) {
        orders.detail(orderId).ifPresent(o -> {
            String orderedAt = o.orderedAt().atZoneSameInstant(TOKYO).format(DATE_TIME);
            for (OrderDetail.Shipment s : o.shipments()) {
                for (OrderDetail.Item item : s.items()) {
                    each.accept(new ExportColumn.Line(o, s, item, orderedAt));
                }
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
