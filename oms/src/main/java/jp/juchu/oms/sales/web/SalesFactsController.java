package jp.juchu.oms.sales.web;

import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.sales.FactChecks;
import jp.juchu.oms.sales.SalesFacts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 集計の確認・再集計 (admins): the last comparison of the sales facts with the orders (nightly or asked for here), and
 * the rebuild for a month or all time, each after a confirmation that says how many orders it recomputes.
 */
@Controller
class SalesFactsController {

    private final SalesFacts facts;
    private final FactChecks checks;
    private final AuditLog audit;
    private final Clock clock;

    SalesFactsController(SalesFacts facts, FactChecks checks, AuditLog audit, Clock clock) {
        this.facts = facts;
        this.checks = checks;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/sales/facts")
    String page(Model model) {
        model.addAttribute("month", YearMonth.now(clock).toString());
        model.addAttribute("last", checks.latest().orElse(null));
        return "sales/facts";
    }

    @PostMapping("/sales/facts/check")
    String check(Principal principal, RedirectAttributes redirect) {
        FactChecks.Recorded result = checks.run();
        audit.record(
                principal.getName(),
                "SALES_FACTS_CHECKED",
                "sales:facts",
                result.check().matches() ? "一致" : "不一致");
        return "redirect:/sales/facts";
    }

    /**
     * Without {@code confirmed}, the page again with what the rebuild would do and a button to start it; with it, the
     * rebuild, then a check so that the alert reflects the rebuilt facts.
     */
    @PostMapping("/sales/facts/rebuild")
    String rebuild(
            @RequestParam(defaultValue = "month") String scope,
            @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        try {
            boolean all;
            if ("all".equals(scope)) {
                all = true;
            } else if ("month".equals(scope)) {
                all = false;
            } else {
                throw new IllegalArgumentException("再集計の範囲は 月 か すべて を選んでください");
            }
            YearMonth m = all
                    ? null
                    : new ReportQuery(month, null, null, null, null, null, null, null).monthOr(YearMonth.now(clock));
            String what = all ? "すべての期間" : m.getYear() + "年" + m.getMonthValue() + "月";
            if (!confirmed) {
                long orders = all ? facts.countToRebuild() : facts.countToRebuild(m);
                model.addAttribute("confirm", new Confirmation(scope, all ? "" : m.toString(), what, orders));
                return page(model);
            }
            long orders = all ? facts.rebuildAll() : facts.rebuild(m);
            String done = all
                    ? "すべての期間を再集計しました (" + String.format("%,d", orders) + "件の受注)"
                    : what + "の受注を再集計しました (" + String.format("%,d", orders) + "件)";
            facts.fold();
            checks.run();
            audit.record(principal.getName(), "SALES_FACTS_REBUILT", "sales:facts", done);
            redirect.addFlashAttribute("message", done);
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sales/facts";
    }

    /** What a rebuild would do, shown before it starts. */
    record Confirmation(String scope, String month, String what, long orders) {}
}
