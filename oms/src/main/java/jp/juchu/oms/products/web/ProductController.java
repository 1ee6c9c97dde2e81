package jp.juchu.oms.products.web;

import java.security.Principal;
import java.util.List;
import jp.juchu.oms.products.Product;
import jp.juchu.oms.products.internal.ListingEditing;
import jp.juchu.oms.products.internal.Problem;
import jp.juchu.oms.products.internal.ProductCatalog;
import jp.juchu.oms.products.internal.ProductDraft;
import jp.juchu.oms.products.internal.ProductEntry;
import jp.juchu.oms.products.internal.ProductRefused;
import jp.juchu.oms.products.internal.ProductRules;
import jp.juchu.oms.products.internal.SetComponents;
import jp.juchu.oms.products.internal.ShopItemRegistration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** 商品一覧, 商品登録 and 商品編集, with a set's components (セット構成). */
@Controller
class ProductController {

    static final int PAGE_SIZE = 50;

    private final ProductCatalog catalog;
    private final ProductRules rules;
    private final SetComponents sets;
    private final ListingEditing listings;
    private final ShopItemRegistration registration;

    ProductController(
            ProductCatalog catalog,
            ProductRules rules,
            SetComponents sets,
            ListingEditing listings,
            ShopItemRegistration registration) {
        this.catalog = catalog;
        this.rules = rules;
        this.sets = sets;
        this.listings = listings;
        this.registration = registration;
    }

    /** The form's fields are bound directly, so that a value that is not a number stays with its error. */
    @org.springframework.web.bind.annotation.InitBinder("form")
    void bindFields(org.springframework.web.bind.WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/products")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Product.Kind kind,
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        if (q != null && q.length() > 100) {
            q = q.substring(0, 100);
        }
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("active", active);
        model.addAttribute(
                "products",
                catalog.search(
                        new ProductCatalog.Search(q, kind, active), Math.max(0, Math.min(page, 100_000)), PAGE_SIZE));
        return "products/list";
    }

    /**
     * The registration form; from 商品候補一覧 it comes filled with the shop's item (code, name, price) and registers
     * the listing too.
     */
    @GetMapping("/products/new")
    String newProduct(
            @RequestParam(defaultValue = "SKU") Product.Kind kind,
            @RequestParam(required = false) Long connectionId,
            @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) String variation,
            Model model) {
        ProductDraft draft = ProductDraft.blank(kind);
        if (connectionId != null && itemCode != null) {
            var candidate = listings.candidate(connectionId, itemCode, variation);
            if (candidate.isPresent()) {
                var c = candidate.get();
                String code = suggestedCode(c.itemCode(), c.variation());
                draft = new ProductDraft(
                        code,
                        kind,
                        c.name(),
                        c.variation().isEmpty() ? null : suggestedCode(c.itemCode(), ""),
                        c.variation().isEmpty() ? null : c.variation(),
                        null,
                        null,
                        null,
                        null,
                        10,
                        c.unitPrice() == null ? 0L : Math.min(99_999_999L, Math.max(0, c.unitPrice())),
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
                model.addAttribute("candidate", c);
            }
        }
        model.addAttribute("form", ProductForm.of(draft));
        return form(null, model);
    }

    /** A shop's item code as a product code where it can be one: other characters as '-', cut to 30. */
    static String suggestedCode(String itemCode, String variation) {
        String raw = variation == null || variation.isEmpty() ? itemCode : itemCode + "-" + variation;
        String code = raw.replaceAll("[^A-Za-z0-9_-]", "-");
        return code.length() > 30 ? code.substring(0, 30) : code;
    }

    @PostMapping("/products")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String create(
            @ModelAttribute("form") ProductForm form,
            BindingResult errors,
            @RequestParam(required = false) Long connectionId,
            @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) String variation,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        boolean fromShop = connectionId != null && itemCode != null;
        if (fromShop) {
            listings.candidate(connectionId, itemCode, variation).ifPresent(c -> model.addAttribute("candidate", c));
        }
        reject(rules.check(form.draft(), null), errors);
        if (errors.hasErrors()) {
            return form(null, model);
        }
        try {
            long id = fromShop
                    ? registration.register(form.draft(), connectionId, itemCode, variation, 1, principal.getName())
                    : catalog.create(form.draft(), principal.getName());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/products/" + id;
        } catch (ProductRefused e) {
            reject(e.problems(), errors);
            return form(null, model);
        }
    }

    @GetMapping("/products/{id}")
    String edit(@PathVariable long id, Model model) {
        ProductEntry entry = found(id);
        model.addAttribute("form", ProductForm.of(entry.draft()));
        return form(entry, model);
    }

    @PostMapping("/products/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ProductForm form,
            BindingResult errors,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        ProductEntry entry = found(id);
        reject(rules.check(form.draft(), id), errors);
        if (errors.hasErrors()) {
            return form(entry, model);
        }
        try {
            catalog.update(id, form.draft(), principal.getName());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/products/" + id;
        } catch (ProductRefused e) {
            reject(e.problems(), errors);
            return form(entry, model);
        }
    }

    @PostMapping("/products/{id}/components")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String components(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String components,
            Principal principal,
            RedirectAttributes redirect) {
        found(id);
        java.util.ArrayList<Problem> problems = new java.util.ArrayList<>();
        List<SetComponents.Line> lines = SetComponents.parse(components, problems);
        if (problems.isEmpty()) {
            try {
                sets.replace(id, lines, principal.getName());
                redirect.addFlashAttribute("componentsSaved", true);
                return "redirect:/products/" + id;
            } catch (ProductRefused e) {
                problems.addAll(e.problems());
            }
        }
        redirect.addFlashAttribute(
                "componentErrors", problems.stream().map(Problem::message).toList());
        redirect.addFlashAttribute(
                "componentsText", components.length() > 5000 ? components.substring(0, 5000) : components);
        return "redirect:/products/" + id;
    }

    private String form(ProductEntry entry, Model model) {
        model.addAttribute("product", entry);
        model.addAttribute("zones", List.of("NORMAL", "CHILLED", "FROZEN"));
        if (entry != null) {
            if (!model.containsAttribute("componentsText")) {
                model.addAttribute("componentsText", sets.text(entry.id()));
            }
            model.addAttribute("listings", listings.ofProduct(entry.id()));
            model.addAttribute("containedIn", sets.setsContaining(entry.id()));
        }
        return "products/form";
    }

    private static void reject(List<Problem> problems, BindingResult errors) {
        for (Problem p : problems) {
            if (p.field() == null) {
                errors.reject("products.refused", new Object[] {p.message()}, p.message());
            } else if (!errors.hasFieldErrors(p.field())) {
                errors.rejectValue(p.field(), "products.refused", new Object[] {p.message()}, p.message());
            }
        }
    }

    private ProductEntry found(long id) {
        return catalog.entry(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
