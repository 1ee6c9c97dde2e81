package jp.juchu.oms.mails.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.mails.internal.InputRefused;
import jp.juchu.oms.mails.internal.MailKind;
import jp.juchu.oms.mails.internal.MailSending;
import jp.juchu.oms.mails.internal.MailTemplate;
import jp.juchu.oms.mails.internal.MailTemplates;
import jp.juchu.oms.mails.internal.TemplateText;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.OrderFilter;
import jp.juchu.oms.orders.OrderList;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.PaymentMethods;
import jp.juchu.oms.shipping.Carrier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** メールテンプレート: the list, the editor with its variable list, and the preview on a real order. */
@Controller
class MailTemplateController {

    private final MailTemplates templates;
    private final MailSending sending;
    private final MallConnections connections;
    private final Orders orders;

    MailTemplateController(MailTemplates templates, MailSending sending, MallConnections connections, Orders orders) {
        this.templates = templates;
        this.sending = sending;
        this.connections = connections;
        this.orders = orders;
    }

    @GetMapping("/settings/mail-templates")
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("kinds", MailKind.values());
        Map<Long, String> shopNames = new HashMap<>();
        connections.channels().forEach(c -> shopNames.put(c.id(), c.shopId()));
        Map<String, String> statusNames = new HashMap<>();
        orders.statuses().forEach(s -> statusNames.put(s.code(), s.name()));
        model.addAttribute("shopNames", shopNames);
        model.addAttribute("statusNames", statusNames);
        return "mails/templates";
    }

    @GetMapping("/settings/mail-templates/new")
    String create(@RequestParam(defaultValue = "FREE") String kind, Model model) {
        MailKind k = List.of(MailKind.values()).stream()
                .filter(x -> x.name().equals(kind))
                .findFirst()
                .orElse(MailKind.FREE);
        return editor(null, TemplateForm.blank(k), List.of(), model);
    }

    @GetMapping("/settings/mail-templates/{id}")
    String edit(@PathVariable long id, Model model) {
        MailTemplate t = templates.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("template", t);
        return editor(id, TemplateForm.of(t), List.of(), model);
    }

    @PostMapping("/settings/mail-templates")
    @PreAuthorize("hasRole('ADMIN')")
    String saveNew(@ModelAttribute TemplateForm form, Authentication user, Model model, RedirectAttributes redirect) {
        return save(null, form, user, model, redirect);
    }

    @PostMapping("/settings/mail-templates/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String saveExisting(
            @PathVariable long id,
            @ModelAttribute TemplateForm form,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        if (templates.find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return save(id, form, user, model, redirect);
    }

    private String save(Long id, TemplateForm form, Authentication user, Model model, RedirectAttributes redirect) {
        try {
            long saved = templates.save(id, form.version(), form.draft(), user.getName());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/settings/mail-templates/" + saved;
        } catch (InputRefused e) {
            return editor(id, form, e.problems(), model);
        }
    }

    /**
     * プレビュー: the template as it stands in the editor, rendered on a real order — the one with this order number,
     * else the newest — or the problems that would refuse saving it.
     */
    @PostMapping("/settings/mail-templates/preview")
    String preview(
            @ModelAttribute TemplateForm form, @RequestParam(defaultValue = "") String orderNumber, Model model) {
        List<String> problems = new java.util.ArrayList<>();
        problems.addAll(TemplateText.problems("件名", form.subject()));
        problems.addAll(TemplateText.problems("本文", form.body()));
        model.addAttribute("problems", problems);
        Optional<OrderList.Row> order = order(orderNumber);
        model.addAttribute("orderNumber", orderNumber);
        model.addAttribute("found", order.isPresent());
        if (problems.isEmpty() && order.isPresent()) {
            MailTemplate draft = new MailTemplate(
                    0,
                    form.name() == null ? "" : form.name(),
                    MailKind.FREE,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    null,
                    form.bccShop(),
                    form.subject() == null ? "" : form.subject(),
                    form.body() == null ? "" : form.body(),
                    true,
                    0,
                    null);
            sending.render(order.get().id(), draft).ifPresent(mail -> model.addAttribute("mail", mail));
            model.addAttribute("previewOrder", order.get());
        }
        return "mails/preview";
    }

    private Optional<OrderList.Row> order(String orderNumber) {
        String number = orderNumber.strip();
        if (number.isEmpty()) {
            return orders.list(OrderFilter.none(), 0, 1).rows().stream().findFirst();
        }
        if (number.length() > 64) {
            return Optional.empty();
        }
        OrderFilter filter =
                new OrderFilter(null, number, null, null, null, false, null, null, null, null, null, null, null);
        return orders.list(filter, 0, 20).rows().stream()
                .filter(r -> r.orderNumber().equals(number))
                .findFirst();
    }

    private String editor(Long id, TemplateForm form, List<String> problems, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("kinds", MailKind.values());
        model.addAttribute("shops", connections.channels());
        model.addAttribute("payments", PaymentMethods.ALL);
        model.addAttribute("carriers", Carrier.values());
        model.addAttribute("statuses", orders.statuses());
        model.addAttribute("variables", TemplateText.VARIABLES);
        return "mails/template-form";
    }
}
