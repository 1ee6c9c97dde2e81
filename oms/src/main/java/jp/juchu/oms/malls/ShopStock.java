package jp.juchu.oms.malls;

import java.util.Map;

/**
 * An item's stock at the shop.
 *
 * @param unlimited the shop does not count this item's stock (在庫数無制限); {@code quantities} is then empty
 * @param quantities units per variation, keyed as order lines name the variation ({@code 紺/M}), {@code ""} for an
 *     item without variations
 */
public record ShopStock(String itemCode, boolean unlimited, Map<String, Integer> quantities) {

    public ShopStock {
        quantities = Map.copyOf(quantities);
    }
}
