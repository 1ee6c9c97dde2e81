package jp.juchu.oms.mails.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.juchu.oms.mails.MailsSettings;
import jp.juchu.oms.mails.internal.MailLog;
import jp.juchu.oms.mails.internal.MailLogEntry;
import jp.juchu.oms.mails.internal.MailSending;
import jp.juchu.oms.mails.internal.MailTemplate;
import jp.juchu.oms.mails.internal.MailTemplates;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Mails of orders: the panel on 受注詳細 (send a template, the order's send log), sending to orders chosen on the order
 * list after a confirmation, the send log (送信履歴) and one mail as it was sent.
 */
@Controller
class OrderMailController {

    static final int LOG_PAGE = 50;

    private final Orders orders;
    private final MailTemplates templates;
    private final MailSending sending;
    private final MailLog log;
    private final MailsSettings settings;

    OrderMailController(
            Orders orders, MailTemplates templates, MailSending sending, MailLog log, MailsSettings settings) {
        this.orders = orders;
        this.templates = templates;
        this.sending = sending;
        this.log = log;
        this.settings = settings;
    }

    @GetMapping("/mails/orders/{id}")
    String panel(@PathVariable long id, Model model) {
        OrderDetail order = orders.headers(List.of(id)).stream()
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("order", order);
        List<MailLogEntry> mails = log.ofOrder(id);
        model.addAttribute("templates", templates.active());
        model.addAttribute("mails", mails);
        model.addAttribute(
                "sent",
                mails.stream()
                        .filter(MailLogEntry::once)
                        .map(MailLogEntry::templateId)
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet()));
        return "mails/order-panel";
    }

    /** 送信: a template to this order's buyer; once per template unless {@code resend} (再送) is ticked. */
    @PostMapping("/mails/orders/{id}/send")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String send(
            @PathVariable long id,
            @RequestParam long template,
            @RequestParam(defaultValue = "false") boolean resend,
            Authentication user,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        MailSending.Outcome outcome = templates
                .find(template)
                .map(t -> sending.send(
                        id, t, resend ? MailSending.Trigger.RESEND : MailSending.Trigger.MANUAL, user.getName()))
                .orElseGet(() -> new MailSending.Outcome(MailSending.Result.REFUSED, null, "テンプレートが見つかりません"));
        if (request.getHeader("HX-Request") != null) {
            model.addAttribute("result", outcome);
            return panel(id, model);
        }
        if (!outcome.queued()) {
            redirect.addFlashAttribute("error", outcome.message());
        }
        return "redirect:/orders/" + id;
    }

    /** 選んだ受注にメールを送る: the confirmation — which orders, which template, who has no address. */
    @PostMapping("/mails/selection")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String selection(
            @RequestParam(name = "order", required = false) List<Long> ids, Model model, RedirectAttributes redirect) {
        List<Long> chosen = chosen(ids);
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("error", "受注を選んでください");
            return "redirect:/orders";
        }
        if (chosen.size() > settings.maxSelection()) {
            redirect.addFlashAttribute(
                    "error", "一度にメールを送れるのは" + settings.maxSelection() + "件までです (" + chosen.size() + "件選ばれています)");
            return "redirect:/orders";
        }
        model.addAttribute("orders", orders.headers(chosen));
        model.addAttribute("templates", templates.active());
        return "mails/selection";
    }

    /** Sends the chosen template to each chosen order; each refusal (no address, already sent) is named. */
    @PostMapping("/mails/send")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String sendAll(
            @RequestParam(name = "order", required = false) List<Long> ids,
            @RequestParam(required = false) Long template,
            @RequestParam(defaultValue = "false") boolean resend,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        List<Long> chosen = chosen(ids);
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("error", "受注を選んでください");
            return "redirect:/orders";
        }
        if (chosen.size() > settings.maxSelection()) {
            redirect.addFlashAttribute("error", "一度にメールを送れるのは" + settings.maxSelection() + "件までです");
            return "redirect:/orders";
        }
        Optional<MailTemplate> t = template == null ? Optional.empty() : templates.find(template);
        if (t.isEmpty()) {
            model.addAttribute("orders", orders.headers(chosen));
            model.addAttribute("templates", templates.active());
            model.addAttribute("error", "テンプレートを選んでください");
            return "mails/selection";
        }
        List<MailSending.Outcome> outcomes = new ArrayList<>();
        for (long id : chosen) {
            outcomes.add(sending.send(
                    id, t.get(), resend ? MailSending.Trigger.RESEND : MailSending.Trigger.MANUAL, user.getName()));
        }
        Map<Boolean, List<MailSending.Outcome>> split =
                outcomes.stream().collect(Collectors.partitioningBy(MailSending.Outcome::queued));
        model.addAttribute("template", t.get());
        model.addAttribute("queued", split.get(true).size());
        model.addAttribute("refused", split.get(false));
        return "mails/sent";
    }

    /** The orders chosen, each once, in their order; an empty {@code order=} (bound as null) is no order. */
    private static List<Long> chosen(List<Long> ids) {
        return ids == null
                ? List.of()
                : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    @GetMapping("/mails")
    String list(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String order,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String s = state != null && List.of("SENT", "QUEUED", "FAILED").contains(state) ? state : null;
        String number = order == null || order.length() > 64 ? null : order;
        model.addAttribute(
                "page", log.list(new MailLog.Filter(s, number), Math.max(0, Math.min(page, 10_000)), LOG_PAGE));
        model.addAttribute("state", s);
        model.addAttribute("order", number);
        model.addAttribute("failed", log.failedCount());
        return "mails/log";
    }

    @GetMapping("/mails/{id}")
    String mail(@PathVariable long id, Model model) {
        MailLogEntry mail = log.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("mail", mail);
        return "mails/mail";
    }

    /** 再試行: a failed mail, as it was, tried again. */
    @PostMapping("/mails/{id}/retry")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String retry(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        MailLogEntry mail = log.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (sending.retry(id, user.getName())) {
            redirect.addFlashAttribute("notice", "メールをもう一度送信します");
        } else {
            redirect.addFlashAttribute("error", "送信失敗のメールだけ再試行できます (宛先のないメールは受注詳細から再送してください)");
        }
        return "redirect:/mails/" + mail.id();
    }
}
