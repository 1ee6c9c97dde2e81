package jp.juchu.oms.orders.web;

import jp.juchu.oms.orders.WorkflowStatuses;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 受注ステータス設定: the merchant adds, renames, orders and removes the list's statuses. */
@Controller
class StatusSettingsController {

    private final WorkflowStatuses statuses;

    StatusSettingsController(WorkflowStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/settings/statuses")
    String page(Model model) {
        model.addAttribute("statuses", statuses.all());
        return "orders/statuses";
    }

    @PostMapping("/settings/statuses")
    @PreAuthorize("hasRole('ADMIN')")
    String add(@RequestParam String name, Authentication user, RedirectAttributes redirect) {
        return run(redirect, () -> statuses.add(name, user.getName()), "ステータス「" + name.strip() + "」を追加しました");
    }

    @PostMapping("/settings/statuses/{code}/rename")
    @PreAuthorize("hasRole('ADMIN')")
    String rename(
            @PathVariable String code, @RequestParam String name, Authentication user, RedirectAttributes redirect) {
        return run(redirect, () -> statuses.rename(code, name, user.getName()), "名前を変えました");
    }

    @PostMapping("/settings/statuses/{code}/move")
    @PreAuthorize("hasRole('ADMIN')")
    String move(
            @PathVariable String code, @RequestParam int direction, Authentication user, RedirectAttributes redirect) {
        return run(redirect, () -> statuses.move(code, direction, user.getName()), null);
    }

    @PostMapping("/settings/statuses/{code}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String remove(@PathVariable String code, Authentication user, RedirectAttributes redirect) {
        return run(redirect, () -> statuses.remove(code, user.getName()), "削除しました");
    }

    private static String run(RedirectAttributes redirect, Runnable change, String done) {
        try {
            change.run();
            if (done != null) {
                redirect.addFlashAttribute("notice", done);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/statuses";
    }
}
