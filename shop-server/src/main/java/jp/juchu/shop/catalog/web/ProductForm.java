package jp.juchu.shop.catalog.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductDraft;

/**
 * The product form (商品登録・編集). Variation axes are written as a title and its choices separated by
 * commas (白, 紺); stock is given per variation.
 */
public class ProductForm {

    private String itemCode = "";
    private String name = "";
    private Long price;
    private int taxRate = 10;
    private boolean unlimitedStock;
    private int alertThreshold = 5;
    private boolean published = true;
    private String memo = "";
    private List<String> axisTitles = new ArrayList<>(List.of("", "", ""));
    private List<String> axisChoices = new ArrayList<>(List.of("", "", ""));
    private Map<String, Integer> stock = new LinkedHashMap<>();
    private List<String> categoryPaths = new ArrayList<>();

    static ProductForm of(Product p) {
        ProductForm form = new ProductForm();
        form.itemCode = p.itemCode();
        form.name = p.name();
        form.price = p.price();
        form.taxRate = p.taxRate();
        form.unlimitedStock = p.unlimitedStock();
        form.alertThreshold = p.alertThreshold();
        form.published = p.published();
        form.memo = p.memo() == null ? "" : p.memo();
        for (int i = 0; i < p.axes().size(); i++) {
            form.axisTitles.set(i, p.axes().get(i).title());
            form.axisChoices.set(i, String.join(", ", p.axes().get(i).choices()));
        }
        form.stock = new LinkedHashMap<>(p.stock());
        form.categoryPaths = new ArrayList<>(p.categoryPaths());
        return form;
    }

    /** The axes as written: rows without a title are left out. */
    List<Product.Axis> axes() {
        List<Product.Axis> axes = new ArrayList<>();
        for (int i = 0; i < axisTitles.size(); i++) {
            String title = axisTitles.get(i) == null ? "" : axisTitles.get(i).strip();
            if (title.isEmpty()) {
                continue;
            }
            String choices = i < axisChoices.size() && axisChoices.get(i) != null ? axisChoices.get(i) : "";
            axes.add(new Product.Axis(
                    title,
                    Arrays.stream(choices.split("[,、，]"))
                            .map(String::strip)
                            .filter(c -> !c.isEmpty())
                            .toList()));
        }
        return axes;
    }

    /** The variations the axes make now, each with the units entered for it (0 for a new one). */
    Map<String, Integer> stockForAxes() {
        Map<String, Integer> units = new LinkedHashMap<>();
        for (String key : Product.variations(axes())) {
            Integer value = stock.get(key);
            units.put(key, value == null ? 0 : value);
        }
        return units;
    }

    ProductDraft draft() {
        return new ProductDraft(
                itemCode == null ? "" : itemCode.strip(),
                name,
                price == null ? -1 : price,
                taxRate,
                unlimitedStock,
                alertThreshold,
                published,
                memo,
                axes(),
                unlimitedStock ? Map.of() : stockForAxes(),
                categoryPaths == null ? List.of() : categoryPaths);
    }

    public String getItemCode() {
        return itemCode;
    }

    public void setItemCode(String itemCode) {
        this.itemCode = itemCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getPrice() {
        return price;
    }

    public void setPrice(Long price) {
        this.price = price;
    }

    public int getTaxRate() {
        return taxRate;
    }

    public void setTaxRate(int taxRate) {
        this.taxRate = taxRate;
    }

    public boolean isUnlimitedStock() {
        return unlimitedStock;
    }

    public void setUnlimitedStock(boolean unlimitedStock) {
        this.unlimitedStock = unlimitedStock;
    }

    public int getAlertThreshold() {
        return alertThreshold;
    }

    public void setAlertThreshold(int alertThreshold) {
        this.alertThreshold = alertThreshold;
    }

    public boolean isPublished() {
        return published;
    }

    public void setPublished(boolean published) {
        this.published = published;
    }

    public String getMemo() {
        return memo;
    }

    public void setMemo(String memo) {
        this.memo = memo;
    }

    public List<String> getAxisTitles() {
        return axisTitles;
    }

    public void setAxisTitles(List<String> axisTitles) {
        this.axisTitles = axisTitles;
    }

    public List<String> getAxisChoices() {
        return axisChoices;
    }

    public void setAxisChoices(List<String> axisChoices) {
        this.axisChoices = axisChoices;
    }

    public Map<String, Integer> getStock() {
        return stock;
    }

    public void setStock(Map<String, Integer> stock) {
        this.stock = stock;
    }

    public List<String> getCategoryPaths() {
        return categoryPaths;
    }

    public void setCategoryPaths(List<String> categoryPaths) {
        this.categoryPaths = categoryPaths;
    }
}
