package jp.juchu.oms.customers.web;

import jakarta.validation.Valid;
import java.security.Principal;
import jp.juchu.oms.customers.Customer;
import jp.juchu.oms.customers.Customers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 顧客管理: the customer list, a customer's page with edit, blacklist and merge, and the order page's panel. */
@Controller
class CustomerController {

    private static final int PAGE_SIZE = 50;
    private static final int HISTORY_LIMIT = 500;

    private final Customers customers;

    CustomerController(Customers customers) {
        this.customers = customers;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("customers", customers.list(q, Math.max(0, page), PAGE_SIZE));
        return "customers/list";
    }

    /** A merged-away customer's page sends the browser on to the survivor, saying so. */
    @GetMapping("/customers/{id}")
    String detail(
            @PathVariable long id,
            @RequestParam(required = false) String mergeq,
            Model model,
            RedirectAttributes redirect) {
        Customer customer = found(id);
        if (customer.id() != id) {
            redirect.addFlashAttribute("mergedFrom", id);
            return "redirect:/customers/" + customer.id();
        }
        model.addAttribute("form", CustomerForm.of(customer));
        model.addAttribute("blacklistForm", new BlacklistForm(!customer.blacklisted(), customer.blacklistReason()));
        return page(customer, mergeq, model);
    }

    @PostMapping("/customers/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") CustomerForm form,
            BindingResult errors,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        Customer customer = found(id);
        if (!errors.hasFieldErrors("prefecture") && !form.prefectureKnown()) {
            errors.rejectValue("prefecture", "customers.prefecture.unknown");
        }
        if (errors.hasErrors()) {
            model.addAttribute("blacklistForm", new BlacklistForm(!customer.blacklisted(), customer.blacklistReason()));
            return page(customer, null, model);
        }
        try {
            customers.update(id, form.change(), principal.getName());
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/customers/" + id;
    }

    @PostMapping("/customers/{id}/blacklist")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String blacklist(
            @PathVariable long id,
            @Valid @ModelAttribute("blacklistForm") BlacklistForm form,
            BindingResult errors,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        Customer customer = found(id);
        if (!errors.hasFieldErrors("reason") && !form.reasonGiven()) {
            errors.rejectValue("reason", "customers.blacklist.reason.required");
        }
        if (errors.hasErrors()) {
            model.addAttribute("form", CustomerForm.of(customer));
            return page(customer, null, model);
        }
        try {
            customers.blacklist(id, form.blacklisted(), form.reason(), principal.getName());
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/customers/" + id;
    }

    /** 顧客タグ: the customer's tags, written separated by commas or spaces. */
    @PostMapping("/customers/{id}/tags")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String tags(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String tags,
            Principal principal,
            RedirectAttributes redirect) {
        Customer customer = found(id);
        if (tags.length() > 1000) {
            redirect.addFlashAttribute("tagsError", "タグは1,000文字までで入力してください");
            return "redirect:/customers/" + customer.id();
        }
        try {
            customers.setTags(customer.id(), tags, principal.getName());
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("tagsError", e.getMessage());
            redirect.addFlashAttribute("tagsWritten", tags);
        }
        return "redirect:/customers/" + customer.id();
    }

    /** 名寄せ: the other customer is merged into this one. */
    @PostMapping("/customers/{id}/merge")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String merge(
            @PathVariable long id,
            @RequestParam(required = false) Long other,
            Principal principal,
            RedirectAttributes redirect) {
        if (other == null) {
            redirect.addFlashAttribute("mergeError", "統合する顧客の ID を入力してください");
            return "redirect:/customers/" + id;
        }
        try {
            customers.merge(id, other, principal.getName());
            redirect.addFlashAttribute("merged", other);
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute("mergeError", e.getMessage());
        }
        return "redirect:/customers/" + id;
    }

    /** The customer panel on 受注詳細, loaded by htmx; empty until the order has been linked. */
    @GetMapping("/customers/of-order/{orderId}")
    String ofOrder(@PathVariable long orderId, Model model) {
        model.addAttribute("customer", customers.ofOrder(orderId).orElse(null));
        return "customers/order-panel";
    }

    private String page(Customer customer, String mergeq, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("customerTags", customers.tags(customer.id()));
        model.addAttribute("orders", customers.orders(customer.id(), HISTORY_LIMIT));
        model.addAttribute("prefectures", jp.juchu.support.address.Prefectures.ALL);
        model.addAttribute("mergeq", mergeq);
        if (mergeq != null && !mergeq.isBlank()) {
            model.addAttribute(
                    "candidates",
                    customers.search(mergeq, 20).stream()
                            .filter(c -> c.id() != customer.id())
                            .toList());
        }
        return "customers/detail";
    }

    private Customer found(long id) {
        return customers
                .find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such customer"));
    }
}
