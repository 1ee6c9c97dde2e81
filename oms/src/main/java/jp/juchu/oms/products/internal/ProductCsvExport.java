package jp.juchu.oms.products.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.system.JapaneseCsv;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The product master's CSV files written out ({@link ProductCsv.Kind}: products, set components, listings), with the
 * columns {@link ProductCsv} reads: cells a spreadsheet would run as formulas are neutralised, and a file can be read
 * back as it is.
 */
@Service
public class ProductCsvExport {

    private static final Map<String, String> ZONE_NAMES = Map.of("NORMAL", "常温", "CHILLED", "冷蔵", "FROZEN", "冷凍");

    private final JdbcClient jdbc;

    ProductCsvExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void export(ProductCsv.Kind kind, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord(kind.columns());
            switch (kind) {
                case PRODUCTS ->
                    jdbc
                            .sql("select " + ProductEntry.COLUMNS + " from product order by code")
                            .query(ProductEntry.class)
                            .stream()
                            .forEach(p -> print(csv, productRow(p)));
                case SETS ->
                    jdbc
                            .sql("select s.code, c.code, pc.quantity from product_set_component pc"
                                    + " join product s on s.id = pc.set_id join product c on c.id = pc.component_id"
                                    + " order by s.code, c.code")
                            .query((rs, n) ->
                                    List.of(cell(rs.getString(1)), cell(rs.getString(2)), String.valueOf(rs.getInt(3))))
                            .stream()
                            .forEach(row -> print(csv, row));
                case LISTINGS ->
                    jdbc
                            .sql("select l.connection_id, c.shop_id, l.item_code, l.variation, p.code,"
                                    + " l.multiplier from listing l join mall_connection c on c.id = l.connection_id"
                                    + " join product p on p.id = l.product_id order by l.connection_id, l.item_code,"
                                    + " l.variation")
                            .query((rs, n) -> List.of(
                                    String.valueOf(rs.getLong(1)),
                                    cell(rs.getString(2)),
                                    cell(rs.getString(3)),
                                    cell(rs.getString(4)),
                                    cell(rs.getString(5)),
                                    String.valueOf(rs.getInt(6))))
                            .stream()
                            .forEach(row -> print(csv, row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(CSVPrinter csv, List<String> row) {
        try {
            csv.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> productRow(ProductEntry p) {
        return List.of(
                cell(p.code()),
                p.kind() == Product.Kind.SET ? "セット" : "商品",
                cell(p.name()),
                cell(p.parentCode()),
                cell(p.variation1()),
                cell(p.variation2()),
                cell(p.variation3()),
                cell(p.janCode()),
                cell(p.modelNumber()),
                String.valueOf(p.taxRate()),
                String.valueOf(p.salePrice()),
                String.valueOf(p.costPrice()),
                flag(p.stockManaged()),
                p.releaseDate() == null ? "" : ProductCsv.DATE.format(p.releaseDate()),
                flag(p.preorder()),
                flag(p.madeToOrder()),
                ZONE_NAMES.getOrDefault(p.temperatureZone(), p.temperatureZone()),
                String.valueOf(p.sizeFactor()),
                cell(p.shelfLocation()),
                flag(p.omitFromDeliveryNote()),
                cell(p.free1()),
                cell(p.free2()),
                cell(p.free3()),
                flag(p.active()));
    }

    /** A text cell: blank for none, neutralised against formulas ({@link JapaneseCsv#neutralised}). */
    private static String cell(String text) {
        return text == null ? "" : JapaneseCsv.neutralised(text);
    }

    private static String flag(boolean on) {
        return on ? "1" : "0";
    }
}
