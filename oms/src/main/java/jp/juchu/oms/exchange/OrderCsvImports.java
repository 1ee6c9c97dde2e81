package jp.juchu.oms.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.system.JapaneseCsv;
import jp.juchu.oms.system.Text;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * データ取込: orders from a CSV file (a mall without an API, a phone-order sheet), one line per item, read
 * through a column mapping saved as a template. Every line is checked first; nothing is imported unless the
 * whole file is valid. An order number already imported is not imported again. The orders belong to the own channel
 * データ取込 ({@link Mall#CSV}).
 */
@Service
public class OrderCsvImports {

    /** A field an imported line can carry, with the header the standard template expects for it. */
    public enum Field {
        ORDER_NUMBER("受注番号", true),
        ORDERED_AT("受注日時", true),
        BUYER_NAME("購入者名", true),
        BUYER_KANA("購入者フリガナ", false),
        BUYER_EMAIL("購入者メールアドレス", false),
        BUYER_PHONE("購入者電話番号", true),
        BUYER_POSTAL("購入者郵便番号", true),
        BUYER_PREFECTURE("購入者都道府県", true),
        BUYER_ADDRESS("購入者住所", true),
        PAYMENT("支払方法", true),
        SHIP_NAME("お届け先名", false),
        SHIP_PHONE("お届け先電話番号", false),
        SHIP_POSTAL("お届け先郵便番号", false),
        SHIP_PREFECTURE("お届け先都道府県", false),
        SHIP_ADDRESS("お届け先住所", false),
        ITEM_CODE("商品コード", true),
        ITEM_NAME("商品名", true),
        UNIT_PRICE("単価", true),
        QUANTITY("数量", true),
        TAX_RATE("税率", false),
        SHIPPING_FEE("送料", false),
        COD_FEE("代引手数料", false),
        REMARKS("備考", false);

        private final String header;
        private final boolean required;

        Field(String header, boolean required) {
            this.header = header;
            this.required = required;
        }

        public String header() {
            return header;
        }

        public boolean required() {
            return required;
        }
    }

    /** A saved mapping (取込テンプレート): for each field, the header of the file's column that carries it. */
    public record Template(long id, String name, Map<Field, String> columns) {}

    /** What an import did, or every problem of the file by line and column. */
    public record Result(int lines, int created, int alreadyImported, List<String> errors) {

        public boolean imported() {
            return errors.isEmpty();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Orders orders;
    private final MallConnections channels;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    OrderCsvImports(Orders orders, MallConnections channels, JdbcClient jdbc, AuditLog audit) {
        this.orders = orders;
        this.channels = channels;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Template> templates() {
        return jdbc.sql("select id, name, mapping::text from import_template order by id")
                .query((rs, n) -> new Template(rs.getLong(1), rs.getString(2), mapping(rs.getString(3))))
                .list();
    }

    public Template template(long id) {
        return templates().stream()
                .filter(t -> t.id() == id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("取込テンプレート #" + id + " はありません"));
    }

    /**
     * Saves a template.
     *
     * @throws IllegalArgumentException naming the missing name or required field
     */
    @Transactional
    public long save(Long id, String name, Map<Field, String> columns) {
        if (name == null || name.isBlank() || name.strip().length() > 60) {
            throw new IllegalArgumentException("テンプレート名を60文字以内で入力してください");
        }
        Map<String, String> mapping = new TreeMap<>();
        for (Field f : Field.values()) {
            String header = columns.get(f);
            if (header != null && !header.isBlank()) {
                mapping.put(f.name(), header.strip());
            } else if (f.required()) {
                throw new IllegalArgumentException(f.header() + " の列名を入力してください (必須項目)");
            }
        }
        try {
            if (id == null) {
                return jdbc.sql("insert into import_template (name, mapping) values (?, ?::jsonb) returning id")
                        .params(name.strip(), JSON.writeValueAsString(mapping))
                        .query(Long.class)
                        .single();
            }
            jdbc.sql("update import_template set name = ?, mapping = ?::jsonb where id = ?")
                    .params(name.strip(), JSON.writeValueAsString(mapping), id)
                    .update();
            return id;
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("テンプレート名「" + name.strip() + "」はすでにあります");
        }
    }

    /** A file's bytes, for callers that hold them already. */
    @Transactional
    public Result importFile(Template template, String fileName, byte[] content, String actor) {
        return importFile(template, fileName, new ByteArrayResource(content), actor);
    }

    /**
     * Checks every line of the file, then imports its orders only if no line has a problem; both passes stream the
     * file, so its size is bounded by the upload limit, not by memory. The import (or its refusal) is written to the
     * audit log with the person who uploaded the file.
     *
     * @throws IllegalArgumentException when the file is not CSV (naming the line)
     */
    @Transactional
    public Result importFile(Template template, String fileName, InputStreamSource content, String actor) {
        String file = fileName(fileName);
        OrderCsvCheck check = new OrderCsvCheck(template);
        JapaneseCsv.each(content, check::line);
        if (check.lines() < 0) {
            return refused(actor, file, new Result(0, 0, 0, List.of("ファイルが空です")));
        }
        List<String> problems = check.problems();
        if (!problems.isEmpty()) {
            return refused(actor, file, new Result(check.lines(), 0, 0, problems));
        }
        OrderCsvLoad load = new OrderCsvLoad(check, orders, channels);
        JapaneseCsv.each(content, load::line);
        load.flush();
        int orderCount = check.orderCount();
        jdbc.sql(
                        "insert into csv_import (file_name, imported_by, line_count, order_count, created) values (?, ?, ?, ?, ?)")
                .params(file, actor, check.lines(), orderCount, load.created())
                .update();
        audit.record(
                actor,
                "CSV_IMPORTED",
                "csv:" + file,
                check.lines() + "行 / 受注 " + orderCount + "件 (新規 " + load.created() + "件)");
        return new Result(check.lines(), load.created(), orderCount - load.created(), List.of());
    }

    private Result refused(String actor, String file, Result result) {
        audit.record(
                actor,
                "CSV_IMPORT_REFUSED",
                "csv:" + file,
                "問題 " + result.errors().size() + "件");
        return result;
    }

    private static String fileName(String name) {
        String printable = name == null ? "" : Text.printable(name).strip();
        return printable.length() > 150 ? printable.substring(0, 150) : printable;
    }

    private static Map<Field, String> mapping(String json) {
        Map<Field, String> mapping = new LinkedHashMap<>();
        JSON.readTree(json)
                .properties()
                .forEach(
                        e -> mapping.put(Field.valueOf(e.getKey()), e.getValue().asString()));
        return mapping;
    }
}
