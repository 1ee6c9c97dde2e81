package jp.juchu.oms.products;

import java.time.LocalDate;

/**
 * A SKU or a set product (セット商品) of the product master; SKU and set codes share one namespace.
 *
 * @param taxRate 10, 8 (軽減税率) or 0 (非課税)
 * @param temperatureZone 温度帯: NORMAL (常温), CHILLED (冷蔵), FROZEN (冷凍)
 * @param omitFromDeliveryNote 納品書に記載しない
 */
public record Product(
        long id,
        String code,
        Kind kind,
        String name,
        int taxRate,
        long salePrice,
        long costPrice,
        boolean stockManaged,
        LocalDate releaseDate,
        boolean preorder,
        boolean madeToOrder,
        String temperatureZone,
        int sizeFactor,
        String shelfLocation,
        boolean omitFromDeliveryNote,
        boolean active) {

    public enum Kind {
        SKU,
        SET
    }
}
