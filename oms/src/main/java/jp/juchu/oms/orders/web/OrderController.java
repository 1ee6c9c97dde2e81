package jp.juchu.oms.orders.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderFilter;
import jp.juchu.oms.orders.OrderListSettings;
import jp.juchu.oms.orders.OrderListSettingsStore;
import jp.juchu.oms.orders.OrderWorkflow;
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

    static final List<String> PAYMENTS = jp.juchu.oms.orders.PaymentMethods.ALL;

    /** The status form's choices that are not a status: 保留 (with a reason) and 保留解除. */
    static final String ON_HOLD = "ON_HOLD";

    static final String RELEASE = "RELEASE";

    private final Orders orders;
    private final OrderWorkflow workflow;
    private final SavedSearches savedSearches;
    private final MallConnections connections;
    private final OrderListSettingsStore listSettings;

    OrderController(
            Orders orders,
            OrderWorkflow workflow,
            SavedSearches savedSearches,
            MallConnections connections,
            OrderListSettingsStore listSettings) {
        this.orders = orders;
        this.workflow = workflow;
        this.savedSearches = savedSearches;
        this.connections = connections;
        this.listSettings = listSettings;
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
        // その他設定: the page size, and the sort when none is chosen
        OrderListSettings shown = listSettings.current();
        OrderFilter filter = new OrderFilter(
                status,
                keyword,
                from,
                to,
                payment,
                alerts,
                shop,
                paid,
                shipped,
                item,
                min,
                max,
                sort == null || sort.isBlank() ? shown.defaultSort() : sort);
        model.addAttribute("orders", orders.list(filter, Math.max(0, page), shown.pageSize()));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", orders.statuses());
        model.addAttribute("counts", orders.statusCounts());
        model.addAttribute("payments", PAYMENTS);
        model.addAttribute("shops", connections.channels());
        model.addAttribute("saved", savedSearches.of(user.getName()));
        return "orders/list";
    }

    /** 一括処理: moves the chosen orders to a status, holds or releases them; each refusal is named, the rest apply. */
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
        } else {
            try {
                OrderWorkflow.Outcome outcome = apply(ids, status, override, reason, user);
                redirect.addFlashAttribute("moved", outcome.moved().size());
                redirect.addFlashAttribute("refused", outcome.refusalMessages());
            } catch (IllegalArgumentException e) {
                redirect.addFlashAttribute("error", e.getMessage());
            }
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
        if (orders.detail(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            OrderWorkflow.Outcome outcome = apply(List.of(id), status, override, reason, user);
            if (outcome.refused().isEmpty()) {
                redirect.addFlashAttribute("saved", true);
            } else {
                redirect.addFlashAttribute("error", outcome.refused().get(0).message());
            }
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/orders/" + id;
    }

    /** One status change for the order page and the bulk action alike: 保留 with its reason, 保留解除, or a move. */
    private OrderWorkflow.Outcome apply(
            List<Long> ids, String status, boolean override, String reason, Authentication user) {
        Actor actor = Actor.person(user.getName(), isAdmin(user));
        return switch (status) {
            case ON_HOLD -> workflow.hold(ids, reason, actor);
            case RELEASE -> workflow.release(ids, actor);
            default -> workflow.moveAll(ids, status, actor, override);
        };
    }

    static boolean isAdmin(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
