package jp.juchu.shop.storefront;

import java.util.List;
import java.util.Map;
import jp.juchu.shop.settings.ShopSetup;

/**
 * A shop's fees as a checkout applies them, from its settings (お店設定): a flat fee per destination, free
 * from an items total, an extra per prefecture (charged even when shipping is free), gift wrapping per
 * destination, and the cash-on-delivery fee by the amount collected.
 *
 * @param freeOver items total (tax incl.) from which the flat fee is waived; {@code null} never
 * @param codFees ascending by {@code upTo}; the last one's {@code upTo} is {@code null} (every amount above)
 */
public record ShippingRule(
        int flatFee,
        Integer freeOver,
        Map<String, Integer> prefectureExtras,
        int giftWrappingFee,
        List<ShopSetup.CodFee> codFees) {

    public static ShippingRule of(ShopSetup setup) {
        ShopSetup.Shipping s = setup.shipping();
        return new ShippingRule(
                s.flatFee(),
                s.freeOver(),
                s.prefectureExtras(),
                s.giftWrappingFee(),
                setup.payments().codFees());
    }

    /** The fee for one destination, given the whole order's items total. */
    public int fee(String prefecture, long orderItemsTotal) {
        int base = freeOver != null && orderItemsTotal >= freeOver ? 0 : flatFee;
        return base + prefectureExtras.getOrDefault(prefecture, 0);
    }

    /** Cash-on-delivery fee (代引き手数料) by the amount the carrier collects. */
    public int codFee(long collected) {
        for (ShopSetup.CodFee step : codFees) {
            if (step.upTo() == null || collected <= step.upTo()) {
                return step.fee();
            }
        }
        return codFees.isEmpty() ? 0 : codFees.get(codFees.size() - 1).fee();
    }
}
