package jp.juchu.oms.purchasing.web;

import java.util.Map;
import jp.juchu.oms.purchasing.internal.PurchasingRefused;
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

/** 仕入先: the list, the new and edit forms. A refused form comes back with what was typed and every problem. */
@Controller
class SupplierController {

    private final Suppliers suppliers;

    SupplierController(Suppliers suppliers) {
        this.suppliers = suppliers;
    }

    @GetMapping("/purchasing/suppliers")
    String list(Model model) {
        model.addAttribute("suppliers", suppliers.all());
        return "purchasing/suppliers";
    }

    @GetMapping("/purchasing/suppliers/new")
    String create(Model model) {
        model.addAttribute(
                "f", Map.of("leadTimeDays", "7", "ratePercent", "100", "minimumAmount", "0", "sendMethod", "EMAIL"));
        model.addAttribute("methods", Supplier.SEND_METHODS);
        return "purchasing/supplier-form";
    }

    @GetMapping("/purchasing/suppliers/{id}")
    String edit(@PathVariable long id, Model model) {
        Supplier s = suppliers.find(id).orElseThrow(() -> new PurchasingRefused("仕入先が見つかりません"));
        Map<String, String> f = new java.util.HashMap<>();
        f.put("code", s.code());
        f.put("name", s.name());
        f.put("shortName", s.shortName());
        f.put("postalCode", s.postalCode());
        f.put("address", s.address());
        f.put("phone", s.phone());
        f.put("fax", s.fax());
        f.put("email", s.email());
        f.put("contactPerson", s.contactPerson());
        f.put("leadTimeDays", String.valueOf(s.leadTimeDays()));
        f.put("minimumAmount", String.valueOf(s.minimumAmount()));
        f.put("ratePercent", String.valueOf(s.ratePercent()));
        f.put("paymentTerms", s.paymentTerms());
        f.put("sendMethod", s.sendMethod());
        f.put("orderNote", s.orderNote());
        f.put("active", String.valueOf(s.active()));
        model.addAttribute("f", f);
        model.addAttribute("id", id);
        model.addAttribute("methods", Supplier.SEND_METHODS);
        return "purchasing/supplier-form";
    }

    @PostMapping({"/purchasing/suppliers/new", "/purchasing/suppliers/{id}"})
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String save(
            @PathVariable(required = false) Long id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            long saved = suppliers.save(id, form);
            redirect.addFlashAttribute("saved", "仕入先を保存しました");
            return "redirect:/purchasing/suppliers/" + saved;
        } catch (PurchasingRefused e) {
            model.addAttribute("errors", e.problems());
            model.addAttribute("f", form);
            model.addAttribute("id", id);
            model.addAttribute("methods", Supplier.SEND_METHODS);
            return "purchasing/supplier-form";
        }
    }
}
