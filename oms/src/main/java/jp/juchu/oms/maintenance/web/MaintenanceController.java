package jp.juchu.oms.maintenance.web;

import java.security.Principal;
import java.text.Normalizer;
import java.time.LocalDate;
import jp.juchu.oms.maintenance.OrderDataMaintenance;
import jp.juchu.oms.maintenance.OrderDataMaintenance.Criteria;
import jp.juchu.oms.malls.MallConnections;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 受注データ削除 (preview the count, then type it to confirm) and データリセット (type リセット). Admins only
 * (SecurityConfiguration). A wrong confirmation deletes nothing and says why.
 */
@Controller
class MaintenanceController {

    static final String DELETE_WORD = "削除";
    static final String RESET_WORD = "リセット";

    /** A shop to choose: a mall connection, or the orders read from CSV files. */
    private final OrderDataMaintenance maintenance;

    private final MallConnections connections;

    MaintenanceController(OrderDataMaintenance maintenance, MallConnections connections) {
        this.maintenance = maintenance;
        this.connections = connections;
    }

    /** The form; with a shop and dates also the preview: how many orders would go. */
    @GetMapping("/maintenance/delete")
    String deleteForm(
            @RequestParam(required = false) Long connection,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        model.addAttribute("shops", connections.channels());
        model.addAttribute("connection", connection);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (from != null || to != null) {
            if (from == null || to == null || from.isAfter(to)) {
                model.addAttribute("error", "maintenance.delete.range");
            } else {
                model.addAttribute("count", maintenance.count(new Criteria(connection, from, to)));
            }
        }
        return "maintenance/delete";
    }

    @PostMapping("/maintenance/delete")
    String delete(
            @RequestParam(required = false) Long connection,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam long count,
            @RequestParam(defaultValue = "") String confirmation,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        String typed = normalized(confirmation).replace(",", "");
        if (count == 0 || !(typed.equals(String.valueOf(count)) || typed.equals(DELETE_WORD))) {
            model.addAttribute("error", "maintenance.delete.wrongConfirmation");
            return deleteForm(connection, from, to, model);
        }
        try {
            long deleted = maintenance.delete(new Criteria(connection, from, to), count, principal.getName());
            redirect.addFlashAttribute("deleted", deleted);
            return "redirect:/maintenance/delete";
        } catch (OrderDataMaintenance.CountChanged changed) {
            model.addAttribute("error", "maintenance.delete.countChanged");
            return deleteForm(connection, from, to, model);
        }
    }

    @GetMapping("/maintenance/reset")
    String resetForm(Model model) {
        model.addAttribute("count", maintenance.countAll());
        return "maintenance/reset";
    }

    @PostMapping("/maintenance/reset")
    String reset(
            @RequestParam(defaultValue = "") String confirmation,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        if (!normalized(confirmation).equals(RESET_WORD)) {
            model.addAttribute("error", "maintenance.reset.wrongConfirmation");
            return resetForm(model);
        }
        redirect.addFlashAttribute("deleted", maintenance.reset(principal.getName()));
        return "redirect:/maintenance/reset";
    }

    /** Full-width digits and half-width kana typed by a Japanese IME count as what they look like. */
    private static String normalized(String typed) {
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
    }
}
