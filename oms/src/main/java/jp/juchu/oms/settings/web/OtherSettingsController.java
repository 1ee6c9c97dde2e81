package jp.juchu.oms.settings.web;

import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.orders.OrderListSettings;
import jp.juchu.oms.orders.OrderListSettingsStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * その他設定: the OMS's general behaviour, beside the optional parts' switches of オプション設定 — how the order list
 * opens (orders per page, the sort when none is chosen). Each value is the one the order list reads.
 */
@Controller
class OtherSettingsController {

    private final OrderListSettingsStore orderList;
    private final AuditLog audit;

    OtherSettingsController(OrderListSettingsStore orderList, AuditLog audit) {
        this.orderList = orderList;
        this.audit = audit;
    }

    @GetMapping("/settings/other")
    String page(Model model) {
        model.addAttribute("orderList", orderList.current());
        model.addAttribute("pageSizes", OrderListSettings.PAGE_SIZES);
        model.addAttribute("sorts", OrderListSettings.SORTS);
        return "settings/other";
    }

    @PostMapping("/settings/other")
    @PreAuthorize("hasRole('ADMIN')")
    String save(
            @RequestParam(required = false) String pageSize,
            @RequestParam(required = false) String defaultSort,
            Authentication user,
            RedirectAttributes redirect) {
        try {
            int size;
            try {
                size = Integer.parseInt(pageSize == null ? "" : pageSize.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("受注一覧の表示件数: 20・50・100・200件から選んでください");
            }
            OrderListSettings settings = new OrderListSettings(size, defaultSort);
            orderList.save(settings, user.getName());
            audit.record(
                    user.getName(),
                    "OTHER_SETTINGS_SAVED",
                    "order_list_setting",
                    "受注一覧の表示件数: " + size + "件 / 並び順: " + defaultSort);
            redirect.addFlashAttribute("message", "その他設定を保存しました");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/other";
    }
}
