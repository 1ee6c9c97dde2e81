package jp.juchu.shop.catalog.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.shop.catalog.Catalog;
import jp.juchu.shop.catalog.Categories;
import jp.juchu.shop.catalog.CategoryNode;
import jp.juchu.shop.catalog.InvalidProduct;
import jp.juchu.shop.catalog.PlanLimitReached;
import jp.juchu.shop.catalog.Product;
import jp.juchu.shop.catalog.ProductFilter;
import jp.juchu.shop.catalog.ProductNotFound;
import jp.juchu.shop.catalog.ProductSort;
import jp.juchu.shop.catalog.ShopImages;
import jp.juchu.shop.catalog.StockLevel;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 商品管理 in the shop admin: the product list with its filters, and the product form. */
@Controller
class AdminProductController {

    private static final int PAGE_SIZE = 50;

    private final Catalog catalog;
    private final Categories categories;
    private final ShopImages images;

    AdminProductController(Catalog catalog, Categories categories, ShopImages images) {
        this.catalog = catalog;
        this.categories = categories;
        this.images = images;
    }

    @GetMapping("/admin/products")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Boolean published,
            @RequestParam(required = false) StockLevel stock,
            @RequestParam(required = false) ProductSort sort,
            @RequestParam(defaultValue = "0") int page,
            Principal principal,
            Model model) {
        String shopId = principal.getName();
        model.addAttribute(
                "products",
                catalog.search(
                        shopId,
                        ProductFilter.of(q, blankToNull(category), published, stock, sort),
                        Math.max(0, page),
                        PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("published", published);
        model.addAttribute("stock", stock);
        model.addAttribute("sort", sort);
        model.addAttribute("summary", catalog.stockSummary(shopId));
        model.addAttribute("categoryPaths", paths(categories.tree(shopId)));
        return "catalog/list";
    }

    @GetMapping("/admin/products/new")
    String newProduct(Principal principal, Model model) {
        return form(principal.getName(), new ProductForm(), true, model);
    }

    @PostMapping("/admin/products")
    String create(
            @ModelAttribute("product") ProductForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        String shopId = principal.getName();
        if (binding.hasErrors()) {
            return form(shopId, form, true, model);
        }
        try {
            Product created = catalog.create(shopId, form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/products/" + created.itemCode();
        } catch (InvalidProduct e) {
            binding.rejectValue(fieldOf(e), "invalid", e.getMessage());
        } catch (PlanLimitReached e) {
            binding.reject("planLimit", e.getMessage());
        }
        return form(shopId, form, true, model);
    }

    @GetMapping("/admin/products/{itemCode}")
    String edit(@PathVariable String itemCode, Principal principal, Model model) {
        Product product = catalog.find(principal.getName(), itemCode)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return form(principal.getName(), ProductForm.of(product), false, model);
    }

    @PostMapping("/admin/products/{itemCode}")
    String update(
            @PathVariable String itemCode,
            @ModelAttribute("product") ProductForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        String shopId = principal.getName();
        form.setItemCode(itemCode);
        if (binding.hasErrors()) {
            return form(shopId, form, false, model);
        }
        try {
            catalog.update(shopId, itemCode, form.draft());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/products/" + itemCode;
        } catch (InvalidProduct e) {
            binding.rejectValue(fieldOf(e), "invalid", e.getMessage());
        } catch (ProductNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return form(shopId, form, false, model);
    }

    @PostMapping("/admin/products/{itemCode}/delete")
    String delete(@PathVariable String itemCode, Principal principal, RedirectAttributes redirect) {
        try {
            catalog.delete(principal.getName(), itemCode);
        } catch (ProductNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("deleted", itemCode);
        return "redirect:/admin/products";
    }

    private String form(String shopId, ProductForm form, boolean creating, Model model) {
        model.addAttribute("product", form);
        model.addAttribute("creating", creating);
        model.addAttribute(
                "images",
                creating || form.getItemCode() == null ? List.of() : images.ofProduct(shopId, form.getItemCode()));
        model.addAttribute("variations", form.stockForAxes());
        model.addAttribute("categoryPaths", paths(categories.tree(shopId)));
        model.addAttribute("summary", catalog.stockSummary(shopId));
        return "catalog/form";
    }

    /** The form's field for an error the catalog names (axes[0].choices → axisChoices[0]). */
    private static String fieldOf(InvalidProduct e) {
        String field = e.field();
        if (field.matches("axes\\[\\d]\\.title")) {
            return "axisTitles[" + field.charAt(5) + "]";
        }
        if (field.matches("axes\\[\\d]\\.choices")) {
            return "axisChoices[" + field.charAt(5) + "]";
        }
        return switch (field) {
            case "axes" -> "axisTitles[0]";
            case "stock" -> "stock";
            default -> field;
        };
    }

    static List<String> paths(List<CategoryNode> nodes) {
        List<String> paths = new ArrayList<>();
        for (CategoryNode node : nodes) {
            paths.add(node.fullPath());
            paths.addAll(paths(node.children()));
        }
        return paths;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
