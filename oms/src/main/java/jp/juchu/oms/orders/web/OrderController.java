package jp.juchu.oms.orders.web;

import java.security.Principal;
import jp.juchu.oms.orders.Orders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 受注一覧 and 受注詳細. */
@Controller
class OrderController {

    private static final int PAGE_SIZE = 50;

    private final Orders orders;

    OrderController(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/orders")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("orders", orders.list(Math.max(0, page), PAGE_SIZE));
        return "orders/list";
    }

    @GetMapping("/orders/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute(
                "order",
                orders.detail(id)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such order")));
        model.addAttribute("statuses", orders.statuses());
        return "orders/detail";
    }

    @PostMapping("/orders/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @RequestParam String status,
            @RequestParam(defaultValue = "false") boolean override,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            orders.changeStatus(id, status, override, principal.getName());
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/orders/" + id;
    }
}
