package jp.juchu.oms.sales.web;

import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.sales.FactCheck;
import jp.juchu.oms.sales.SalesFacts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 集計の確認・再集計 (admins): compare the sales facts with the orders, rebuild them for a month or all time. */
@Controller
class SalesFactsController {

    private final SalesFacts facts;
    private final AuditLog audit;
    private final Clock clock;

    SalesFactsController(SalesFacts facts, AuditLog audit, Clock clock) {
        this.facts = facts;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/sales/facts")
    String page(Model model) {
        model.addAttribute("month", YearMonth.now(clock).toString());
        return "sales/facts";
    }

    @PostMapping("/sales/facts/check")
    String check(Model model) {
        FactCheck check = facts.check();
        model.addAttribute("check", check);
        model.addAttribute("month", YearMonth.now(clock).toString());
        return "sales/facts";
    }

    @PostMapping("/sales/facts/rebuild")
    String rebuild(
            @RequestParam(defaultValue = "month") String scope,
            @RequestParam(required = false) String month,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            String done;
            if ("all".equals(scope)) {
                long orders = facts.rebuildAll();
                done = "すべての期間を再集計しました (" + String.format("%,d", orders) + "件の受注)";
            } else if ("month".equals(scope)) {
                YearMonth m =
                        new ReportQuery(month, null, null, null, null, null, null, null).monthOr(YearMonth.now(clock));
                long orders = facts.rebuild(m);
                done = m.getYear() + "年" + m.getMonthValue() + "月の受注を再集計しました (" + String.format("%,d", orders) + "件)";
            } else {
                throw new IllegalArgumentException("再集計の範囲は 月 か すべて を選んでください");
            }
            facts.fold();
            audit.record(principal.getName(), "SALES_FACTS_REBUILT", "sales:facts", done);
            redirect.addFlashAttribute("message", done);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/sales/facts";
    }
}
