package jp.juchu.shop.orders.web;

import java.security.Principal;
import java.time.LocalDate;
import jp.juchu.shop.orders.AdminOrderFilter;
import jp.juchu.shop.orders.Carrier;
import jp.juchu.shop.orders.IllegalStateChange;
import jp.juchu.shop.orders.OrderStatus;
import jp.juchu.shop.orders.Orders;
import jp.juchu.shop.orders.PaymentStatus;
import jp.juchu.shop.orders.ShippingStatus;
import jp.juchu.shop.orders.StateChange;
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

/** 受注管理 in the shop admin: the order list with its filters, and an order with its three states. */
@Controller
class AdminOrderController {

    private static final int PAGE_SIZE = 50;

    private final Orders orders;

    AdminOrderController(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/admin/orders")
    String list(
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) PaymentStatus payment,
            @RequestParam(required = false) ShippingStatus shipping,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Principal principal,
            Model model) {
        model.addAttribute(
                "orders",
                orders.list(
                        principal.getName(),
                        new AdminOrderFilter(status, payment, shipping, q),
                        Math.max(0, page),
                        PAGE_SIZE));
        model.addAttribute("status", status);
        model.addAttribute("payment", payment);
        model.addAttribute("shipping", shipping);
        model.addAttribute("q", q);
        model.addAttribute("counts", orders.unprocessed(principal.getName()));
        return "orders/list";
    }

    @GetMapping("/admin/orders/{serialCode}")
    String detail(@PathVariable String serialCode, Principal principal, Model model) {
        model.addAttribute(
                "order",
                orders.find(principal.getName(), serialCode)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("carriers", Carrier.values());
        return "orders/detail";
    }

    @PostMapping("/admin/orders/{serialCode}/status")
    String changeStatus(
            @PathVariable String serialCode,
            @RequestParam(required = false) OrderStatus orderStatus,
            @RequestParam(required = false) PaymentStatus paymentStatus,
            @RequestParam(required = false) ShippingStatus shippingStatus,
            @RequestParam(required = false) Carrier carrier,
            @RequestParam(required = false) String trackingNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate shippedDate,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            orders.changeState(
                    principal.getName(),
                    serialCode,
                    new StateChange(
                            orderStatus,
                            paymentStatus,
                            shippingStatus,
                            carrier,
                            trackingNumber == null || trackingNumber.isBlank() ? null : trackingNumber,
                            shippedDate,
                            null));
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalStateChange e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/orders/" + serialCode;
    }
}
