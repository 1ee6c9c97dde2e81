package jp.juchu.oms.orders.web;

import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.orders.ManualOrders;
import jp.juchu.oms.orders.OrderLimits;
import jp.juchu.support.address.AddressFormats;
import jp.juchu.support.address.Prefectures;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 受注登録: the form (prefilled from a customer when the customer page links here), a calculation that shows the
 * totals and tax before anything is saved, and the registration itself.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
class ManualOrderController {

    private final ManualOrders manualOrders;

    ManualOrderController(ManualOrders manualOrders) {
        this.manualOrders = manualOrders;
    }

    @InitBinder("form")
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(OrderLimits.MAX_LINES);
    }

    @GetMapping("/orders/new")
    String form(@ModelAttribute("form") ManualOrderForm form, Model model) {
        return page(model, form.padded(5), null, List.of());
    }

    /** Product look-up by code or name (an htmx fragment). */
    @GetMapping("/orders/new/items")
    String items(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("items", manualOrders.knownItems(q, 30));
        return "orders/new :: items";
    }

    @PostMapping("/orders/new")
    String submit(
            @ModelAttribute("form") ManualOrderForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "preview") String action,
            Authentication user,
            Model model) {
        if (form.destinations.size() > ManualOrderForm.DESTINATIONS) {
            // the page offers three destinations; a fourth is not a form this page sent
            throw new InvalidPropertyException(
                    ManualOrderForm.class, "destinations[" + (form.destinations.size() - 1) + "]", "not on the page");
        }
        List<String> problems = new ArrayList<>();
        errors.getFieldErrors().forEach(e -> problems.add("[" + e.getField() + "]: 数値で入力してください"));
        problems.addAll(buyerProblems(form));
        ManualOrders.Preview preview = manualOrders.preview(form.value());
        problems.addAll(preview.problems());
        showFilledIn(form, preview);
        if ("register".equals(action) && problems.isEmpty()) {
            long id = manualOrders.register(form.value(), user.getName());
            return "redirect:/orders/" + id;
        }
        int rows = "more".equals(action) ? Math.min(form.lines.size() + 5, OrderLimits.MAX_LINES) : form.lines.size();
        return page(model, form.padded(rows), preview, problems);
    }

    /** Lines given only a product code show the name, price and rate the preview found. */
    private static void showFilledIn(ManualOrderForm form, ManualOrders.Preview preview) {
        for (int i = 0; i < form.lines.size(); i++) {
            var item = preview.items().get(i);
            ManualOrderForm.Line line = form.lines.get(i);
            if (item != null) {
                line.name = line.name == null || line.name.isBlank() ? item.name() : line.name;
                line.unitPrice = line.unitPrice == null ? item.unitPrice() : line.unitPrice;
                line.taxRate = line.taxRate == null ? item.taxRate() : line.taxRate;
            }
        }
    }

    private String page(Model model, ManualOrderForm form, ManualOrders.Preview preview, List<String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("preview", preview);
        model.addAttribute("problems", problems);
        model.addAttribute("prefectures", Prefectures.ALL);
        model.addAttribute("payments", OrderController.PAYMENTS);
        model.addAttribute("known", manualOrders.knownItems("", 200));
        return "orders/new";
    }

    private static List<String> buyerProblems(ManualOrderForm form) {
        List<String> problems = new ArrayList<>();
        addressProblems(problems, "[購入者 ", form.name, form.phone, form.postalCode, form.prefecture, form.address1);
        for (int i = 0; i < form.destinations.size(); i++) {
            ManualOrderForm.Destination d = form.destinations.get(i);
            // a destination without a name is the buyer's own address
            if (d.name != null && !d.name.isBlank()) {
                addressProblems(
                        problems, "[お届け先" + (i + 1) + " ", d.name, d.phone, d.postalCode, d.prefecture, d.address1);
            }
        }
        return problems;
    }

    private static void addressProblems(
            List<String> problems,
            String label,
            String name,
            String phone,
            String postalCode,
            String prefecture,
            String address1) {
        if (name == null || name.isBlank()) {
            problems.add(label + "氏名]: 入力してください");
        }
        if (!AddressFormats.isPhone(phone)) {
            problems.add(label + "電話]: 03-1234-5678 のように数字とハイフンで入力してください");
        }
        if (!AddressFormats.isPostalCode(postalCode)) {
            problems.add(label + "郵便番号]: 123-4567 の形で入力してください");
        }
        if (!Prefectures.isPrefecture(prefecture)) {
            problems.add(label + "都道府県]: 選んでください");
        }
        if (address1 == null || address1.isBlank()) {
            problems.add(label + "住所1]: 入力してください");
        }
    }
}
