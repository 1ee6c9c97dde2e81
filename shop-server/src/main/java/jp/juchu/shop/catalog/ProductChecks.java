package jp.juchu.shop.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** What a product must be before it is saved: each rule refuses with the field it is about, in Japanese. */
@Component
class ProductChecks {

    static final Pattern ITEM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,59}");
    static final int MAX_PRICE = 10_000_000;
    static final int MAX_UNITS = 999_999;
    static final int MAX_MEMO = 2_000;

    private final Categories categories;

    ProductChecks(Categories categories) {
        this.categories = categories;
    }

    /** @throws InvalidProduct naming the first field that is wrong */
    void check(String shopId, ProductDraft d) {
        if (d.itemCode() == null || !ITEM_CODE.matcher(d.itemCode()).matches()) {
            throw new InvalidProduct("itemCode", "商品番号は半角英数字と - _ . で60文字以内で入力してください");
        }
        if (d.name() == null || d.name().isBlank()) {
            throw new InvalidProduct("name", "商品名を入力してください");
        }
        if (d.name().strip().length() > 200) {
            throw new InvalidProduct("name", "商品名は200文字以内で入力してください");
        }
        if (d.price() < 0 || d.price() > MAX_PRICE) {
            throw new InvalidProduct("price", "価格は0〜10,000,000円で入力してください");
        }
        if (d.memo() != null && d.memo().length() > MAX_MEMO) {
            throw new InvalidProduct("memo", "メモは2,000文字以内で入力してください");
        }
        if (d.taxRate() != 8 && d.taxRate() != 10) {
            throw new InvalidProduct("taxRate", "税率は10% (標準) か8% (軽減) です");
        }
        if (d.alertThreshold() < 0 || d.alertThreshold() > MAX_UNITS) {
            throw new InvalidProduct("alertThreshold", "在庫アラートは0以上の数で入力してください");
        }
        List<Product.Axis> axes = d.axes() == null ? List.of() : d.axes();
        if (axes.size() > 3) {
            throw new InvalidProduct("axes", "バリエーションの項目は3つまでです");
        }
        for (int i = 0; i < axes.size(); i++) {
            Product.Axis axis = axes.get(i);
            String field = "axes[" + i + "]";
            if (axis.title() == null || axis.title().isBlank() || axis.title().length() > 40) {
                throw new InvalidProduct(field + ".title", "バリエーション項目名を40文字以内で入力してください");
            }
            if (axis.choices() == null
                    || axis.choices().isEmpty()
                    || axis.choices().size() > 50) {
                throw new InvalidProduct(field + ".choices", axis.title() + " の選択肢を1〜50個入力してください");
            }
            Set<String> seen = new HashSet<>();
            for (String choice : axis.choices()) {
                if (choice == null || choice.isBlank() || choice.length() > 40 || choice.contains("/")) {
                    throw new InvalidProduct(field + ".choices", axis.title() + " の選択肢は40文字以内で、/ を含めないでください");
                }
                if (!seen.add(choice)) {
                    throw new InvalidProduct(field + ".choices", axis.title() + " の選択肢 " + choice + " が重複しています");
                }
            }
        }
        List<String> variations = Product.variations(axes);
        if (variations.size() > 1000) {
            throw new InvalidProduct("axes", "バリエーションの組み合わせは1,000通りまでです");
        }
        Map<String, Integer> stock = d.stock() == null ? Map.of() : d.stock();
        for (Map.Entry<String, Integer> e : stock.entrySet()) {
            if (!variations.contains(e.getKey())) {
                throw new InvalidProduct(
                        "stock", "バリエーション " + (e.getKey().isEmpty() ? "(なし)" : e.getKey()) + " はこの商品にありません");
            }
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > MAX_UNITS) {
                throw new InvalidProduct("stock", "在庫数は0〜999,999で入力してください");
            }
        }
        List<String> paths = d.categoryPaths() == null ? List.of() : d.categoryPaths();
        for (String path : paths) {
            if (categories.id(shopId, path).isEmpty()) {
                throw new InvalidProduct("categoryPaths", "カテゴリ " + path + " はありません");
            }
        }
    }
}
