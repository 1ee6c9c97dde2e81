package jp.juchu.shop.catalog.web;

import static jp.juchu.shop.catalog.web.ItemApi.MANAGEMENT;
import static jp.juchu.shop.catalog.web.ItemApi.basic;
import static jp.juchu.shop.catalog.web.ItemApi.invalid;
import static jp.juchu.shop.catalog.web.ItemApi.notFound;
import static jp.juchu.shop.catalog.web.ItemApi.variation;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.InvalidProduct;
import jp.juchu.shop.catalog.PlanLimitReached;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductDraft;
import jp.juchu.shop.catalog.ProductNotFound;
import jp.juchu.shop.catalog.web.ItemApi.Basic;
import jp.juchu.shop.catalog.web.ItemApi.RegisterRequest;
import jp.juchu.shop.catalog.web.ItemApi.TaxSetting;
import jp.juchu.shop.catalog.web.ItemApi.Variation;
import jp.juchu.shop.system.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The management API (manager key) registers items, changes their basics and variations, and deletes them. */
@RestController
@Tag(name = ItemApi.TAG)
class ItemChangeController {

    private final Catalog catalog;

    ItemChangeController(Catalog catalog) {
        this.catalog = catalog;
    }

    @PutMapping(MANAGEMENT + "/items")
    @ResponseStatus(HttpStatus.CREATED)
    Basic register(@Valid @RequestBody RegisterRequest request, Principal principal) {
        String shopId = principal.getName();
        if (catalog.find(shopId, request.itemCode()).isPresent()) {
            throw ApiErrors.withField(
                    HttpStatus.CONFLICT,
                    "The item code is already registered.",
                    "item_code",
                    "item " + request.itemCode() + " exists");
        }
        TaxSetting tax =
                request.consumptionTaxSetting() == null ? TaxSetting.Standard : request.consumptionTaxSetting();
        try {
            return basic(catalog.create(
                    shopId,
                    new ProductDraft(
                            request.itemCode(),
                            request.itemName(),
                            request.itemPrice() == null ? 0 : request.itemPrice(),
                            tax.rate,
                            false,
                            0,
                            false,
                            null,
                            List.of(),
                            Map.of("", 0),
                            List.of())));
        } catch (PlanLimitReached e) {
            throw ApiErrors.withField(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The shop's plan allows no more items (" + e.limit() + ").",
                    "item_code",
                    "product limit " + e.limit() + " reached");
        } catch (InvalidProduct e) {
            throw invalid(e);
        }
    }

    @PutMapping(MANAGEMENT + "/items/{itemCode}/basic")
    Basic changeBasic(@PathVariable String itemCode, @RequestBody Basic request, Principal principal) {
        Product p = ItemApi.product(catalog, principal, itemCode, false);
        ProductDraft d = Catalog.draftOf(p);
        try {
            return basic(catalog.update(
                    principal.getName(),
                    itemCode,
                    new ProductDraft(
                            d.itemCode(),
                            request.itemName() == null ? d.name() : request.itemName(),
                            request.itemPrice() == null ? d.price() : request.itemPrice(),
                            request.consumptionTaxSetting() == null
                                    ? d.taxRate()
                                    : request.consumptionTaxSetting().rate,
                            d.unlimitedStock(),
                            d.alertThreshold(),
                            request.isOpen() == null
                                    ? d.published()
                                    : request.isOpen().value(),
                            request.memo() == null ? d.memo() : request.memo(),
                            d.axes(),
                            d.stock(),
                            request.categoryPaths() == null ? d.categoryPaths() : request.categoryPaths())));
        } catch (InvalidProduct e) {
            throw invalid(e);
        }
    }

    @DeleteMapping(MANAGEMENT + "/items/{itemCode}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String itemCode, Principal principal) {
        try {
            catalog.delete(principal.getName(), itemCode);
        } catch (ProductNotFound e) {
            throw notFound(itemCode);
        }
    }

    @PutMapping(MANAGEMENT + "/items/{itemCode}/variation")
    Variation changeVariation(@PathVariable String itemCode, @RequestBody Variation request, Principal principal) {
        ItemApi.product(catalog, principal, itemCode, false);
        List<Product.Axis> axes = new ArrayList<>();
        addAxis(axes, request.title1(), request.choices1(), 1);
        addAxis(axes, request.title2(), request.choices2(), 2);
        addAxis(axes, request.title3(), request.choices3(), 3);
        try {
            return variation(catalog.changeVariations(principal.getName(), itemCode, axes));
        } catch (InvalidProduct e) {
            throw invalid(e);
        }
    }

    private static void addAxis(List<Product.Axis> axes, String title, List<String> choices, int n) {
        if (title == null && choices == null) {
            return;
        }
        if (title == null || title.isBlank()) {
            throw ApiErrors.badRequest("title" + n, "required when choices" + n + " is given");
        }
        if (axes.size() != n - 1) {
            throw ApiErrors.badRequest("title" + n, "title" + (n - 1) + " must come first");
        }
        axes.add(new Product.Axis(title, choices == null ? List.of() : choices));
    }
}
