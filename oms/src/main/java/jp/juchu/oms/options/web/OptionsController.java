package jp.juchu.oms.options.web;

import java.util.List;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.mails.Mails;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.rules.AutoProcessing;
import jp.juchu.oms.rules.RuleBook;
import jp.juchu.oms.rules.RuleSettings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * オプション設定: one page with the switches of the optional parts. Each switch is the very flag its part reads —
 * automatic processing's setting, a shop's 自動取得 and 出荷実績の送信, a template's 自動送信 — written through that
 * part's module, so switching here is switching there.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OptionsController {

    private final AutoProcessing processing;
    private final MallConnections connections;
    private final Mails mails;
    private final AuditLog audit;

    OptionsController(AutoProcessing processing, MallConnections connections, Mails mails, AuditLog audit) {
        this.processing = processing;
        this.connections = connections;
        this.mails = mails;
        this.audit = audit;
    }

    @GetMapping("/settings/options")
    String page(Model model) {
        model.addAttribute("rules", processing.settings());
        List<MallConnection> shops =
                connections.all().stream().filter(c -> !c.ownChannel()).toList();
        model.addAttribute("shops", shops);
        model.addAttribute("templates", mails.automatic());
        return "options/options";
    }

    @PostMapping("/settings/options/rules")
    String rules(
            @RequestParam(defaultValue = "false") boolean enabled, Authentication user, RedirectAttributes redirect) {
        RuleSettings now = processing.settings();
        try {
            processing.saveSettings(new RuleSettings(enabled, now.printDateDays()), user.getName());
            redirect.addFlashAttribute("message", enabled ? "自動処理をオンにしました" : "自動処理をオフにしました");
        } catch (RuleBook.Refused e) {
            redirect.addFlashAttribute("error", String.join(" / ", e.problems()));
        }
        return "redirect:/settings/options";
    }

    @PostMapping("/settings/options/shops/{id}")
    String shop(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean autoFetch,
            @RequestParam(defaultValue = "false") boolean writeBack,
            Authentication user,
            RedirectAttributes redirect) {
        try {
            connections.setSwitches(id, autoFetch, writeBack);
            audit.record(
                    user.getName(),
                    "OPTIONS_SAVED",
                    "connection:" + id,
                    "自動取得: " + onOff(autoFetch) + " / 出荷実績の送信: " + onOff(writeBack));
            redirect.addFlashAttribute("message", "ショップの設定を保存しました");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/options";
    }

    @PostMapping("/settings/options/mails/{id}")
    String mail(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean autoSend,
            Authentication user,
            RedirectAttributes redirect) {
        try {
            mails.setAutoSend(id, autoSend, user.getName());
            redirect.addFlashAttribute("message", "メールの自動送信を" + onOff(autoSend) + "にしました");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/settings/options";
    }

    private static String onOff(boolean on) {
        return on ? "オン" : "オフ";
    }
}
