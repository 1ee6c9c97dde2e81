package jp.juchu.shop.mailboxes.web;

import java.security.Principal;
import jp.juchu.shop.mailboxes.MailRefused;
import jp.juchu.shop.mailboxes.ShopMailAddress;
import jp.juchu.shop.mailboxes.ShopMailboxes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Server → メールアドレス追加: the shop's addresses, and 店舗メールをみる, each address's mailbox. */
@Controller
@RequestMapping("/admin/server/mail")
class MailAddressesController {

    private final ShopMailboxes mailboxes;

    MailAddressesController(ShopMailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    record AddressForm(String localPart, String forwardTo, String keepInMailbox) {}

    @GetMapping
    String page(Principal principal, Model model) {
        String shopId = principal.getName();
        if (!model.containsAttribute("addressForm")) {
            model.addAttribute("addressForm", new AddressForm("", "", "true"));
        }
        model.addAttribute("domain", mailboxes.domain(shopId));
        model.addAttribute("addresses", mailboxes.addresses(shopId));
        return "mailboxes/addresses";
    }

    @PostMapping
    String add(
            @ModelAttribute("addressForm") AddressForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        try {
            mailboxes.add(principal.getName(), form.localPart(), form.forwardTo(), "true".equals(form.keepInMailbox()));
        } catch (MailRefused e) {
            binding.rejectValue(e.field(), e.messageKey());
            return page(principal, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/server/mail";
    }

    @PostMapping("/{id}/delete")
    String remove(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        mailboxes.remove(principal.getName(), id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/server/mail";
    }

    @GetMapping("/{id}/inbox")
    String inbox(
            @PathVariable long id, @RequestParam(defaultValue = "1") String page, Principal principal, Model model) {
        ShopMailAddress address = address(principal, id);
        int pageNumber = parsePage(page);
        long total = mailboxes.count(principal.getName(), id);
        int pages = (int) Math.max(1, (total + ShopMailboxes.PAGE_SIZE - 1) / ShopMailboxes.PAGE_SIZE);
        pageNumber = Math.min(pageNumber, pages);
        model.addAttribute("address", address);
        model.addAttribute("domain", mailboxes.domain(principal.getName()));
        model.addAttribute("messages", mailboxes.messages(principal.getName(), id, pageNumber - 1));
        model.addAttribute("total", total);
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("pages", pages);
        return "mailboxes/inbox";
    }

    @GetMapping("/{id}/inbox/{messageId}")
    String message(@PathVariable long id, @PathVariable long messageId, Principal principal, Model model) {
        model.addAttribute("address", address(principal, id));
        model.addAttribute("domain", mailboxes.domain(principal.getName()));
        model.addAttribute(
                "message",
                mailboxes
                        .message(principal.getName(), id, messageId)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "mailboxes/message";
    }

    private ShopMailAddress address(Principal principal, long id) {
        return mailboxes
                .address(principal.getName(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static int parsePage(String page) {
        try {
            return Math.max(1, Math.min(100_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
