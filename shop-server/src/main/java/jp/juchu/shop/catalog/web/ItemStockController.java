package jp.juchu.shop.catalog.web;

import static jp.juchu.shop.catalog.web.ItemApi.MANAGEMENT;
import static jp.juchu.shop.catalog.web.ItemApi.invalid;
import static jp.juchu.shop.catalog.web.ItemApi.notFound;
import static jp.juchu.shop.catalog.web.ItemApi.stock;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.ConditionalStock;
import jp.juchu.shop.catalog.InvalidProduct;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductNotFound;
import jp.juchu.shop.catalog.StockChanged;
import jp.juchu.shop.catalog.web.ItemApi.Stock;
import jp.juchu.shop.catalog.web.ItemApi.VariationStock;
import jp.juchu.shop.system.ApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The management API (manager key) changes an item's stock: unlimited or not, the alert threshold and the quantities,
 * or, conditionally, the quantities only if they are still what the client read.
 */
@RestController
@Tag(name = ItemApi.TAG)
class ItemStockController {

    static final URI STOCK_CHANGED = URI.create("https://juchu.jp/problems/stock-changed");

    private final Catalog catalog;

    ItemStockController(Catalog catalog) {
        this.catalog = catalog;
    }

    @PutMapping(MANAGEMENT + "/items/{itemCode}/stock")
    Stock changeStock(@PathVariable String itemCode, @RequestBody Stock request, Principal principal) {
        Product p = ItemApi.product(catalog, principal, itemCode, false);
        if (request.expectedQuantity() != null
                || (request.variations() != null
                        && request.variations().stream().anyMatch(v -> v != null && v.expectedQuantity() != null))) {
            return changeStockIfUnchanged(p, request, principal);
        }
        boolean unlimited = request.unlimited() == null
                ? p.unlimitedStock()
                : request.unlimited().value();
        Map<String, Integer> units = new LinkedHashMap<>(p.stock());
        if (request.quantity() != null) {
            if (p.hasVariations()) {
                throw ApiErrors.badRequest("quantity", "the item keeps stock per variation; give variations[] instead");
            }
            units.put("", request.quantity());
        }
        if (request.variations() != null) {
            for (int i = 0; i < request.variations().size(); i++) {
                VariationStock v = request.variations().get(i);
                if (v == null) {
                    throw ApiErrors.badRequest("variations[" + i + "]", "must not be null");
                }
                String key = key(v);
                if (!units.containsKey(key)) {
                    throw ApiErrors.badRequest("variations[" + i + "]", "the item has no variation " + key);
                }
                if (v.quantity() == null) {
                    throw ApiErrors.badRequest("variations[" + i + "].quantity", "required");
                }
                units.put(key, v.quantity());
            }
        }
        try {
            return stock(catalog.changeStock(
                    principal.getName(),
                    itemCode,
                    unlimited,
                    request.alertThreshold() == null ? p.alertThreshold() : request.alertThreshold(),
                    unlimited ? Map.of() : units));
        } catch (InvalidProduct e) {
            throw invalid(e);
        }
    }

    /**
     * The conditional form: every quantity given comes with the quantity it replaces ({@code expected_quantity}), and
     * the change is made only if none of them changed meanwhile (a sale, another client), all or nothing — 409 with
     * the current quantity otherwise, so the client reads again and recomputes. Unlimited and the alert threshold
     * are not changed this way.
     */
    private Stock changeStockIfUnchanged(Product p, Stock request, Principal principal) {
        if (request.unlimited() != null || request.alertThreshold() != null) {
            throw ApiErrors.badRequest(
                    "expected_quantity",
                    "a conditional change sets quantities only; change unlimited and alert_threshold"
                            + " without expected_quantity");
        }
        List<ConditionalStock> changes = new ArrayList<>();
        if (request.expectedQuantity() != null || request.quantity() != null) {
            if (p.hasVariations()) {
                throw ApiErrors.badRequest("quantity", "the item keeps stock per variation; give variations[] instead");
            }
            if (request.quantity() == null || request.expectedQuantity() == null) {
                throw ApiErrors.badRequest(
                        request.quantity() == null ? "quantity" : "expected_quantity",
                        "quantity and expected_quantity go together");
            }
            changes.add(new ConditionalStock("", request.expectedQuantity(), request.quantity()));
        }
        List<VariationStock> variations = request.variations() == null ? List.of() : request.variations();
        if (variations.size() > 1000) {
            throw ApiErrors.badRequest("variations", "at most 1000 in one request");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < variations.size(); i++) {
            VariationStock v = variations.get(i);
            if (v == null || v.quantity() == null || v.expectedQuantity() == null) {
                throw ApiErrors.badRequest(
                        "variations[" + i + "]",
                        "quantity and expected_quantity are both required in a conditional change");
            }
            String key = key(v);
            if (!seen.add(key)) {
                throw ApiErrors.badRequest("variations[" + i + "]", "variation " + key + " is given twice");
            }
            changes.add(new ConditionalStock(key, v.expectedQuantity(), v.quantity()));
        }
        try {
            return stock(catalog.changeStockIfUnchanged(principal.getName(), p.itemCode(), changes));
        } catch (StockChanged e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT,
                    "The stock changed since it was read: read it again and send the change with the current"
                            + " quantity.");
            problem.setType(STOCK_CHANGED);
            problem.setTitle("Stock changed");
            problem.setProperty("variation", e.variation());
            problem.setProperty("expected_quantity", e.expected());
            problem.setProperty("current_quantity", e.current());
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        } catch (ProductNotFound e) {
            throw notFound(p.itemCode());
        } catch (InvalidProduct e) {
            throw invalid(e);
        }
    }

    private static String key(VariationStock v) {
        return String.join(
                "/",
                Stream.of(v.choice1(), v.choice2(), v.choice3())
                        .filter(c -> c != null && !c.isEmpty())
                        .toList());
    }
}
