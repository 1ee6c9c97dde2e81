package jp.juchu.oms.orders.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderFilter;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.SavedSearches;
import jp.juchu.support.address.PostalPrefectures;
import org.springframework.format.annotation.DateTimeFormat;
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

/** 受注一覧 (tabs, filters, sort, saved searches, bulk actions) and the status change on 受注詳細. */
@Controller
class OrderController {

    static final int PAGE_SIZE = 50;
    static final List<String> PAYMENTS =
            List.of("CreditCard", "BankTransfer", "CashOnDelivery", "ConvenienceStore", "PostalTransfer");

    private final Orders orders;
    private final SavedSearches savedSearches;
    private final MallConnections connections;

    OrderController(Orders orders, SavedSearches savedSearches, MallConnections connections) {
        this.orders = orders;
        this.savedSearches = savedSearches;
        this.connections = connections;
    }

    @GetMapping("/orders")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String keyword,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String payment,
            @RequestParam(defaultValue = "false") boolean alerts,
            @RequestParam(required = false) Long shop,
            @RequestParam(required = false) String paid,
            @RequestParam(required = false) String shipped,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Long min,
            @RequestParam(required = false) Long max,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            Authentication user,
            Model model) {
        OrderFilter filter =
                new OrderFilter(status, keyword, from, to, payment, alerts, shop, paid, shipped, item, min, max, sort);
        model.addAttribute("orders", orders.list(filter, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", orders.statuses());
        model.addAttribute("counts", orders.statusCounts());
        model.addAttribute("payments", PAYMENTS);
        model.addAttribute("shops", connections.channels());
        model.addAttribute("saved", savedSearches.of(user.getName()));
        return "orders/list";
    }

    /** 一括処理: moves the chosen orders to a status, or holds them with a reason; refusals are named. */
    @PostMapping("/orders/bulk-status")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String bulkStatus(
            @RequestParam(name = "order", required = false) List<Long> ids,
            @RequestParam String status,
            @RequestParam(defaultValue = "false") boolean override,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back,
            Authentication user,
            RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("error", "受注を選んでください");
        } else if ("ON_HOLD".equals(status)) {
            try {
                orders.hold(ids, reason, user.getName());
                redirect.addFlashAttribute("moved", ids.size());
                redirect.addFlashAttribute("refused", List.of());
            } catch (IllegalArgumentException e) {
                redirect.addFlashAttribute("error", e.getMessage());
            }
        } else {
            List<String> refused = new ArrayList<>();
            int moved = 0;
            for (long id : ids) {
                try {
                    orders.changeStatus(id, status, override, user.getName(), isAdmin(user));
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

    /** 検索条件を保存: the current filter under a name, for this user. */
    @PostMapping("/orders/saved-searches")
    String saveSearch(
            @RequestParam String name,
            @RequestParam(defaultValue = "") String query,
            Authentication user,
            RedirectAttributes redirect) {
        OrderFilter filter = OrderFilter.none();
        try {
            filter = OrderFilters.parse(query);
            savedSearches.save(user.getName(), name, filter);
            redirect.addFlashAttribute("notice", "検索条件「" + name.strip() + "」を保存しました");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/orders" + filter.query();
    }

    @PostMapping("/orders/saved-searches/{id}/delete")
    String deleteSearch(@PathVariable long id, Authentication user) {
        savedSearches.remove(user.getName(), id);
        return "redirect:/orders";
    }

    @GetMapping("/orders/{id}")
    String detail(@PathVariable long id, Model model) {
        OrderDetail order =
                orders.detail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such order"));
        model.addAttribute("order", order);
        model.addAttribute("postalWarnings", postalWarnings(order));
        model.addAttribute("statuses", orders.statuses());
        return "orders/detail";
    }

    /** A postal code and prefecture that do not go together: a warning on the order, whatever path made it. */
    record PostalWarning(String postalCode, String prefecture) {}

    static List<PostalWarning> postalWarnings(OrderDetail order) {
        List<PostalWarning> warnings = new ArrayList<>();
        if (!PostalPrefectures.matches(order.buyerPostalCode(), order.buyerPrefecture())) {
            warnings.add(new PostalWarning(order.buyerPostalCode(), order.buyerPrefecture()));
        }
        for (OrderDetail.Shipment s : order.shipments()) {
            PostalWarning warning = new PostalWarning(s.postalCode(), s.prefecture());
            if (!PostalPrefectures.matches(s.postalCode(), s.prefecture()) && !warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
        return warnings;
    }

    @PostMapping("/orders/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String changeStatus(
            @PathVariable long id,
            @RequestParam String status,
            @RequestParam(defaultValue = "false") boolean override,
            @RequestParam(required = false) String reason,
            Authentication user,
            RedirectAttributes redirect) {
        try {
            if ("ON_HOLD".equals(status)) {
                orders.hold(List.of(id), reason, user.getName());
            } else {
                orders.changeStatus(id, status, override, user.getName(), isAdmin(user));
            }
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            if (orders.detail(id).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/orders/" + id;
    }

    static boolean isAdmin(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
