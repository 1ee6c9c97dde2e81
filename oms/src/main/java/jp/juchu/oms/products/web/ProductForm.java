package jp.juchu.oms.products.web;

import java.time.LocalDate;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.internal.ProductDraft;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The 商品登録・編集 form as the browser sends it, bound field by field so that a value that is not a number or a
 * date stays on the form with its error; {@link #draft()} is what {@link jp.juchu.oms.products.internal.ProductRules}
 * checks.
 */
public class ProductForm {

    public String code;
    public Product.Kind kind;
    public String name;
    public String parentCode;
    public String variation1;
    public String variation2;
    public String variation3;
    public String janCode;
    public String modelNumber;
    public Integer taxRate;
    public Long salePrice;
    public Long costPrice;
    public boolean stockManaged;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    public LocalDate releaseDate;

    public boolean preorder;
    public boolean madeToOrder;
    public String temperatureZone;
    public Integer sizeFactor;
    public String shelfLocation;
    public boolean omitFromDeliveryNote;
    public String free1;
    public String free2;
    public String free3;
    public boolean active;

    static ProductForm of(ProductDraft d) {
        ProductForm f = new ProductForm();
        f.code = d.code();
        f.kind = d.kind();
        f.name = d.name();
        f.parentCode = d.parentCode();
        f.variation1 = d.variation1();
        f.variation2 = d.variation2();
        f.variation3 = d.variation3();
        f.janCode = d.janCode();
        f.modelNumber = d.modelNumber();
        f.taxRate = d.taxRate();
        f.salePrice = d.salePrice();
        f.costPrice = d.costPrice();
        f.stockManaged = Boolean.TRUE.equals(d.stockManaged());
        f.releaseDate = d.releaseDate();
        f.preorder = Boolean.TRUE.equals(d.preorder());
        f.madeToOrder = Boolean.TRUE.equals(d.madeToOrder());
        f.temperatureZone = d.temperatureZone();
        f.sizeFactor = d.sizeFactor();
        f.shelfLocation = d.shelfLocation();
        f.omitFromDeliveryNote = Boolean.TRUE.equals(d.omitFromDeliveryNote());
        f.free1 = d.free1();
        f.free2 = d.free2();
        f.free3 = d.free3();
        f.active = Boolean.TRUE.equals(d.active());
        return f;
    }

    ProductDraft draft() {
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
}
