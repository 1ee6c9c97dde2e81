package jp.juchu.oms.products.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.system.JapaneseCsv;
import jp.juchu.oms.system.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CSV files of the product master: products (商品), set components (セット構成) and listings (商品対応表). A file
 * is read whole and every line checked by the same rules as the screens ({@link ProductRules},
 * {@link SetComponents#check}, {@link ListingEditing#check}); nothing is written unless every line passes, and then
 * everything is written in one transaction. Errors say "N行目: 列: 理由". Exports neutralise cells a spreadsheet would
 * run as formulas and can be read back as they are.
 */
@Service
public class ProductCsv {

    public static final int MAX_LINES = 20_000;
    static final int ERRORS_SHOWN = 100;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

    /** The three files, each with its columns (the header the file must carry) and its required ones. */
    public enum Kind {
        PRODUCTS(
                "商品",
                List.of(
                        "商品コード",
                        "種別",
                        "商品名",
                        "親商品コード",
                        "バリエーション1",
                        "バリエーション2",
                        "バリエーション3",
                        "JANコード",
                        "型番",
                        "税率",
                        "販売価格",
                        "原価",
                        "在庫管理",
                        "発売日",
                        "予約商品",
                        "受注生産",
                        "温度帯",
                        "サイズ係数",
                        "棚番",
                        "納品書に記載しない",
                        "自由項目1",
                        "自由項目2",
                        "自由項目3",
                        "有効"),
                List.of("商品コード", "商品名")),
        SETS("セット構成", List.of("セット商品コード", "構成商品コード", "数量"), List.of("セット商品コード", "構成商品コード", "数量")),
        LISTINGS(
                "商品対応表",
                List.of("接続ID", "ショップID", "ショップ商品コード", "バリエーション", "商品コード", "倍率"),
                List.of("接続ID", "ショップ商品コード", "商品コード"));

        private final String label;
        private final List<String> columns;
        private final List<String> required;

        Kind(String label, List<String> columns, List<String> required) {
            this.label = label;
            this.columns = columns;
            this.required = required;
        }

        public String label() {
            return label;
        }

        public List<String> columns() {
            return columns;
        }
    }

    /** An import's outcome: how many were added and changed, or why nothing was. */
    public record Result(Kind kind, int lines, int added, int changed, List<String> errors, int moreErrors) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The product fields by the column that carries them, for error messages. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(
            Map.entry("code", "商品コード"),
            Map.entry("kind", "種別"),
            Map.entry("name", "商品名"),
            Map.entry("parentCode", "親商品コード"),
            Map.entry("variation1", "バリエーション1"),
            Map.entry("variation2", "バリエーション2"),
            Map.entry("variation3", "バリエーション3"),
            Map.entry("janCode", "JANコード"),
            Map.entry("modelNumber", "型番"),
            Map.entry("taxRate", "税率"),
            Map.entry("salePrice", "販売価格"),
            Map.entry("costPrice", "原価"),
            Map.entry("stockManaged", "在庫管理"),
            Map.entry("releaseDate", "発売日"),
            Map.entry("preorder", "予約商品"),
            Map.entry("madeToOrder", "受注生産"),
            Map.entry("temperatureZone", "温度帯"),
            Map.entry("sizeFactor", "サイズ係数"),
            Map.entry("shelfLocation", "棚番"),
            Map.entry("omitFromDeliveryNote", "納品書に記載しない"),
            Map.entry("free1", "自由項目1"),
            Map.entry("free2", "自由項目2"),
            Map.entry("free3", "自由項目3"),
            Map.entry("active", "有効"),
            Map.entry("connectionId", "接続ID"),
            Map.entry("itemCode", "ショップ商品コード"),
            Map.entry("variation", "バリエーション"),
            Map.entry("productCode", "商品コード"),
            Map.entry("multiplier", "倍率"),
            Map.entry("components", "構成商品コード"));

    private static final Map<String, String> ZONES = Map.of(
            "常温", "NORMAL", "冷蔵", "CHILLED", "冷凍", "FROZEN", "NORMAL", "NORMAL", "CHILLED", "CHILLED", "FROZEN",
            "FROZEN");
    private static final Map<String, String> ZONE_NAMES = Map.of("NORMAL", "常温", "CHILLED", "冷蔵", "FROZEN", "冷凍");

    private final JdbcClient jdbc;
    private final ProductRules rules;
    private final ProductCatalog catalog;
    private final SetComponents sets;
    private final ListingEditing listings;
    private final MallConnections connections;
    private final TransactionTemplate transaction;
    private final AuditLog audit;

    ProductCsv(
            JdbcClient jdbc,
            ProductRules rules,
            ProductCatalog catalog,
            SetComponents sets,
            ListingEditing listings,
            MallConnections connections,
            TransactionTemplate transaction,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.catalog = catalog;
        this.sets = sets;
        this.listings = listings;
        this.connections = connections;
        this.transaction = transaction;
        this.audit = audit;
    }

    // ---- export

    public void export(Kind kind, Writer out) {
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord(kind.columns);
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
                p.releaseDate() == null ? "" : DATE.format(p.releaseDate()),
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

    // ---- import

    /** A line of the file by its column names, with its line number. */
    private record Line(long number, Map<String, String> values) {

        String get(String column) {
            String v = values.get(column);
            return v == null ? null : v.strip();
        }

        boolean has(String column) {
            return values.containsKey(column);
        }
    }

    /**
     * Reads, checks and (when every line passes) writes a file.
     *
     * @throws IllegalArgumentException when the file is not CSV or has no usable header, in Japanese
     */
    public Result importFile(Kind kind, String fileName, InputStreamSource file, String actor) {
        List<Line> lines = read(kind, file);
        List<String> errors = new ArrayList<>();
        Result result = switch (kind) {
            case PRODUCTS -> importProducts(lines, errors, actor);
            case SETS -> importSets(lines, errors, actor);
            case LISTINGS -> importListings(lines, errors, actor);
        };
        if (!result.ok()) {
            transaction.executeWithoutResult(status -> audit.record(
                    actor,
                    "PRODUCTS_CSV_REFUSED",
                    kind.label + " " + Text.printable(fileName == null ? "" : fileName),
                    "問題 " + (result.errors().size() + result.moreErrors()) + "件"));
            return result;
        }
        return result;
    }

    private List<Line> read(Kind kind, InputStreamSource file) {
        List<Line> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        JapaneseCsv.each(file, record -> {
            if (header.isEmpty()) {
                for (String h : record) {
                    header.add(h.strip());
                }
                checkHeader(kind, header);
                return;
            }
            if (lines.size() >= MAX_LINES) {
                throw new IllegalArgumentException(
                        "行数が多すぎます。1ファイル " + MAX_LINES + " 行までです。分割してからもう一度お試しください。何も取り込んでいません");
            }
            if (blank(record)) {
                return;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size() && i < record.size(); i++) {
                if (!header.get(i).isEmpty()) {
                    values.put(header.get(i), record.get(i));
                }
            }
            for (int i = 0; i < header.size(); i++) {
                if (!header.get(i).isEmpty() && i >= record.size()) {
                    values.put(header.get(i), "");
                }
            }
            lines.add(new Line(record.getRecordNumber(), values));
        });
        if (header.isEmpty()) {
            throw new IllegalArgumentException("ファイルが空です。1行目に見出し (" + String.join(",", kind.columns) + ") が必要です");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("見出しの次の行からデータがありません。何も取り込んでいません");
        }
        return lines;
    }

    private static void checkHeader(Kind kind, List<String> header) {
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        List<String> missing =
                kind.required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("1行目: 見出しに列「" + String.join("」「", missing) + "」がありません。" + kind.label
                    + "のCSVの見出しは " + String.join(",", kind.columns) + " です");
        }
        List<String> unknown = header.stream()
                .filter(h -> !h.isEmpty() && !kind.columns.contains(h))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("1行目: 見出しの列「" + Text.printable(String.join("」「", unknown)) + "」は"
                    + kind.label + "のCSVにありません。使える列: " + String.join(",", kind.columns));
        }
        for (String h : header) {
            if (!h.isEmpty() && header.indexOf(h) != header.lastIndexOf(h)) {
                throw new IllegalArgumentException("1行目: 見出しの列「" + h + "」が2回あります");
            }
        }
    }

    private static boolean blank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a cell of the line holds NUL or another control character (a line break is left to the field rules);
     * each such cell is an error, and the line is looked up no further: the database refuses such text.
     */
    private static boolean controlCharacters(Kind kind, Line line, List<String> errors) {
        boolean found = false;
        for (String column : kind.columns) {
            if (Text.hasControlCharacter(line.values().get(column))) {
                error(errors, line.number(), column, "改行や制御文字は使えません");
                found = true;
            }
        }
        return found;
    }

    private static void error(List<String> errors, long line, String column, String message) {
        errors.add(line + "行目: " + (column == null ? "" : column + ": ") + message);
    }

    private static Result refused(Kind kind, List<Line> lines, List<String> errors) {
        return new Result(
                kind,
                lines.size(),
                0,
                0,
                List.copyOf(errors.subList(0, Math.min(errors.size(), ERRORS_SHOWN))),
                Math.max(0, errors.size() - ERRORS_SHOWN));
    }

    private Result importProducts(List<Line> lines, List<String> errors, String actor) {
        Map<String, Long> firstLine = new HashMap<>();
        List<Object[]> writes = new ArrayList<>();
        for (Line line : lines) {
            if (controlCharacters(Kind.PRODUCTS, line, errors)) {
                continue;
            }
            String code = line.get("商品コード");
            if (code != null && !code.isEmpty()) {
                Long earlier = firstLine.putIfAbsent(code, line.number());
                if (earlier != null) {
                    error(errors, line.number(), "商品コード", "「" + Text.printable(code) + "」が " + earlier + "行目にもあります");
                    continue;
                }
            }
            Optional<ProductEntry> existing =
                    code == null || !Codes.valid(code) ? Optional.empty() : catalog.entry(code);
            int before = errors.size();
            ProductDraft draft = draft(line, existing, errors);
            if (errors.size() > before) {
                continue;
            }
            for (Problem p : rules.check(draft, existing.map(ProductEntry::id).orElse(null))) {
                error(errors, line.number(), COLUMN_OF_FIELD.getOrDefault(p.field(), p.field()), p.message());
            }
            if (errors.size() == before) {
                writes.add(new Object[] {existing.map(ProductEntry::id).orElse(null), draft.normalised()});
            }
        }
        if (!errors.isEmpty()) {
            return refused(Kind.PRODUCTS, lines, errors);
        }
        int[] counts = new int[2];
        transaction.executeWithoutResult(status -> {
            for (Object[] w : writes) {
                if (w[0] == null) {
                    catalog.insert((ProductDraft) w[1]);
                    counts[0]++;
                } else {
                    catalog.update((Long) w[0], (ProductDraft) w[1]);
                    counts[1]++;
                }
            }
            audit.record(
                    actor,
                    "PRODUCTS_CSV_IMPORTED",
                    Kind.PRODUCTS.label,
                    "追加 " + counts[0] + "件 / 更新 " + counts[1] + "件");
        });
        return new Result(Kind.PRODUCTS, lines.size(), counts[0], counts[1], List.of(), 0);
    }

    /** A line as a draft: the existing product's values (or a new one's defaults) with the line's cells over them. */
    private static ProductDraft draft(Line line, Optional<ProductEntry> existing, List<String> errors) {
        Product.Kind kind = existing.map(ProductEntry::kind).orElse(Product.Kind.SKU);
        if (line.has("種別") && !line.get("種別").isEmpty()) {
            kind = switch (line.get("種別")) {
                case "商品", "SKU", "sku" -> Product.Kind.SKU;
                case "セット", "セット商品", "SET", "set" -> Product.Kind.SET;
                default -> {
                    error(errors, line.number(), "種別", "「商品」か「セット」を入力してください: " + Text.printable(line.get("種別")));
                    yield kind;
                }
            };
        }
        ProductDraft base = existing.map(ProductEntry::draft).orElse(ProductDraft.blank(kind));
        long n = line.number();
        return new ProductDraft(
                line.get("商品コード"),
                kind,
                text(line, "商品名", base.name()),
                text(line, "親商品コード", base.parentCode()),
                text(line, "バリエーション1", base.variation1()),
                text(line, "バリエーション2", base.variation2()),
                text(line, "バリエーション3", base.variation3()),
                text(line, "JANコード", base.janCode()),
                text(line, "型番", base.modelNumber()),
                integer(line, "税率", base.taxRate(), errors),
                number(line, "販売価格", base.salePrice(), errors),
                number(line, "原価", base.costPrice(), errors),
                flag(line, "在庫管理", base.stockManaged(), errors),
                date(line, "発売日", base.releaseDate(), errors),
                flag(line, "予約商品", base.preorder(), errors),
                flag(line, "受注生産", base.madeToOrder(), errors),
                zone(line, base.temperatureZone(), errors, n),
                integer(line, "サイズ係数", base.sizeFactor(), errors),
                text(line, "棚番", base.shelfLocation()),
                flag(line, "納品書に記載しない", base.omitFromDeliveryNote(), errors),
                text(line, "自由項目1", base.free1()),
                text(line, "自由項目2", base.free2()),
                text(line, "自由項目3", base.free3()),
                flag(line, "有効", base.active(), errors));
    }

    private static String text(Line line, String column, String base) {
        return line.has(column) ? line.get(column) : base;
    }

    private static Long number(Line line, String column, Long base, List<String> errors) {
        if (!line.has(column) || line.get(column).isEmpty()) {
            return base;
        }
        String v = line.get(column).replace(",", "").replace("円", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            error(errors, line.number(), column, "数ではありません: " + Text.printable(line.get(column)));
            return base;
        }
    }

    private static Integer integer(Line line, String column, Integer base, List<String> errors) {
        Long v = number(line, column, base == null ? null : base.longValue(), errors);
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            error(errors, line.number(), column, "値が大きすぎます: " + v);
            return base;
        }
        return v.intValue();
    }

    private static Boolean flag(Line line, String column, Boolean base, List<String> errors) {
        if (!line.has(column) || line.get(column).isEmpty()) {
            return base;
        }
        return switch (line.get(column)) {
            case "1", "はい", "true", "TRUE", "○" -> true;
            case "0", "いいえ", "false", "FALSE" -> false;
            default -> {
                error(errors, line.number(), column, "1 (はい) か 0 (いいえ) を入力してください: " + Text.printable(line.get(column)));
                yield base;
            }
        };
    }

    private static LocalDate date(Line line, String column, LocalDate base, List<String> errors) {
        if (!line.has(column)) {
            return base;
        }
        String v = line.get(column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v.replace('-', '/'), DateTimeFormatter.ofPattern("uuuu/M/d"));
        } catch (DateTimeParseException e) {
            error(errors, line.number(), column, "日付は yyyy/MM/dd で入力してください: " + Text.printable(v));
            return base;
        }
    }

    private static String zone(Line line, String base, List<String> errors, long n) {
        if (!line.has("温度帯") || line.get("温度帯").isEmpty()) {
            return base;
        }
        String zone = ZONES.get(line.get("温度帯"));
        if (zone == null) {
            error(errors, n, "温度帯", "「常温」「冷蔵」「冷凍」のいずれかを入力してください: " + Text.printable(line.get("温度帯")));
            return base;
        }
        return zone;
    }

    private Result importSets(List<Line> lines, List<String> errors, String actor) {
        Map<String, List<SetComponents.Line>> bySet = new LinkedHashMap<>();
        Map<String, Long> firstLineOfSet = new HashMap<>();
        for (Line line : lines) {
            if (controlCharacters(Kind.SETS, line, errors)) {
                continue;
            }
            String set = line.get("セット商品コード");
            String component = line.get("構成商品コード");
            int before = errors.size();
            if (set.isEmpty()) {
                error(errors, line.number(), "セット商品コード", "必須です");
            }
            if (component.isEmpty()) {
                error(errors, line.number(), "構成商品コード", "必須です");
            }
            Integer quantity = integer(line, "数量", null, errors);
            if (quantity == null && errors.size() == before) {
                error(errors, line.number(), "数量", "必須です");
            }
            if (errors.size() > before) {
                continue;
            }
            firstLineOfSet.putIfAbsent(set, line.number());
            bySet.computeIfAbsent(set, s -> new ArrayList<>()).add(new SetComponents.Line(component, quantity));
        }
        Map<String, Long> setIds = new HashMap<>();
        for (var entry : bySet.entrySet()) {
            long n = firstLineOfSet.get(entry.getKey());
            Optional<ProductEntry> set = catalog.entry(entry.getKey());
            if (set.isEmpty()) {
                error(
                        errors,
                        n,
                        "セット商品コード",
                        "「" + Text.printable(entry.getKey()) + "」は登録されていません。先に商品CSVで種別「セット」として登録してください");
                continue;
            }
            if (set.get().kind() != Product.Kind.SET) {
                error(errors, n, "セット商品コード", "「" + entry.getKey() + "」はセット商品ではありません");
                continue;
            }
            setIds.put(entry.getKey(), set.get().id());
            for (Problem p : sets.check(entry.getKey(), entry.getValue())) {
                error(errors, n, "構成商品コード", "セット「" + entry.getKey() + "」: " + p.message());
            }
        }
        if (!errors.isEmpty()) {
            return refused(Kind.SETS, lines, errors);
        }
        transaction.executeWithoutResult(status -> {
            bySet.forEach((code, components) -> sets.write(setIds.get(code), components));
            audit.record(actor, "PRODUCTS_CSV_IMPORTED", Kind.SETS.label, "セット " + bySet.size() + "件の構成を置き換え");
        });
        return new Result(Kind.SETS, lines.size(), 0, bySet.size(), List.of(), 0);
    }

    private Result importListings(List<Line> lines, List<String> errors, String actor) {
        Map<List<Object>, Long> firstLine = new HashMap<>();
        List<ListingEditing.Mapping> writes = new ArrayList<>();
        int[] counts = new int[2];
        List<Boolean> isNew = new ArrayList<>();
        Map<Long, Optional<MallConnection>> shops = new HashMap<>();
        for (Line line : lines) {
            if (controlCharacters(Kind.LISTINGS, line, errors)) {
                continue;
            }
            int before = errors.size();
            Long connectionId = number(line, "接続ID", null, errors);
            if (connectionId == null && errors.size() == before) {
                error(errors, line.number(), "接続ID", "必須です");
            }
            Integer multiplier = integer(line, "倍率", 1, errors);
            if (errors.size() > before) {
                continue;
            }
            if (shops.computeIfAbsent(connectionId, connections::find).isEmpty()) {
                error(errors, line.number(), "接続ID", "ショップ (接続ID " + connectionId + ") がありません");
                continue;
            }
            ListingEditing.Mapping m = new ListingEditing.Mapping(
                    connectionId, line.get("ショップ商品コード"), text(line, "バリエーション", ""), line.get("商品コード"), multiplier);
            Long earlier = firstLine.putIfAbsent(
                    List.of(connectionId, String.valueOf(m.itemCode()), m.variation()), line.number());
            if (earlier != null) {
                error(errors, line.number(), "ショップ商品コード", "同じ商品・バリエーションが " + earlier + "行目にもあります");
                continue;
            }
            Optional<Long> existing = m.itemCode() == null || m.itemCode().isEmpty()
                    ? Optional.empty()
                    : listings.existing(connectionId, m.itemCode(), m.variation());
            for (Problem p : listings.check(m, existing.orElse(null))) {
                error(errors, line.number(), COLUMN_OF_FIELD.getOrDefault(p.field(), p.field()), p.message());
            }
            if (errors.size() == before) {
                writes.add(m);
                isNew.add(existing.isEmpty());
            }
        }
        if (!errors.isEmpty()) {
            return refused(Kind.LISTINGS, lines, errors);
        }
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < writes.size(); i++) {
                listings.write(writes.get(i));
                counts[isNew.get(i) ? 0 : 1]++;
            }
            audit.record(
                    actor,
                    "PRODUCTS_CSV_IMPORTED",
                    Kind.LISTINGS.label,
                    "追加 " + counts[0] + "件 / 更新 " + counts[1] + "件");
        });
        return new Result(Kind.LISTINGS, lines.size(), counts[0], counts[1], List.of(), 0);
    }
}
