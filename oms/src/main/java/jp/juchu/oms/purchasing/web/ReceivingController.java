package jp.juchu.oms.purchasing.web;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import jp.juchu.oms.purchasing.internal.JapanZone;
import jp.juchu.oms.purchasing.internal.PurchaseOrders;
import jp.juchu.oms.purchasing.internal.PurchasingRefused;
import jp.juchu.oms.purchasing.internal.Receiving;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 入荷予定 (open purchase orders by due date, overdue marked) and 入荷 (the receipts, and receiving without one). */
@Controller
class ReceivingController {

    private final PurchaseOrders orders;
    private final Receiving receiving;
    private final Clock clock;

    ReceivingController(PurchaseOrders orders, Receiving receiving, Clock clock) {
        this.orders = orders;
        this.receiving = receiving;
        this.clock = clock;
    }

    @GetMapping("/purchasing/inbound")
    String inbound(@RequestParam(required = false) String page, Model model) {
        int p = PurchaseOrderController.page(page);
        List<PurchaseOrders.Summary> rows = orders.list(null, null, null, true, p);
        model.addAttribute("rows", rows.stream().limit(PurchaseOrders.PAGE_SIZE).toList());
        model.addAttribute("more", rows.size() > PurchaseOrders.PAGE_SIZE);
        model.addAttribute("page", p);
        model.addAttribute("today", JapanZone.today(clock));
        return "purchasing/inbound";
    }

    @GetMapping("/purchasing/receipts")
    String receipts(Model model) {
        model.addAttribute("receipts", receiving.latest(null, 200));
        return "purchasing/receipts";
    }

    @PostMapping("/purchasing/receipts")
    @PreAuthorize("hasAnyRole('ADMIN','STAFF')")
    String receive(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String unitCost,
            @RequestParam(required = false) String note,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            receiving.receiveWithoutOrder(code, quantity, unitCost, note, principal.getName());
            redirect.addFlashAttribute("saved", "入荷しました: " + code.strip() + " × " + quantity.strip());
        } catch (PurchasingRefused e) {
            redirect.addFlashAttribute("errors", e.problems());
            redirect.addFlashAttribute(
                    "f",
                    java.util.Map.of(
                            "code", code == null ? "" : code,
                            "quantity", quantity == null ? "" : quantity,
                            "unitCost", unitCost == null ? "" : unitCost,
                            "note", note == null ? "" : note));
        }
        return "redirect:/purchasing/receipts";
    }
}
