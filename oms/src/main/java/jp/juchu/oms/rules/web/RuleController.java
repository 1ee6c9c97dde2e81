package jp.juchu.oms.rules.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.juchu.oms.mails.Mails;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderLimits;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.rules.Action;
import jp.juchu.oms.rules.AutoProcessing;
import jp.juchu.oms.rules.Field;
import jp.juchu.oms.rules.Operator;
import jp.juchu.oms.rules.Rule;
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

/** 自動処理: the rule list, the rule editor, the simulation, the history and the matches waiting for a person. */
@Controller
class RuleController {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final int MAX_SIMULATED = 1_000;

    private final RuleBook rules;
    private final AutoProcessing processing;
    private final Orders orders;
    private final MallConnections connections;
    private final Mails mails;

    RuleController(RuleBook rules, AutoProcessing processing, Orders orders, MallConnections connections, Mails mails) {
        this.rules = rules;
        this.processing = processing;
        this.orders = orders;
        this.connections = connections;
        this.mails = mails;
    }

    @GetMapping("/rules")
    String list(Model model) {
        model.addAttribute("groups", rules.byStatus());
        model.addAttribute("statusNames", statusNames());
        model.addAttribute("counts", processing.appliedLastDay());
        model.addAttribute("settings", processing.settings());
        model.addAttribute("pendingCount", processing.pending().size());
        return "rules/list";
    }

