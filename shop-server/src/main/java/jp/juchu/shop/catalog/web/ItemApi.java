package jp.juchu.shop.catalog.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.security.Principal;
import java.util.List;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.InvalidProduct;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductOption;
import jp.juchu.shop.catalog.StockLevel;
import jp.juchu.shop.system.ApiErrors;
import jp.juchu.shop.system.YesNo;
import org.springframework.web.ErrorResponseException;

/**
 * The platform API's items as their controllers share them: the paths, the request and response shapes, a product
 * in those shapes, and the errors (404, the catalog's field names in the API's snake_case).
 */
final class ItemApi {

    static final String MANAGEMENT = "/api/management/v2";
    static final String OPEN = "/api/item/v2";

    /** The OpenAPI documents keep every item endpoint under the one tag they had before the controllers were split. */
    static final String TAG = "item-api-controller";

    private ItemApi() {}

    /** How the API names a tax rate. */
    enum TaxSetting {
        Standard(10),
        Reduced(8);

        final int rate;

        TaxSetting(int rate) {
            this.rate = rate;
        }

        static TaxSetting of(int rate) {
            return rate == 8 ? Reduced : Standard;
        }
    }

    /** How the API names a stock level. */
    enum StockStatus {
        EnoughInStock(StockLevel.IN_STOCK),
        LowStock(StockLevel.LOW),
        SoldOut(StockLevel.SOLD_OUT),
        NoControl(StockLevel.UNLIMITED);

        final StockLevel level;

        StockStatus(StockLevel level) {
            this.level = level;
        }

        static StockStatus of(StockLevel level) {
            for (StockStatus s : values()) {
                if (s.level == level) {
                    return s;
                }
            }
            throw new IllegalArgumentException(level.name());
        }
    }

    enum SortType {
        ItemPrice,
        CreateDate,
        StockQuantity
    }

    enum SortOrder {
        Asc,
        Desc
    }

    record Sort(SortType type, SortOrder order) {}

    record Filter(String itemCode, List<StockStatus> stockStatus, YesNo isOpen) {}

    record SearchRequest(
            @Min(0) Integer from,
            @Min(1) @Max(100) Integer size,
            @Valid Sort sort,
            List<@Valid Filter> filters) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Basic(
            String itemCode,
            String itemName,
            Long itemPrice,
            TaxSetting consumptionTaxSetting,
            YesNo isOpen,
            List<String> categoryPaths,
            String memo) {}

    /**
     * @param expectedQuantity on a change only: the quantity the client expects to replace; the change is made only
     *     if the stock still holds it (409 otherwise)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VariationStock(String choice1, String choice2, String choice3, Integer quantity, Integer expectedQuantity) {
        VariationStock(String choice1, String choice2, String choice3, int quantity) {
            this(choice1, choice2, choice3, quantity, null);
        }
    }

    /** @param expectedQuantity as in {@link VariationStock}, for an item without variations */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stock(
            YesNo unlimited,
            Integer quantity,
            Integer alertThreshold,
            StockStatus stockStatus,
            List<VariationStock> variations,
            Integer expectedQuantity) {
        Stock(
                YesNo unlimited,
                Integer quantity,
                Integer alertThreshold,
                StockStatus stockStatus,
                List<VariationStock> variations) {
            this(unlimited, quantity, alertThreshold, stockStatus, variations, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Variation(
            String title1,
            List<String> choices1,
            String title2,
            List<String> choices2,
            String title3,
            List<String> choices3) {}

    record Content(Basic basic, Stock stock) {}

    record SearchResponse(long totalCount, int from, int size, List<Content> contents) {}

    record RegisterRequest(
            @NotBlank String itemCode,
            @NotBlank String itemName,
            @Min(0) Long itemPrice,
            TaxSetting consumptionTaxSetting) {}

    record CategoryRequest(List<String> topCategoryPath) {}

    record ChildCategory(String name, String fullPath, YesNo hasChildCategories) {}

    record CategoryResponse(List<ChildCategory> childCategories) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OpenStock(String stockCondition, List<OpenVariationStock> variations) {}

    record OpenVariationStock(String choice1, String choice2, String choice3, String stockCondition) {}

    /** One category an item is in: its path from the top ({@code 食品/お茶}) and its own name. */
    record ItemCategory(String name, String fullPath) {}

    record ItemCategoriesResponse(String itemCode, List<ItemCategory> categories) {}

    /** A purchase option as the API shows it; {@code choices} for Select, {@code max_length} for Text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemOption(
            String optionName,
            ProductOption.Kind optionType,
            List<String> choices,
            Integer maxLength,
            YesNo required) {}

    record ItemOptionsResponse(String itemCode, List<ItemOption> options) {}

    /** The item, or 404; the item API sees published items only. */
    static Product product(Catalog catalog, Principal principal, String itemCode, boolean publishedOnly) {
        return catalog.find(principal.getName(), itemCode)
                .filter(p -> !publishedOnly || p.published())
                .orElseThrow(() -> notFound(itemCode));
    }

    static Basic basic(Product p) {
        return new Basic(
                p.itemCode(),
                p.name(),
                p.price(),
                TaxSetting.of(p.taxRate()),
                YesNo.of(p.published()),
                p.categoryPaths(),
                p.memo());
    }

    static Stock stock(Product p) {
        List<VariationStock> variations = p.hasVariations() && !p.unlimitedStock()
                ? p.stock().entrySet().stream()
                        .map(e -> {
                            String[] c = e.getKey().split("/");
                            return new VariationStock(
                                    c[0], c.length > 1 ? c[1] : null, c.length > 2 ? c[2] : null, e.getValue());
                        })
                        .toList()
                : null;
        return new Stock(
                YesNo.of(p.unlimitedStock()),
                p.totalStock(),
                p.alertThreshold(),
                StockStatus.of(p.stockLevel()),
                variations);
    }

    static Variation variation(Product p) {
        List<Product.Axis> a = p.axes();
        return new Variation(
                a.size() > 0 ? a.get(0).title() : null,
                a.size() > 0 ? a.get(0).choices() : null,
                a.size() > 1 ? a.get(1).title() : null,
                a.size() > 1 ? a.get(1).choices() : null,
                a.size() > 2 ? a.get(2).title() : null,
                a.size() > 2 ? a.get(2).choices() : null);
    }

    static ErrorResponseException notFound(String itemCode) {
        return ApiErrors.notFound("No item " + itemCode + " at this shop.");
    }

    /** The catalog's field names in the API's snake_case. */
    static ErrorResponseException invalid(InvalidProduct e) {
        String field = switch (e.field()) {
            case "itemCode" -> "item_code";
            case "name" -> "item_name";
            case "price" -> "item_price";
            case "taxRate" -> "consumption_tax_setting";
            case "alertThreshold" -> "alert_threshold";
            case "categoryPaths" -> "category_paths";
            case "stock" -> "variations";
            default -> e.field();
        };
        return ApiErrors.badRequest(field, e.getMessage());
    }
}
