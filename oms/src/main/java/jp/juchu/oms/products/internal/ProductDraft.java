package jp.juchu.oms.products.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.juchu.oms.products.Product;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Every field of a product as the merchant gives it: the registration and edit form, a line of the product CSV and
 * an item registered from a shop all come as one of these and pass {@link ProductRules} alike. Flags given as null
 * are false.
 *
 * @param parentCode the code grouping the variations of one item (親商品コード)
 * @param variation1 a variation axis and its value, e.g. {@code カラー: 赤}
 */
public record ProductDraft(
        @NotBlank(message = "{products.code.required}")
        @Pattern(regexp = Codes.PATTERN, message = "{products.code.pattern}")
        String code,

        @NotNull(message = "{products.kind.required}") Product.Kind kind,

        @NotBlank(message = "{products.name.required}") @Size(max = 200, message = "{products.size.max}")
        String name,

        @Pattern(regexp = "(" + Codes.PATTERN + ")?", message = "{products.code.pattern}")
        String parentCode,

        @Size(max = 100, message = "{products.size.max}") String variation1,
        @Size(max = 100, message = "{products.size.max}") String variation2,
        @Size(max = 100, message = "{products.size.max}") String variation3,

        @Pattern(regexp = "([0-9]{8}|[0-9]{13}|[0-9]{12}|[0-9]{14})?", message = "{products.jan.pattern}")
        String janCode,

        @Size(max = 50, message = "{products.size.max}") String modelNumber,

        @NotNull(message = "{products.taxRate.invalid}") Integer taxRate,

        @NotNull(message = "{products.price.range}")
        @Min(value = 0, message = "{products.price.range}")
        @Max(value = 99_999_999, message = "{products.price.range}")
        Long salePrice,

        @NotNull(message = "{products.price.range}")
        @Min(value = 0, message = "{products.price.range}")
        @Max(value = 99_999_999, message = "{products.price.range}")
        Long costPrice,

        Boolean stockManaged,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate releaseDate,

        Boolean preorder,
        Boolean madeToOrder,

        @NotNull(message = "{products.temperatureZone.invalid}")
        @Pattern(regexp = "NORMAL|CHILLED|FROZEN", message = "{products.temperatureZone.invalid}")
        String temperatureZone,

        @NotNull(message = "{products.sizeFactor.range}")
        @Min(value = 0, message = "{products.sizeFactor.range}")
        @Max(value = 1000, message = "{products.sizeFactor.range}")
        Integer sizeFactor,

        @Size(max = 30, message = "{products.size.max}") String shelfLocation,
        Boolean omitFromDeliveryNote,
        @Size(max = 200, message = "{products.size.max}") String free1,
        @Size(max = 200, message = "{products.size.max}") String free2,
        @Size(max = 200, message = "{products.size.max}") String free3,
        Boolean active) {

    /** A new product's form: a SKU (or a set), 10 %, stock managed, 常温, size factor 1, active. */
    public static ProductDraft blank(Product.Kind kind) {
        return new ProductDraft(
                "",
                kind,
                "",
                null,
                null,
                null,
                null,
                null,
                null,
                10,
                0L,
                0L,
                kind == Product.Kind.SKU,
                null,
                false,
                false,
                "NORMAL",
                1,
                null,
                false,
                null,
                null,
                null,
                true);
    }

    /** The draft with its text trimmed and blank optional text as null, the way it is stored. */
    public ProductDraft normalised() {
        return new ProductDraft(
                strip(code),
                kind,
                strip(name),
                blankToNull(parentCode),
                blankToNull(variation1),
                blankToNull(variation2),
                blankToNull(variation3),
                blankToNull(janCode),
                blankToNull(modelNumber),
                taxRate,
                salePrice,
                costPrice,
                stockManaged,
                releaseDate,
                preorder,
                madeToOrder,
                temperatureZone,
                sizeFactor,
                blankToNull(shelfLocation),
                omitFromDeliveryNote,
                blankToNull(free1),
                blankToNull(free2),
                blankToNull(free3),
                active);
    }

    static boolean on(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
