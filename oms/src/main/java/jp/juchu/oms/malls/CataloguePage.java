package jp.juchu.oms.malls;

import java.util.List;

/**
 * One page of a shop's catalogue (商品一覧) as a mall's API gives it.
 *
 * @param total how many items the shop has in all
 */
public record CataloguePage(long total, List<Item> items) {

    public CataloguePage {
        items = List.copyOf(items);
    }

    /**
     * An item of the shop with what an order line can name: itself when it has no variations, else each of its
     * variations.
     *
     * @param price the price the shop sells it at (tax included), null when the shop did not say
     */
    public record Item(String itemCode, String name, Long price, List<Variant> variants) {

        public Item {
            variants = List.copyOf(variants);
        }
    }

    /**
     * A variation as an order line names it ({@code 白/M}; blank for an item without variations) and the stock the
     * shop shows for it; null when the shop does not count it (在庫無制限).
     */
    public record Variant(String variation, Integer quantity) {}
}
