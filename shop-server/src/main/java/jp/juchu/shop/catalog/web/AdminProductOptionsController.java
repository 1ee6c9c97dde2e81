package jp.juchu.shop.catalog.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.InvalidProduct;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductNotFound;
import jp.juchu.shop.catalog.ProductOption;
import jp.juchu.shop.catalog.ProductOptions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 商品オプション: the purchase options of one product (gift wrapping, engraving …), up to three rows. */
@Controller
class AdminProductOptionsController {

    private final Catalog catalog;
    private final ProductOptions options;

    AdminProductOptionsController(Catalog catalog, ProductOptions options) {
        this.catalog = catalog;
        this.options = options;
    }

    /** One row of the page as the merchant typed it; choices are separated by commas (、 or ,). */
    record Row(String name, String kind, String choices, String maxLength, boolean required) {

        static Row of(ProductOption o) {
            return new Row(
                    o.name(),
                    o.kind().name(),
                    String.join(", ", o.choices()),
                    o.maxLength() == null ? "" : o.maxLength().toString(),
                    o.required());
        }

        boolean blank() {
            return (name == null || name.isBlank()) && (choices == null || choices.isBlank());
        }
    }

    @GetMapping("/admin/products/{itemCode}/options")
    String page(@PathVariable String itemCode, Principal principal, Model model) {
        Product product = product(principal, itemCode);
        List<Row> rows = new ArrayList<>(
                options.of(principal.getName(), itemCode).stream().map(Row::of).toList());
        return render(product, rows, model);
    }

    @PostMapping("/admin/products/{itemCode}/options")
    String save(
            @PathVariable String itemCode,
            @RequestParam(name = "name", required = false) List<String> names,
            @RequestParam(name = "kind", required = false) List<String> kinds,
            @RequestParam(name = "choices", required = false) List<String> choices,
            @RequestParam(name = "maxLength", required = false) List<String> maxLengths,
            @RequestParam(name = "required", required = false) List<String> required,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        Product product = product(principal, itemCode);
        List<Row> rows = new ArrayList<>();
        int count = names == null ? 0 : Math.min(names.size(), ProductOptions.MAX_OPTIONS);
        for (int i = 0; i < count; i++) {
            rows.add(new Row(
                    names.get(i),
                    at(kinds, i),
                    at(choices, i),
                    at(maxLengths, i),
                    required != null && required.contains(String.valueOf(i))));
        }
        List<ProductOption> parsed = new ArrayList<>();
        for (Row row : rows) {
            if (row.blank()) {
                continue;
            }
            ProductOption.Kind kind = "Text".equals(row.kind()) ? ProductOption.Kind.Text : ProductOption.Kind.Select;
            Integer maxLength =
                    row.maxLength() == null || !row.maxLength().strip().matches("\\d{1,3}")
                            ? null
                            : Integer.valueOf(row.maxLength().strip());
            List<String> list = row.choices() == null
                    ? List.of()
                    : Arrays.stream(row.choices().split("[,、，]"))
                            .map(String::strip)
                            .filter(c -> !c.isEmpty())
                            .toList();
            parsed.add(new ProductOption(row.name(), kind, list, maxLength, row.required()));
        }
        try {
            options.replace(principal.getName(), itemCode, parsed);
        } catch (InvalidProduct e) {
            model.addAttribute("error", e.getMessage());
            return render(product, rows, model);
        } catch (ProductNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/products/" + itemCode + "/options";
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? "" : values.get(i);
    }

    private String render(Product product, List<Row> rows, Model model) {
        while (rows.size() < ProductOptions.MAX_OPTIONS) {
            rows.add(new Row("", "Select", "", "", false));
        }
        model.addAttribute("product", product);
        model.addAttribute("rows", rows);
        return "catalog/options";
    }

    private Product product(Principal principal, String itemCode) {
        return catalog.find(principal.getName(), itemCode)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
