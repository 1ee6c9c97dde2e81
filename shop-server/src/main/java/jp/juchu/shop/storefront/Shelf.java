package jp.juchu.shop.storefront;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.Categories;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductFilter;
import jp.juchu.shop.catalog.ProductSort;
import jp.juchu.shop.catalog.ShopImage;
import jp.juchu.shop.catalog.ShopImages;
import jp.juchu.shop.catalog.StockLevel;
import jp.juchu.shop.customers.ItemReviews;
import jp.juchu.shop.customers.Reviews;
import jp.juchu.shop.orders.Orders;
import org.springframework.stereotype.Component;

/** What the storefront shows of a shop's catalog: published products priced tax included, their reviews, the ranking. */
@Component
public class Shelf {

    public record CategoryNode(String name, String fullPath, List<CategoryNode> children) {}
    /** A line of the shop's ranking (units sold). */
    public record Ranked(int rank, String itemCode, String itemName, long unitsSold) {}

    private static final int LIST_SIZE = 100;
    private static final int RANKING_DAYS = 30;

    private final Catalog catalog;
    private final Categories categories;
    private final Reviews reviews;
    private final Orders orders;
    private final Clock clock;
    private final ShopImages images;

    Shelf(Catalog catalog, Categories categories, Reviews reviews, Orders orders, Clock clock, ShopImages images) {
        this.images = images;
        this.catalog = catalog;
        this.categories = categories;
        this.reviews = reviews;
        this.orders = orders;
        this.clock = clock;
    }

    public List<ShelfItem> newest(String shopId, int limit) {
        return items(shopId, ProductFilter.of(null, null, true, null, ProductSort.NEWEST), limit);
    }

    public List<Ranked> ranking(String shopId, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return orders.ranking(shopId, now.minusDays(RANKING_DAYS), now, limit).stream()
                .map(r -> new Ranked(r.rank(), r.itemCode(), r.itemName(), r.unitsSold()))
                .toList();
    }

    public List<Shelf.CategoryNode> categoryTree(String shopId) {
        return categories.tree(shopId).stream().map(Shelf::node).toList();
    }

    private static Shelf.CategoryNode node(jp.juchu.shop.catalog.CategoryNode c) {
        return new Shelf.CategoryNode(
                c.name(), c.fullPath(), c.children().stream().map(Shelf::node).toList());
    }

    public List<ShelfItem> inCategory(String shopId, String path) {
        return items(shopId, ProductFilter.of(null, path, true, null, ProductSort.NEWEST), LIST_SIZE);
    }

    public List<ShelfItem> search(String shopId, String keyword) {
        return items(shopId, ProductFilter.of(keyword, null, true, null, ProductSort.NEWEST), LIST_SIZE);
    }

    /** The paths of the images the merchant put on a product, in upload order. */
    public List<String> imagePaths(String shopId, String itemCode) {
        return images.ofProduct(shopId, itemCode).stream().map(ShopImage::path).toList();
    }

    public Optional<ProductView> product(String shopId, String itemCode) {
        return catalog.find(shopId, itemCode).filter(Product::published).map(p -> {
            List<ProductView.Axis> axes = new ArrayList<>();
            for (int i = 0; i < p.axes().size(); i++) {
                int axis = i;
                List<ProductView.Choice> choices = p.axes().get(i).choices().stream()
                        .map(choice -> new ProductView.Choice(
                                choice,
                                p.stock().entrySet().stream()
                                        .filter(e -> e.getKey().split("/")[axis].equals(choice))
                                        .allMatch(e -> !p.unlimitedStock() && e.getValue() <= 0)))
                        .toList();
                axes.add(new ProductView.Axis(p.axes().get(i).title(), choices));
            }
            List<ProductView.VariationStock> variations = p.hasVariations()
                    ? Product.variations(p.axes()).stream()
                            .map(v -> new ProductView.VariationStock(v, state(p.stockLevel(v))))
                            .toList()
                    : List.of();
            ItemReviews itemReviews = reviews.of(shopId, itemCode);
            return new ProductView(
                    item(p),
                    p.categoryPaths(),
                    axes,
                    variations,
                    itemReviews.reviews().stream()
                            .map(r ->
                                    new ProductView.Review(r.rating(), r.title(), r.body(), r.nickname(), r.postedAt()))
                            .toList(),
                    itemReviews.averageRating());
        });
    }

    public Optional<Offer> offer(String shopId, String itemCode, String variation) {
        return catalog.find(shopId, itemCode)
                .filter(Product::published)
                .filter(p -> Product.variations(p.axes()).contains(variation))
                .map(p -> new Offer(
                        p.itemCode(),
                        variation,
                        p.name(),
                        p.price(),
                        p.taxRate(),
                        p.unlimitedStock() ? null : p.stock().getOrDefault(variation, 0)));
    }

    private List<ShelfItem> items(String shopId, ProductFilter filter, int limit) {
        return catalog.search(shopId, filter, 0, limit).products().stream()
                .map(Shelf::item)
                .toList();
    }

    private static ShelfItem item(Product p) {
        return new ShelfItem(p.itemCode(), p.name(), p.price(), p.taxRate(), state(p.stockLevel()));
    }

    private static StockState state(StockLevel level) {
        return switch (level) {
            case UNLIMITED, IN_STOCK -> StockState.IN_STOCK;
            case LOW -> StockState.FEW_LEFT;
            case SOLD_OUT -> StockState.SOLD_OUT;
        };
    }
}
