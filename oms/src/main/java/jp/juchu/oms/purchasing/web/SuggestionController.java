package jp.juchu.oms.purchasing.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.purchasing.internal.Inputs;
import jp.juchu.oms.purchasing.internal.JapanZone;
import jp.juchu.oms.purchasing.internal.PurchaseOrders;
import jp.juchu.oms.purchasing.internal.PurchasingRefused;
import jp.juchu.oms.purchasing.internal.ReorderSuggestions;
import jp.juchu.oms.purchasing.internal.SuggestionOrdering;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 発注候補一覧: the live suggestions grouped by supplier, quantities to adjust, then the purchase orders. */
@Controller
class SuggestionController {

    /** Suggestions of one supplier (null: none set). */
    record Group(Long supplierId, String supplierCode, String supplierName, List<ReorderSuggestions.Suggestion> rows) {

        public long total() {
            return rows.stream()
                    .mapToLong(ReorderSuggestions.Suggestion::amount)
                    .sum();
        }
    }

    private final ReorderSuggestions suggestions;
    private final SuggestionOrdering ordering;
    private final PurchaseOrders orders;
    private final Clock clock;

    SuggestionController(
            ReorderSuggestions suggestions, SuggestionOrdering ordering, PurchaseOrders orders, Clock clock) {
        this.suggestions = suggestions;
        this.ordering = ordering;
        this.orders = orders;
        this.clock = clock;
    }

    @GetMapping({"/purchasing", "/purchasing/suggestions"})
    String list(@RequestParam(required = false) String snoozed, Model model) {
        LocalDate today = JapanZone.today(clock);
        boolean showSnoozed = "true".equals(snoozed);
        Map<String, Group> groups = new LinkedHashMap<>();
        int hidden = 0;
        for (ReorderSuggestions.Suggestion s : suggestions.list()) {
            if (s.snoozed(today) && !showSnoozed) {
                hidden++;
                continue;
            }
            String key = s.supplierId() == null ? "-" : String.valueOf(s.supplierId());
            groups.computeIfAbsent(
                            key, k -> new Group(s.supplierId(), s.supplierCode(), s.supplierName(), new ArrayList<>()))
                    .rows()
                    .add(s);
        }
        model.addAttribute("groups", groups.values());
        model.addAttribute("hidden", hidden);
        model.addAttribute("showSnoozed", showSnoozed);
        model.addAttribute("today", today);
        model.addAttribute("snoozeDefault", today.plusDays(7));
        return "purchasing/suggestions";
    }

    @PostMapping("/purchasing/suggestions/order")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String order(@RequestParam Map<String, String> form, Principal principal, RedirectAttributes redirect) {
        Map<Long, String> chosen = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (e.getKey().startsWith("pick_") && e.getKey().substring(5).matches("[0-9]{1,18}")) {
                long id = Long.parseLong(e.getKey().substring(5));
                chosen.put(id, form.get("qty_" + id));
            }
        }
        try {
            List<Long> created = ordering.order(chosen, JapanZone.today(clock), principal.getName());
            List<String> numbers = created.stream()
                    .map(id -> orders.find(id).orElseThrow().number())
                    .toList();
            redirect.addFlashAttribute("saved", "発注伝票 (下書き) を作成しました: " + String.join("、", numbers));
            return created.size() == 1
                    ? "redirect:/purchasing/orders/" + created.get(0)
                    : "redirect:/purchasing/orders";
        } catch (PurchasingRefused e) {
            redirect.addFlashAttribute("errors", e.problems());
            return "redirect:/purchasing/suggestions";
        }
    }

    @PostMapping("/purchasing/suggestions/{id}/snooze")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String snooze(@PathVariable long id, @RequestParam(required = false) String until, RedirectAttributes redirect) {
        try {
            List<String> p = new ArrayList<>();
            LocalDate day = until == null || until.isBlank()
                    ? JapanZone.today(clock).plusDays(7)
                    : Inputs.date(until, "保留する期限", true, p);
            Inputs.refuseIfAny(p);
            if (!day.isAfter(JapanZone.today(clock))) {
                throw new PurchasingRefused("保留する期限: 明日以降の日付を入力してください");
            }
            suggestions.snooze(id, day);
            redirect.addFlashAttribute("saved", "発注候補を " + day.toString().replace('-', '/') + " まで保留にしました");
        } catch (PurchasingRefused e) {
            redirect.addFlashAttribute("errors", e.problems());
        }
        return "redirect:/purchasing/suggestions";
    }

    @PostMapping("/purchasing/suggestions/{id}/wake")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String wake(@PathVariable long id, RedirectAttributes redirect) {
        try {
            suggestions.snooze(id, null);
            redirect.addFlashAttribute("saved", "保留を解除しました");
        } catch (PurchasingRefused e) {
            redirect.addFlashAttribute("errors", e.problems());
        }
        return "redirect:/purchasing/suggestions?snoozed=true";
    }
}