    @PostMapping("/rules/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String saveSettings(
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "14") String printDateDays,
            Authentication user,
            RedirectAttributes redirect) {
        try {
            processing.saveSettings(new RuleSettings(enabled, Integer.parseInt(printDateDays.strip())), user.getName());
            redirect.addFlashAttribute("message", "自動処理の設定を保存しました");
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("problems", List.of("印刷日待ちの日数は1〜365日で入れてください"));
        } catch (RuleBook.Refused e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/rules";
    }

    @GetMapping("/rules/new")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String create(@RequestParam(required = false) Long copyOf, Model model) {
        RuleForm form = Optional.ofNullable(copyOf)
                .flatMap(rules::find)
                .map(RuleForm::of)
                .orElseGet(RuleForm::new);
        if (copyOf != null) {
            form = form.copy();
        }
        return edit(model, form, null, List.of());
    }

    @GetMapping("/rules/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String edit(@PathVariable long id, Model model) {
        Optional<Rule> rule = rules.find(id);
        if (rule.isEmpty()) {
            return "redirect:/rules";
        }
        return edit(model, RuleForm.of(rule.get()), rule.get(), List.of());
    }

    @PostMapping("/rules")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String save(HttpServletRequest request, Authentication user, Model model, RedirectAttributes redirect) {
        RuleForm form = RuleForm.from(request.getParameterMap());
        try {
            long id = rules.create(form.draft(), user.getName());
            redirect.addFlashAttribute("message", "ルールを登録しました");
            return "redirect:/rules/" + id;
        } catch (RuleBook.Refused e) {
            return edit(model, form, null, e.problems());
        }
    }

    @PostMapping("/rules/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String update(
            @PathVariable long id,
            HttpServletRequest request,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        RuleForm form = RuleForm.from(request.getParameterMap());
        try {
            rules.update(id, form.draft(), user.getName());
            redirect.addFlashAttribute("message", "ルールを保存しました");
            return "redirect:/rules/" + id;
        } catch (RuleBook.Refused e) {
            return edit(model, form, rules.find(id).orElse(null), e.problems());
        }
    }

    private String edit(Model model, RuleForm form, Rule rule, List<String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("rule", rule);
        model.addAttribute("problems", problems);
        model.addAttribute("statuses", orders.statuses());
        model.addAttribute("shops", connections.all());
        model.addAttribute("fields", Field.values());
        model.addAttribute("operators", Operator.values());
        model.addAttribute("actionKinds", Action.Kind.values());
        model.addAttribute("modes", Rule.Mode.values());
        model.addAttribute("triggers", Rule.Trigger.values());
        model.addAttribute("phases", Rule.Phase.values());
        model.addAttribute("variables", Action.VARIABLES.stream().sorted().toList());
        model.addAttribute("mailTemplates", mails.templates());
        return "rules/edit";
    }

    @PostMapping("/rules/{id}/enabled")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String enable(
            @PathVariable long id, @RequestParam boolean enabled, Authentication user, RedirectAttributes redirect) {
        refusing(redirect, () -> rules.enable(id, enabled, user.getName()));
        return "redirect:/rules";
    }

    @PostMapping("/rules/{id}/delete")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String delete(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        refusing(redirect, () -> rules.delete(id, user.getName()));
        return "redirect:/rules";
    }

    /** The new order of one status's rules of one phase, as the list was dragged (or moved up / down). */
    @PostMapping("/rules/order")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String reorder(@RequestParam("ids") List<String> ids, Authentication user, RedirectAttributes redirect) {
        List<Long> parsed = new ArrayList<>();
        for (String id : ids.stream().limit(RuleBook.MAX_RULES).toList()) {
            try {
                parsed.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                redirect.addFlashAttribute("problems", List.of("並べ替えの指定が正しくありません"));
                return "redirect:/rules";
            }
        }
        refusing(redirect, () -> rules.reorder(parsed, user.getName()));
        return "redirect:/rules";
    }

    @GetMapping("/rules/{id}/history")
    String history(@PathVariable long id, Model model) {
        Optional<Rule> rule = rules.find(id);
        if (rule.isEmpty()) {
            return "redirect:/rules";
        }
        model.addAttribute("rule", rule.get());
        model.addAttribute("runs", processing.runsOfRule(id));
        model.addAttribute("versions", rules.versions(id));
        return "rules/history";
    }

    /**
     * シミュレーション: the orders ordered in a period (or in one status), at most {@value #MAX_SIMULATED}, through the
     * enabled rules or one rule; nothing is written.
     */
    @GetMapping("/rules/simulation")
    String simulation(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String rule,
            @RequestParam(defaultValue = "100") String limit,
            Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("statuses", orders.statuses());
        model.addAttribute("statusNames", statusNames());
        LocalDate today = LocalDate.now(TOKYO);
        model.addAttribute("from", from == null ? today.minusDays(7).toString() : from);
        model.addAttribute("to", to == null ? today.toString() : to);
        model.addAttribute("status", status);
        model.addAttribute("rule", rule);
        model.addAttribute("limit", limit);
        if (from == null) {
            return "rules/simulation";
        }
        List<String> problems = new ArrayList<>();
        LocalDate start = date(from, "開始日", problems);
        LocalDate end = date(to, "終了日", problems);
        int max = 0;
        try {
            max = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            problems.add("件数は数で入れてください");
        }
        if (max < 1 || max > MAX_SIMULATED) {
            problems.add("件数は1〜" + MAX_SIMULATED + "件で入れてください");
        }
        if (start != null
                && end != null
                && (end.isBefore(start) || start.plusYears(1).isBefore(end))) {
            problems.add("期間は終了日が開始日より後で、1年以内にしてください");
        }
        List<Rule> only = List.of();
        if (!rule.isBlank()) {
            try {
                only = rules.find(Long.parseLong(rule)).map(List::of).orElse(List.of());
            } catch (NumberFormatException e) {
                problems.add("ルールの指定が正しくありません");
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return "rules/simulation";
        }
        List<Long> ids = orders.ids(start, end, status.isBlank() ? null : status, max);
        model.addAttribute("results", processing.simulate(ids, only));
        model.addAttribute("simulated", true);
        return "rules/simulation";
    }

    @GetMapping("/rules/pending")
    String pending(Model model) {
        model.addAttribute("pending", processing.pending());
        return "rules/pending";
    }

    @PostMapping("/rules/pending/{ruleId}/{orderId}")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String decide(
            @PathVariable long ruleId,
            @PathVariable long orderId,
            @RequestParam String decision,
            Authentication user,
            RedirectAttributes redirect) {
        Actor person = Actor.person(user.getName(), isAdmin(user));
        if ("approve".equals(decision)) {
            processing
                    .approve(ruleId, orderId, person)
                    .ifPresentOrElse(
                            why -> redirect.addFlashAttribute("problems", List.of(why)),
                            () -> redirect.addFlashAttribute("message", "実行しました"));
        } else {
            processing.skip(ruleId, orderId, person);
            redirect.addFlashAttribute("message", "実行しないことにしました");
        }
        return "redirect:/rules/pending";
    }

    /** The rules panel of the order page (loaded by htmx): the runs on the order and a per-condition trace. */
    @GetMapping("/rules/orders/{orderId}")
    String orderPanel(@PathVariable long orderId, @RequestParam(required = false) Long trace, Model model) {
        model.addAttribute("orderId", orderId);
        model.addAttribute("runs", processing.runsOf(orderId));
        model.addAttribute("tags", orders.tags(List.of(orderId)).getOrDefault(orderId, List.of()));
        model.addAttribute("rules", rules.all());
        if (trace != null) {
            rules.find(trace).ifPresent(rule -> {
                model.addAttribute("traced", rule);
                model.addAttribute("trace", processing.trace(rule, orderId));
            });
        }
        return "rules/order-panel :: panel";
    }

    /** 既存の受注に適用: first the preview (how many), then, confirmed with that count, the run. */
    @PostMapping("/rules/{id}/apply")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String applyToExisting(
            @PathVariable long id,
            @RequestParam(required = false) Integer confirmed,
            Authentication user,
            RedirectAttributes redirect) {
        Optional<Rule> rule = rules.find(id);
        if (rule.isEmpty()) {
            return "redirect:/rules";
        }
        List<Long> matching = processing.matchingNow(rule.get(), 10_000);
        if (confirmed == null || confirmed != matching.size()) {
            redirect.addFlashAttribute("preview", matching.size());
            return "redirect:/rules/" + id;
        }
        int done = processing.applyToExisting(rule.get(), matching, user.getName());
        redirect.addFlashAttribute("message", done + "件の受注に適用しました");
        return "redirect:/rules/" + id;
    }

    private java.util.Map<String, String> statusNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        orders.statuses().forEach(s -> names.put(s.code(), s.name()));
        return names;
    }

    /** A day of the simulation's period: from 2000/01/01 (the earliest order the OMS takes) to a year ahead. */
    private static LocalDate date(String value, String what, List<String> problems) {
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip().replace('/', '-'));
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(what + "は yyyy/MM/dd で入れてください");
            return null;
        }
        LocalDate latest = LocalDate.now(TOKYO).plusYears(1);
        if (date.isBefore(OrderLimits.EARLIEST) || date.isAfter(latest)) {
            problems.add(what + "は 2000/01/01 から " + latest.toString().replace('-', '/') + " までの日付で入れてください");
            return null;
        }
        return date;
    }

    private static void refusing(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (RuleBook.Refused e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
    }

    private static boolean isAdmin(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
