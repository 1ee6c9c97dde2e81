package jp.juchu.oms.orders.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.orders.OrderFilter;
import jp.juchu.oms.orders.Orders;
import org.springframework.format.annotation.DateTimeFormat;
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
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String payment,
            @RequestParam(defaultValue = "false") boolean alerts,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        OrderFilter filter = new OrderFilter(status, q, from, to, payment, alerts);
        model.addAttribute("orders", orders.list(filter, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", orders.statuses());
        model.addAttribute("counts", orders.statusCounts());
        model.addAttribute(
                "payments",
                List.of("CreditCard", "BankTransfer", "CashOnDelivery", "ConvenienceStore", "PostalTransfer"));
        return "orders/list";
    }

    /** 一括処理: moves the chosen orders to a status; those the guard refuses are named and stay. */
    @PostMapping("/orders/bulk-status")
    String bulkStatus(
            @RequestParam(name = "order", required = false) List<Long> ids,
            @RequestParam String status,
            @RequestParam(defaultValue = "false") boolean override,
            @RequestParam(required = false) String back,
            Principal principal,
            RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("error", "受注を選んでください");
        } else {
            List<String> refused = new ArrayList<>();
            int moved = 0;
            for (long id : ids) {
                try {
                    orders.changeStatus(id, status, override, principal.getName());
                    moved++;
                } catch (IllegalStateException e) {
                    refused.add(orders.detail(id).map(o -> o.orderNumber()).orElse("#" + id) + ": " + e.getMessage());
                }
            }
            redirect.addFlashAttribute("moved", moved);
            redirect.addFlashAttribute("refused", refused);
        }
        return "redirect:/orders" + (back != null && back.startsWith("?") ? back : "");
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
