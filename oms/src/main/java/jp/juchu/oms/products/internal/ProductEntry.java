package jp.juchu.oms.products.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import jp.juchu.oms.products.Product;

/** A product row with every field, for the edit screen and the CSV export. */
public record ProductEntry(
        long id,
        String code,
        Product.Kind kind,
        String name,
        String parentCode,
        String variation1,
        String variation2,
        String variation3,
        String janCode,
        String modelNumber,
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
        String free1,
        String free2,
        String free3,
        boolean active,
        OffsetDateTime updatedAt) {

    static final String COLUMNS = "id, code, kind, name, parent_code, variation_1 as variation1,"
            + " variation_2 as variation2, variation_3 as variation3, jan_code, model_number, tax_rate, sale_price,"
            + " cost_price, stock_managed, release_date, preorder, made_to_order, temperature_zone, size_factor,"
            + " shelf_location, omit_from_delivery_note, free_1 as free1, free_2 as free2, free_3 as free3, active,"
            + " updated_at";

    public ProductDraft draft() {
        return new ProductDraft(
                code,
                kind,
                name,
                parentCode,
                variation1,
                variation2,
                variation3,
                janCode,
                modelNumber,
                taxRate,
                salePrice,
                costPrice,
                stockManaged,
                releaseDate,
                preorder,
                madeToOrder,
                temperatureZone,
                sizeFactor,
                shelfLocation,
                omitFromDeliveryNote,
                free1,
                free2,
                free3,
                active);
    }

    /** The variations as the merchant entered them, joined for a list: {@code カラー: 白 / サイズ: M}. */
    public String variations() {
        return java.util.stream.Stream.of(variation1, variation2, variation3)
                .filter(v -> v != null && !v.isBlank())
                .collect(java.util.stream.Collectors.joining(" / "));
    }

    /** The variation values joined as an order line names them ({@code 白/M}), the axis names left off. */
    public String variationKey() {
        StringBuilder key = new StringBuilder();
        for (String v : new String[] {variation1, variation2, variation3}) {
            if (v != null && !v.isBlank()) {
                int colon = Math.max(v.indexOf(':'), v.indexOf('：'));
                key.append(key.isEmpty() ? "" : "/").append((colon >= 0 ? v.substring(colon + 1) : v).strip());
            }
        }
        return key.toString();
    }
}
