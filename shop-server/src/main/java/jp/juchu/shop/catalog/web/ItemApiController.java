package jp.juchu.shop.catalog.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.Categories;
import jp.juchu.shop.catalog.CategoryNode;
import jp.juchu.shop.catalog.CategoryNotFound;
import jp.juchu.shop.catalog.ConditionalStock;
import jp.juchu.shop.catalog.InvalidProduct;
import jp.juchu.shop.catalog.PlanLimitReached;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductDraft;
import jp.juchu.shop.catalog.ProductFilter;
import jp.juchu.shop.catalog.ProductNotFound;
import jp.juchu.shop.catalog.ProductOption;
import jp.juchu.shop.catalog.ProductOptions;
import jp.juchu.shop.catalog.ProductPage;
import jp.juchu.shop.catalog.ProductSort;
import jp.juchu.shop.catalog.StockChanged;
import jp.juchu.shop.catalog.StockLevel;
import jp.juchu.shop.system.ApiErrors;
import jp.juchu.shop.system.YesNo;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform API's items: the management API (manager key) searches, registers, changes and deletes
 * items, their stock and variations; the item API (open key) reads published items only. Both read the
 * category tree.
 */
@RestController
class ItemApiController {

    static final String MANAGEMENT = "/api/management/v2";
    static final String OPEN = "/api/item/v2";
    static final URI STOCK_CHANGED = URI.create("https://juchu.jp/problems/stock-changed");

    private final Catalog catalog;
    private final Categories categories;
    private final ProductOptions options;

    ItemApiController(Catalog catalog, Categories categories, ProductOptions options) {
        this.catalog = catalog;
        this.categories = categories;
        this.options = options;
    }

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

    @PostMapping(MANAGEMENT + "/items/_search")
    SearchResponse search(@Valid @RequestBody(required = false) SearchRequest body, Principal principal) {
        SearchRequest request = body == null ? new SearchRequest(null, null, null, null) : body;
        int from = request.from() == null ? 0 : request.from();
        int size = request.size() == null ? 100 : request.size();
        if (from % size != 0) {
            throw ApiErrors.badRequest("from", "must be a multiple of size");
        }
        String itemCode = null;
        Boolean published = null;
        Set<StockLevel> levels = null;
        for (Filter f : request.filters() == null ? List.<Filter>of() : request.filters()) {
            if (f.itemCode() != null) {
                itemCode = f.itemCode();
            }
            if (f.isOpen() != null) {
                published = f.isOpen().value();
            }
            if (f.stockStatus() != null && !f.stockStatus().isEmpty()) {
                levels = EnumSet.noneOf(StockLevel.class);
                for (StockStatus s : f.stockStatus()) {
                    levels.add(s.level);
                }
            }
        }
        ProductPage page = catalog.search(
                principal.getName(),
                new ProductFilter(null, itemCode, null, published, levels, sort(request.sort())),
                from / size,
                size);
        return new SearchResponse(
                page.total(),
                from,
                size,
                page.products().stream()
                        .map(p -> new Content(basic(p), stock(p)))
                        .toList());
    }

    private static ProductSort sort(Sort sort) {
        if (sort == null || sort.type() == null) {
            return ProductSort.NEWEST;
        }
        boolean asc = sort.order() == SortOrder.Asc;
        return switch (sort.type()) {
            case ItemPrice -> asc ? ProductSort.PRICE_ASC : ProductSort.PRICE_DESC;
            case CreateDate -> asc ? ProductSort.OLDEST : ProductSort.NEWEST;
            case StockQuantity -> asc ? ProductSort.STOCK_ASC : ProductSort.STOCK_DESC;
        };
    }

    @PutMapping(MANAGEMENT + "/items")
    @ResponseStatus(HttpStatus.CREATED)
    Basic register(@Valid @RequestBody RegisterRequest request, Principal principal) {
        String shopId = principal.getName();
        if (catalog.find(shopId, request.itemCode()).isPresent()) {
            throw ApiErrors.withField(
                    HttpStatus.CONFLICT,
                    "The item code is already registered.",
                    "item_code",
                    "item " + request.itemCode() + " exists");
        }
        TaxSetting tax =
                request.consumptionTaxSetting() == null ? TaxSetting.Standard : request.consumptionTaxSetting();
        try {
            return basic(catalog.create(
                    shopId,
                    new ProductDraft(
                            request.itemCode(),
                            request.itemName(),
                            request.itemPrice() == null ? 0 : request.itemPrice(),
                            tax.rate,
                            false,
                            0,
                            false,
                            null,
                            List.of(),
                            Map.of("", 0),
                            List.of())));
        } catch (PlanLimitReached e) {
            throw ApiErrors.withField(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The shop's plan allows no more items (" + e.limit() + ").",
                    "item_code",
                    "product limit " + e.limit() + " reached");
        } catch (InvalidProduct e) {
            throw invalid(e);
        }
    }

