package jp.juchu.shop.catalog.web;

import static jp.juchu.shop.catalog.web.ItemApi.MANAGEMENT;
import static jp.juchu.shop.catalog.web.ItemApi.OPEN;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.Categories;
import jp.juchu.shop.catalog.CategoryNode;
import jp.juchu.shop.catalog.CategoryNotFound;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductFilter;
import jp.juchu.shop.catalog.ProductOption;
import jp.juchu.shop.catalog.ProductOptions;
import jp.juchu.shop.catalog.ProductPage;
import jp.juchu.shop.catalog.ProductSort;
import jp.juchu.shop.catalog.StockLevel;
import jp.juchu.shop.catalog.web.ItemApi.Basic;
import jp.juchu.shop.catalog.web.ItemApi.CategoryRequest;
import jp.juchu.shop.catalog.web.ItemApi.CategoryResponse;
import jp.juchu.shop.catalog.web.ItemApi.ChildCategory;
import jp.juchu.shop.catalog.web.ItemApi.Content;
import jp.juchu.shop.catalog.web.ItemApi.Filter;
import jp.juchu.shop.catalog.web.ItemApi.ItemCategoriesResponse;
import jp.juchu.shop.catalog.web.ItemApi.ItemCategory;
import jp.juchu.shop.catalog.web.ItemApi.ItemOption;
import jp.juchu.shop.catalog.web.ItemApi.ItemOptionsResponse;
import jp.juchu.shop.catalog.web.ItemApi.OpenStock;
import jp.juchu.shop.catalog.web.ItemApi.OpenVariationStock;
import jp.juchu.shop.catalog.web.ItemApi.SearchRequest;
import jp.juchu.shop.catalog.web.ItemApi.SearchResponse;
import jp.juchu.shop.catalog.web.ItemApi.Sort;
import jp.juchu.shop.catalog.web.ItemApi.SortOrder;
import jp.juchu.shop.catalog.web.ItemApi.Stock;
import jp.juchu.shop.catalog.web.ItemApi.StockStatus;
import jp.juchu.shop.catalog.web.ItemApi.TaxSetting;
import jp.juchu.shop.catalog.web.ItemApi.Variation;
import jp.juchu.shop.system.ApiErrors;
import jp.juchu.shop.system.YesNo;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform API's item reads: the management API (manager key) searches items and reads them, their stock,
 * variations, categories and options; the item API (open key) reads published items only. Both read the category
 * tree. Registering and changing items is {@link ItemChangeController}'s, changing their stock
 * {@link ItemStockController}'s.
 */
@RestController
@Tag(name = ItemApi.TAG)
class ItemApiController {

    private final Catalog catalog;
    private final Categories categories;
    private final ProductOptions options;

    ItemApiController(Catalog catalog, Categories categories, ProductOptions options) {
        this.catalog = catalog;
        this.categories = categories;
        this.options = options;
    }

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
                        .map(p -> new Content(ItemApi.basic(p), ItemApi.stock(p)))
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

    @GetMapping(MANAGEMENT + "/items/{itemCode}/basic")
    Basic basic(@PathVariable String itemCode, Principal principal) {
        return ItemApi.basic(product(principal, itemCode, false));
    }

    @GetMapping(MANAGEMENT + "/items/{itemCode}/stock")
    Stock stock(@PathVariable String itemCode, Principal principal) {
        return ItemApi.stock(product(principal, itemCode, false));
    }

    @GetMapping(MANAGEMENT + "/items/{itemCode}/variation")
    Variation variation(@PathVariable String itemCode, Principal principal) {
        return ItemApi.variation(product(principal, itemCode, false));
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
        return ItemApi.variation(product(principal, itemCode, true));
    }

    private Product product(Principal principal, String itemCode, boolean publishedOnly) {
        return ItemApi.product(catalog, principal, itemCode, publishedOnly);
    }
}
