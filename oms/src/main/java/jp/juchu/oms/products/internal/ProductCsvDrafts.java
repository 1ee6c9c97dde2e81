package jp.juchu.oms.products.internal;

import static jp.juchu.oms.products.internal.ProductCsvLines.date;
import static jp.juchu.oms.products.internal.ProductCsvLines.error;
import static jp.juchu.oms.products.internal.ProductCsvLines.flag;
import static jp.juchu.oms.products.internal.ProductCsvLines.integer;
import static jp.juchu.oms.products.internal.ProductCsvLines.number;
import static jp.juchu.oms.products.internal.ProductCsvLines.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.internal.ProductCsvLines.Line;
import jp.juchu.oms.system.Text;

/**
 * A line of the products file (商品) read into a {@link ProductDraft} over the product it changes: a column left out
 * keeps the product's value, a cell that is not a number, a date, 0/1 or a temperature zone is an error of the line.
 */
final class ProductCsvDrafts {

    private static final Map<String, String> ZONES = Map.of(
            "常温", "NORMAL", "冷蔵", "CHILLED", "冷凍", "FROZEN", "NORMAL", "NORMAL", "CHILLED", "CHILLED", "FROZEN",
            "FROZEN");

    private ProductCsvDrafts() {}

    /** A line as a draft: the existing product's values (or a new one's defaults) with the line's cells over them. */
    static ProductDraft draft(Line line, Optional<ProductEntry> existing, List<String> errors) {
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
}
