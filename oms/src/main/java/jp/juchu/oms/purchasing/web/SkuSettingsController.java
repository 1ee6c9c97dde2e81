package jp.juchu.oms.purchasing.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.products.Products;
import jp.juchu.oms.purchasing.internal.PurchasingRefused;
import jp.juchu.oms.purchasing.internal.PurchasingSettings;
import jp.juchu.oms.purchasing.internal.SkuPurchasing;
import jp.juchu.oms.purchasing.internal.Supplier;
import jp.juchu.oms.purchasing.internal.Suppliers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 商品の発注設定: each SKU's supplier, purchase price, reorder point, 適正在庫, lot, lead time, 入荷予定の販売. */
@Controller
class SkuSettingsController {

    private final PurchasingSettings settings;
    private final Suppliers suppliers;
    private final Products products;

    SkuSettingsController(PurchasingSettings settings, Suppliers suppliers, Products products) {
        this.settings = settings;
        this.suppliers = suppliers;
        this.products = products;
    }

    @GetMapping("/purchasing/products")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        String query = q == null ? null : q.strip();
        if (query != null && query.length() > 100) {
            model.addAttribute("errors", List.of("検索語は100文字以内で入力してください"));
            query = null;
        }
        int p = PurchaseOrderController.page(page);
        List<SkuPurchasing> rows = settings.search(query, null, p);
        Map<Long, String> supplierCodes = new HashMap<>();
        suppliers.all().forEach(s -> supplierCodes.put(s.id(), s.code()));
        model.addAttribute(
                "rows", rows.stream().limit(PurchasingSettings.PAGE_SIZE).toList());
        model.addAttribute("more", rows.size() > PurchasingSettings.PAGE_SIZE);
        model.addAttribute("page", p);
        model.addAttribute("q", query);
        model.addAttribute("supplierCodes", supplierCodes);
        return "purchasing/products";
    }

    @GetMapping("/purchasing/products/{code}")
    String edit(@PathVariable String code, Model model) {
        long id = products.byCode(code)
                .orElseThrow(() -> new PurchasingRefused("商品コード: " + code + " は登録されていません"))
                .id();
        SkuPurchasing s = settings.of(id).orElseThrow();
        Map<String, String> f = new HashMap<>();
        f.put(
                "supplier",
                s.supplierId() == null
                        ? ""
                        : suppliers.find(s.supplierId()).map(Supplier::code).orElse(""));
        f.put("purchasePrice", String.valueOf(s.purchasePrice()));
        f.put("reorderPoint", s.reorderPoint() == null ? "" : String.valueOf(s.reorderPoint()));
        f.put("orderUpTo", s.orderUpTo() == null ? "" : String.valueOf(s.orderUpTo()));
        f.put("lotSize", String.valueOf(s.lotSize()));
        f.put("leadTimeDays", s.leadTimeDays() == null ? "" : String.valueOf(s.leadTimeDays()));
        f.put("sellInbound", String.valueOf(s.sellInbound()));
        return form(s, f, model);
    }

    private String form(SkuPurchasing s, Map<String, String> f, Model model) {
        model.addAttribute("sku", s);
        model.addAttribute("f", f);
        model.addAttribute("suppliers", suppliers.active());
        return "purchasing/product-form";
    }

    @PostMapping("/purchasing/products/{code}")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String save(
            @PathVariable String code,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            settings.save(code, form);
            redirect.addFlashAttribute("saved", code + " の発注設定を保存しました");
            return "redirect:/purchasing/products/" + code;
        } catch (PurchasingRefused e) {
            long id = products.byCode(code).orElseThrow(() -> e).id();
            model.addAttribute("errors", e.problems());
            return form(settings.of(id).orElseThrow(), form, model);
        }
    }
}
