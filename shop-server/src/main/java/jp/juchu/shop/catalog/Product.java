package jp.juchu.shop.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A product (商品) of a shop.
 *
 * @param price in yen, tax included
 * @param taxRate 10 (standard) or 8 (reduced, food)
 * @param unlimitedStock the shop does not count its stock (在庫無制限)
 * @param alertThreshold at or under this many units the product is running low (在庫アラート)
 * @param axes up to three variation axes, in order
 * @param stock units per variation (choices joined with "/", {@code ""} without variations); empty when
 *     unlimited
 */
public record Product(
        long id,
        String shopId,
        String itemCode,
        String name,
        long price,
        int taxRate,
        boolean unlimitedStock,
        int alertThreshold,
        boolean published,
        String memo,
        List<Axis> axes,
        Map<String, Integer> stock,
        List<String> categoryPaths,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** A variation axis (e.g. 色) and its choices (白, 紺). */
    public record Axis(String title, List<String> choices) {}

    public boolean hasVariations() {
        return !axes.isEmpty();
    }

    /** Units over all variations; {@code null} when the stock is unlimited. */
    public Integer totalStock() {
        return unlimitedStock
                ? null
                : stock.values().stream().mapToInt(Integer::intValue).sum();
    }

    public StockLevel stockLevel() {
        return StockLevel.of(unlimitedStock ? null : totalStock(), alertThreshold);
    }

    /** The stock level of one variation ({@code ""} without variations). */
    public StockLevel stockLevel(String variation) {
        return StockLevel.of(unlimitedStock ? null : stock.getOrDefault(variation, 0), alertThreshold);
    }

    /** Every variation key the axes make, in order: 白/S, 白/M, 紺/S … ({@code ""} without axes). */
    public static List<String> variations(List<Axis> axes) {
        List<String> keys = new ArrayList<>(List.of(""));
        for (Axis axis : axes) {
            List<String> next = new ArrayList<>();
            for (String key : keys) {
                for (String choice : axis.choices()) {
                    next.add(key.isEmpty() ? choice : key + "/" + choice);
                }
            }
            keys = next;
        }
        return keys;
    }
}
