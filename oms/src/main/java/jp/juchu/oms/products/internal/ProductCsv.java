package jp.juchu.oms.products.internal;

import static jp.juchu.oms.products.internal.ProductCsvLines.error;
import static jp.juchu.oms.products.internal.ProductCsvLines.integer;
import static jp.juchu.oms.products.internal.ProductCsvLines.number;
import static jp.juchu.oms.products.internal.ProductCsvLines.text;

import java.time.format.DateTimeFormatter;
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
import jp.juchu.oms.products.internal.ProductCsvLines.Line;
import jp.juchu.oms.system.Text;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CSV files of the product master: products (商品), set components (セット構成) and listings (商品対応表). A file
 * is read whole and every line checked by the same rules as the screens ({@link ProductRules},
 * {@link SetComponents#check}, {@link ListingEditing#check}); nothing is written unless every line passes, and then
 * everything is written in one transaction. Errors say "N行目: 列: 理由". {@link ProductCsvExport} writes the files
 * this reads.
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

        List<String> required() {
            return required;
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

    // ---- import

    /**
     * Reads, checks and (when every line passes) writes a file.
     *
     * @throws IllegalArgumentException when the file is not CSV or has no usable header, in Japanese
     */
    public Result importFile(Kind kind, String fileName, InputStreamSource file, String actor) {
        List<Line> lines = ProductCsvLines.read(kind, file);
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
            ProductDraft draft = ProductCsvDrafts.draft(line, existing, errors);
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
