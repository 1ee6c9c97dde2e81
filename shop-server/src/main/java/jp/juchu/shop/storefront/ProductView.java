package jp.juchu.shop.storefront;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A product page: the item, its categories, its variation axes with each variation's stock state,
 * and its reviews with their average rating ({@code null} without reviews).
 */
public record ProductView(
        ShelfItem item,
        List<String> categoryPaths,
        List<Axis> axes,
        List<VariationStock> variations,
        List<Review> reviews,
        Double averageRating) {

    /** One variation axis (e.g. 色) and its choices; a choice is sold out when every variation with it is. */
    public record Axis(String title, List<Choice> choices) {}

    public record Choice(String value, boolean soldOut) {}

    /** A variation: its choices joined with "/" (e.g. "赤/M"). */
    public record VariationStock(String variation, StockState stock) {}

    public record Review(int rating, String title, String body, String nickname, OffsetDateTime postedAt) {}

    public boolean hasVariations() {
        return !axes.isEmpty();
    }
}
