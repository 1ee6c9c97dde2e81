package jp.juchu.oms.options.web;

import java.util.List;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.mails.Mails;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.rules.AutoProcessing;
import jp.juchu.oms.rules.RuleBook;
import jp.juchu.oms.rules.RuleSettings;
import jp.juchu.oms.stock.AllocationTimingSwitch;
import jp.juchu.oms.stock.StockSettings.AllocationTiming;
import jp.juchu.oms.stocksync.StockSync;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * オプション設定: one page with the switches of the optional parts. Each switch is the very flag its part reads —
 * automatic processing's setting, the allocation timing, a shop's 自動取得, 出荷実績の送信 and 在庫連携, a template's
 * 自動送信 — written through that part's module, so switching here is switching there.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OptionsController {

    private final AutoProcessing processing;
    private final MallConnections connections;
    private final Mails mails;
    private final AllocationTimingSwitch allocation;
    private final StockSync stockSync;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    OptionsController(
            AutoProcessing processing,
            MallConnections connections,
            Mails mails,
            AllocationTimingSwitch allocation,
            StockSync stockSync,
            AuditLog audit,
            TransactionTemplate transactions) {
        this.processing = processing;
        this.connections = connections;
        this.mails = mails;
        this.allocation = allocation;
        this.stockSync = stockSync;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** A shop's row: its switches, the stock sync's among them. */
    record ShopRow(MallConnection connection, boolean stockSync) {}

    @GetMapping("/settings/options")
    String page(Model model) {
        model.addAttribute("rules", processing.settings());
        List<MallConnection> shops =
                connections.all().stream().filter(c -> !c.ownChannel()).toList();
        model.addAttribute(
                "shops",
                shops.stream()
                        .map(c -> new ShopRow(c, stockSync.shop(c.id()).enabled()))
                        .toList());
        model.addAttribute("allocationTiming", allocation.current());
        model.addAttribute("timings", AllocationTiming.values());
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

    @PostMapping("/settings/options/allocation")
    String allocation(@RequestParam(required = false) String timing, Authentication user, RedirectAttributes redirect) {
        AllocationTiming chosen;
        try {
            chosen = AllocationTiming.valueOf(timing == null ? "" : timing);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "引当のタイミング: 一覧から選んでください");
            return "redirect:/settings/options";
        }
        allocation.change(chosen, user.getName());
        audit.record(user.getName(), "OPTIONS_SAVED", "stock_setting", "引当のタイミング: " + chosen.label());
        redirect.addFlashAttribute("message", "引当のタイミングを「" + chosen.label() + "」にしました");
        return "redirect:/settings/options";
    }

    @PostMapping("/settings/options/shops/{id}")
    String shop(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean autoFetch,
            @RequestParam(defaultValue = "false") boolean writeBack,
            @RequestParam(defaultValue = "false") boolean stockSync,
            Authentication user,
            RedirectAttributes redirect) {
        try {
            // the shop's switches and its stock sync are saved together or not at all
            transactions.executeWithoutResult(tx -> {
                connections.setSwitches(id, autoFetch, writeBack);
                this.stockSync.enable(id, stockSync);
            });
            audit.record(
                    user.getName(),
                    "OPTIONS_SAVED",
                    "connection:" + id,
                    "自動取得: " + onOff(autoFetch) + " / 出荷実績の送信: " + onOff(writeBack) + " / 在庫連携: " + onOff(stockSync));
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