    @GetMapping(MANAGEMENT + "/items/{itemCode}/basic")
    Basic basic(@PathVariable String itemCode, Principal principal) {
        return basic(product(principal, itemCode, false));
    }

    @PutMapping(MANAGEMENT + "/items/{itemCode}/basic")
    Basic changeBasic(@PathVariable String itemCode, @RequestBody Basic request, Principal principal) {
        Product p = product(principal, itemCode, false);
        ProductDraft d = Catalog.draftOf(p);
        try {
            return basic(catalog.update(
                    principal.getName(),
                    itemCode,
                    new ProductDraft(
                            d.itemCode(),
                            request.itemName() == null ? d.name() : request.itemName(),
                            request.itemPrice() == null ? d.price() : request.itemPrice(),
                            request.consumptionTaxSetting() == null
                                    ? d.taxRate()
                                    : request.consumptionTaxSetting().rate,
                            d.unlimitedStock(),
                            d.alertThreshold(),
                            request.isOpen() == null
                                    ? d.published()
                                    : request.isOpen().value(),
                            request.memo() == null ? d.memo() : request.memo(),
                            d.axes(),
                            d.stock(),
                            request.categoryPaths() == null ? d.categoryPaths() : request.categoryPaths())));
        } catch (InvalidProduct e) {
            throw invalid(e);
        }
    }

    @DeleteMapping(MANAGEMENT + "/items/{itemCode}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String itemCode, Principal principal) {
        try {
            catalog.delete(principal.getName(), itemCode);
        } catch (ProductNotFound e) {
            throw notFound(itemCode);
        }
    }

    @GetMapping(MANAGEMENT + "/items/{itemCode}/stock")
    Stock stock(@PathVariable String itemCode, Principal principal) {
        return stock(product(principal, itemCode, false));
    }

    @PutMapping(MANAGEMENT + "/items/{itemCode}/stock")
    Stock changeStock(@PathVariable String itemCode, @RequestBody Stock request, Principal principal) {
        Product p = product(principal, itemCode, false);
        if (request.expectedQuantity() != null
                || (request.variations() != null
                        && request.variations().stream().anyMatch(v -> v != null && v.expectedQuantity() != null))) {
            return changeStockIfUnchanged(p, request, principal);
        }
        boolean unlimited = request.unlimited() == null
                ? p.unlimitedStock()
                : request.unlimited().value();
        Map<String, Integer> units = new LinkedHashMap<>(p.stock());
        if (request.quantity() != null) {
            if (p.hasVariations()) {
                throw ApiErrors.badRequest("quantity", "the item keeps stock per variation; give variations[] instead");
            }
            units.put("", request.quantity());
        }
        if (request.variations() != null) {
            for (int i = 0; i < request.variations().size(); i++) {
                VariationStock v = request.variations().get(i);
                if (v == null) {
                    throw ApiErrors.badRequest("variations[" + i + "]", "must not be null");
                }
                String key = key(v);
                if (!units.containsKey(key)) {
                    throw ApiErrors.badRequest("variations[" + i + "]", "the item has no variation " + key);
                }
                if (v.quantity() == null) {
                    throw ApiErrors.badRequest("variations[" + i + "].quantity", "required");
                }
                units.put(key, v.quantity());
            }
        }
        try {
            return stock(catalog.changeStock(
                    principal.getName(),
                    itemCode,
                    unlimited,
                    request.alertThreshold() == null ? p.alertThreshold() : request.alertThreshold(),
                    unlimited ? Map.of() : units));
        } catch (InvalidProduct e) {
            throw invalid(e);
        }
    }

