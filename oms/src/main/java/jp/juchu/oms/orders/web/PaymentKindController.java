package jp.juchu.oms.orders.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.juchu.oms.orders.PaymentKinds;
import jp.juchu.oms.orders.PaymentMethods;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 各種設定 › 支払い方法: the kind of each payment method the shops send. */
@Controller
class PaymentKindController {

    private final PaymentKinds kinds;

    PaymentKindController(PaymentKinds kinds) {
        this.kinds = kinds;
    }

    @GetMapping("/settings/payments")
    String page(Model model) {
        Map<String, String> labels = new LinkedHashMap<>();
        kinds.all().keySet().forEach(m -> labels.put(m, PaymentMethods.labelOf(m)));
        model.addAttribute("methods", kinds.all());
        model.addAttribute("labels", labels);
        model.addAttribute("kinds", PaymentKinds.Kind.values());
        return "settings/payments";
    }

    /** The form posts {@code kind.<method>} for each method, and optionally a new method code with its kind. */
    @PostMapping("/settings/payments")
    @PreAuthorize("hasRole('ADMIN')")
    String save(HttpServletRequest request, Authentication user, RedirectAttributes redirect) {
        Map<String, PaymentKinds.Kind> changed = new LinkedHashMap<>();
        try {
            request.getParameterMap().forEach((name, values) -> {
                if (name.startsWith("kind.") && values.length > 0) {
                    changed.put(name.substring(5), kind(values[0]));
                }
            });
            String added = request.getParameter("newMethod");
            if (added != null && !added.isBlank()) {
                changed.put(added.strip(), kind(request.getParameter("newKind")));
            }
            kinds.save(changed, user.getName());
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/payments";
    }

    private static PaymentKinds.Kind kind(String value) {
        try {
            return PaymentKinds.Kind.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("支払いの種類「" + value + "」はありません");
        }
    }
}
