package jp.juchu.shop.storefront;

import java.util.Set;

/**
 * A shop's shipping rule (送料設定): a flat fee per destination, free from an items total, an extra
 * for remote prefectures; cash on delivery costs a fee by the amount collected.
 *
 * @param freeOver items total (tax incl.) from which the flat fee is waived; {@code null} never
 */
public record ShippingRule(
        int flatFee, Integer freeOver, int remoteExtra, Set<String> remotePrefectures, int giftWrappingFee) {

    /** The fee for one destination, given the whole order's items total. */
    public int fee(String prefecture, long orderItemsTotal) {
        int base = freeOver != null && orderItemsTotal >= freeOver ? 0 : flatFee;
        return base + (remotePrefectures.contains(prefecture) ? remoteExtra : 0);
    }

    /** Cash-on-delivery fee (代引き手数料) by the amount the carrier collects. */
    public static int codFee(long collected) {
        if (collected <= 10_000) {
            return 330;
        }
        if (collected <= 30_000) {
            return 440;
        }
        if (collected <= 100_000) {
            return 660;
        }
        return 1_100;
    }
}