    /**
     * The conditional form: every quantity given comes with the quantity it replaces ({@code expected_quantity}), and
     * the change is made only if none of them changed meanwhile (a sale, another client), all or nothing — 409 with
     * the current quantity otherwise, so the client reads again and recomputes. Unlimited and the alert threshold
     * are not changed this way.
     */
    private Stock changeStockIfUnchanged(Product p, Stock request, Principal principal) {
        if (request.unlimited() != null || request.alertThreshold() != null) {
            throw ApiErrors.badRequest(
                    "expected_quantity",
                    "a conditional change sets quantities only; change unlimited and alert_threshold"
                            + " without expected_quantity");
        }
        List<ConditionalStock> changes = new ArrayList<>();
        if (request.expectedQuantity() != null || request.quantity() != null) {
            if (p.hasVariations()) {
                throw ApiErrors.badRequest("quantity", "the item keeps stock per variation; give variations[] instead");
            }
            if (request.quantity() == null || request.expectedQuantity() == null) {
                throw ApiErrors.badRequest(
                        request.quantity() == null ? "quantity" : "expected_quantity",
                        "quantity and expected_quantity go together");
            }
            changes.add(new ConditionalStock("", request.expectedQuantity(), request.quantity()));
        }
        List<VariationStock> variations = request.variations() == null ? List.of() : request.variations();
        if (variations.size() > 1000) {
            throw ApiErrors.badRequest("variations", "at most 1000 in one request");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < variations.size(); i++) {
            VariationStock v = variations.get(i);
            if (v == null || v.quantity() == null || v.expectedQuantity() == null) {
                throw ApiErrors.badRequest(
                        "variations[" + i + "]",
                        "quantity and expected_quantity are both required in a conditional change");
            }
            String key = key(v);
            if (!seen.add(key)) {
                throw ApiErrors.badRequest("variations[" + i + "]", "variation " + key + " is given twice");
            }
            changes.add(new ConditionalStock(key, v.expectedQuantity(), v.quantity()));
        }
        try {
            return stock(catalog.changeStockIfUnchanged(principal.getName(), p.itemCode(), changes));
        } catch (StockChanged e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT,
                    "The stock changed since it was read: read it again and send the change with the current"
                            + " quantity.");
            problem.setType(STOCK_CHANGED);
            problem.setTitle("Stock changed");
            problem.setProperty("variation", e.variation());
            problem.setProperty("expected_quantity", e.expected());
            problem.setProperty("current_quantity", e.current());
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        } catch (ProductNotFound e) {
            throw notFound(p.itemCode());
        } catch (InvalidProduct e) {
            throw invalid(e);
        }
    }

    private static String key(VariationStock v) {
        return String.join(
                "/",
                java.util.stream.Stream.of(v.choice1(), v.choice2(), v.choice3())
                        .filter(c -> c != null && !c.isEmpty())
                        .toList());
    }

    @GetMapping(MANAGEMENT + "/items/{itemCode}/variation")
    Variation variation(@PathVariable String itemCode, Principal principal) {
        return variation(product(principal, itemCode, false));
    }

    @PutMapping(MANAGEMENT + "/items/{itemCode}/variation")
    Variation changeVariation(@PathVariable String itemCode, @RequestBody Variation request, Principal principal) {
        product(principal, itemCode, false);
        List<Product.Axis> axes = new ArrayList<>();
        addAxis(axes, request.title1(), request.choices1(), 1);
        addAxis(axes, request.title2(), request.choices2(), 2);
        addAxis(axes, request.title3(), request.choices3(), 3);
        try {
            return variation(catalog.changeVariations(principal.getName(), itemCode, axes));
        } catch (InvalidProduct e) {
            throw invalid(e);
        }
    }

    private static void addAxis(List<Product.Axis> axes, String title, List<String> choices, int n) {
        if (title == null && choices == null) {
            return;
        }
        if (title == null || title.isBlank()) {
            throw ApiErrors.badRequest("title" + n, "required when choices" + n + " is given");
        }
        if (axes.size() != n - 1) {
            throw ApiErrors.badRequest("title" + n, "title" + (n - 1) + " must come first");
        }
        axes.add(new Product.Axis(title, choices == null ? List.of() : choices));
    }

    @PostMapping({MANAGEMENT + "/service-setup/item-categories/_get", OPEN + "/service-setup/item-categories/_get"})
    CategoryResponse categories(@RequestBody(required = false) CategoryRequest request, Principal principal) {
        List<String> top = request == null || request.topCategoryPath() == null ? List.of() : request.topCategoryPath();
        try {
            List<CategoryNode> children = categories.children(principal.getName(), String.join("/", top));
            return new CategoryResponse(children.stream()
                    .map(c -> new ChildCategory(c.name(), c.fullPath(), YesNo.of(c.hasChildren())))
                    .toList());
        } catch (CategoryNotFound e) {
            throw ApiErrors.notFound("No category " + String.join("/", top) + " at this shop.");
        }
    }

    /** One category an item is in: its path from the top ({@code 食品/お茶}) and its own name. */
    record ItemCategory(String name, String fullPath) {}

    record ItemCategoriesResponse(String itemCode, List<ItemCategory> categories) {}

    /** The categories an item is in, published or not. */
    @GetMapping(MANAGEMENT + "/items/{itemCode}/categories")
    ItemCategoriesResponse itemCategories(@PathVariable String itemCode, Principal principal) {
        return itemCategories(product(principal, itemCode, false));
    }

    /** The categories a published item is in. */
    @GetMapping(OPEN + "/items/{itemCode}/categories")
    ItemCategoriesResponse openItemCategories(@PathVariable String itemCode, Principal principal) {
        return itemCategories(product(principal, itemCode, true));
    }

    private static ItemCategoriesResponse itemCategories(Product p) {
        return new ItemCategoriesResponse(
                p.itemCode(),
                p.categoryPaths().stream()
                        .map(path -> new ItemCategory(path.substring(path.lastIndexOf('/') + 1), path))
                        .toList());
    }

    /** A purchase option as the API shows it; {@code choices} for Select, {@code max_length} for Text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemOption(
            String optionName,
            ProductOption.Kind optionType,
            List<String> choices,
            Integer maxLength,
            YesNo required) {}

    record ItemOptionsResponse(String itemCode, List<ItemOption> options) {}

    /** The purchase options the merchant set on a published item (ギフト包装, 名入れ刻印 …). */
    @GetMapping(OPEN + "/items/{itemCode}/options")
    ItemOptionsResponse openItemOptions(@PathVariable String itemCode, Principal principal) {
        return itemOptions(principal.getName(), product(principal, itemCode, true));
    }

    /** The same on the management API, published or not. */
    @GetMapping(MANAGEMENT + "/items/{itemCode}/options")
    ItemOptionsResponse itemOptions(@PathVariable String itemCode, Principal principal) {
        return itemOptions(principal.getName(), product(principal, itemCode, false));
    }

    private ItemOptionsResponse itemOptions(String shopId, Product p) {
        return new ItemOptionsResponse(
                p.itemCode(),
                options.of(shopId, p.itemCode()).stream()
                        .map(o -> new ItemOption(
                                o.name(),
                                o.kind(),
                                o.kind() == ProductOption.Kind.Select ? o.choices() : null,
                                o.maxLength(),
                                YesNo.of(o.required())))
                        .toList());
    }

    @GetMapping(OPEN + "/items/{itemCode}/basic")
    Basic openBasic(@PathVariable String itemCode, Principal principal) {
        Product p = product(principal, itemCode, true);
        return new Basic(p.itemCode(), p.name(), p.price(), TaxSetting.of(p.taxRate()), null, p.categoryPaths(), null);
    }

    @GetMapping(OPEN + "/items/{itemCode}/stock")
    OpenStock openStock(@PathVariable String itemCode, Principal principal) {
        Product p = product(principal, itemCode, true);
        List<OpenVariationStock> variations = p.hasVariations()
                ? p.stock().keySet().stream()
                        .map(key -> {
                            String[] c = key.split("/");
                            return new OpenVariationStock(
                                    c[0],
                                    c.length > 1 ? c[1] : null,
                                    c.length > 2 ? c[2] : null,
                                    StockStatus.of(p.stockLevel(key)).name());
                        })
                        .toList()
                : null;
        return new OpenStock(StockStatus.of(p.stockLevel()).name(), variations);
    }

    @GetMapping(OPEN + "/items/{itemCode}/variation")
    Variation openVariation(@PathVariable String itemCode, Principal principal) {
        return variation(product(principal, itemCode, true));
    }

    /** The item, or 404; the item API sees published items only. */
    private Product product(Principal principal, String itemCode, boolean publishedOnly) {
        return catalog.find(principal.getName(), itemCode)
                .filter(p -> !publishedOnly || p.published())
                .orElseThrow(() -> notFound(itemCode));
    }

    private static Basic basic(Product p) {
        return new Basic(
                p.itemCode(),
                p.name(),
                p.price(),
                TaxSetting.of(p.taxRate()),
                YesNo.of(p.published()),
                p.categoryPaths(),
                p.memo());
    }

    private static Stock stock(Product p) {
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

    private static Variation variation(Product p) {
        List<Product.Axis> a = p.axes();
        return new Variation(
                a.size() > 0 ? a.get(0).title() : null,
                a.size() > 0 ? a.get(0).choices() : null,
                a.size() > 1 ? a.get(1).title() : null,
                a.size() > 1 ? a.get(1).choices() : null,
                a.size() > 2 ? a.get(2).title() : null,
                a.size() > 2 ? a.get(2).choices() : null);
    }

    private static ErrorResponseException notFound(String itemCode) {
        return ApiErrors.notFound("No item " + itemCode + " at this shop.");
    }

    /** The catalog's field names in the API's snake_case. */
    private static ErrorResponseException invalid(InvalidProduct e) {
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
