package jp.juchu.shop.storefront;

/**
 * What a buyer can buy of one item (and variation) now.
 *
 * @param available units left, {@code null} when the shop does not count stock
 */
public record Offer(String itemCode, String variation, String name, long unitPrice, int taxPercent, Integer available) {

    public boolean allows(int quantity) {
        return available == null || quantity <= available;
    }
}
