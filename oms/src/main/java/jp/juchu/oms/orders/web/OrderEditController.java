package jp.juchu.oms.orders.web;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.CashOnDelivery;
import jp.juchu.oms.orders.ManualOrders;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderEdit;
import jp.juchu.oms.orders.OrderEditConflict;
import jp.juchu.oms.orders.OrderEditing;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.PaymentMethods;
import jp.juchu.oms.orders.TimeSlot;
import jp.juchu.support.address.Prefectures;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 受注の編集: the form opens at the order's current version; lines and destinations can be added, removed and moved
 * (「商品を追加」「お届け先を追加」「計算する」 show the form again with the totals so far); saving recomputes totals and
 * tax. A second person saving over the first gets the conflict, the current order beside the form, and keeps what
 * they typed. Also 代引金額の設定 on the order page for cash on delivery to several destinations.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
class OrderEditController {

    private final Orders orders;
    private final OrderEditing editing;
    private final ManualOrders manualOrders;

    OrderEditController(Orders orders, OrderEditing editing, ManualOrders manualOrders) {
        this.orders = orders;
        this.editing = editing;
        this.manualOrders = manualOrders;
    }

    @InitBinder("form")
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(110);
    }

    @GetMapping("/orders/{id}/edit")
    String form(@PathVariable long id, Model model) {
        OrderDetail order = order(id);
        return page(model, order, OrderEditForm.of(order), Map.of(), null, null);
    }

    @PostMapping("/orders/{id}/edit")
    String save(
            @PathVariable long id,
            @Valid @ModelAttribute("form") OrderEditForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "save") String action,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        OrderDetail order = order(id);
        if (!"save".equals(action)) {
            form.tidy();
            if ("addLine".equals(action) && form.lines.size() < 100) {
                form.addLine();
            } else if ("addDestination".equals(action) && form.destinations.size() < 10) {
                form.addDestination();
            }
            OrderEditing.FilledLines filled = showFilledIn(form);
            Map<String, String> problems = new LinkedHashMap<>();
            if (!filled.problems().isEmpty()) {
                problems.put("", String.join("\n", filled.problems()));
            }
            return page(model, order, form, problems, null, OrderEditing.amounts(form.value(), filled.lines()));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        for (FieldError e : errors.getFieldErrors()) {
            if (!leftOut(form, e.getField())) {
                problems.putIfAbsent(e.getField(), e.isBindingFailure() ? "正しい値を入力してください" : e.getDefaultMessage());
            }
        }
        checkPrefecture(problems, "buyer.prefecture", form.buyer.prefecture);
        for (int i = 0; i < form.destinations.size(); i++) {
            OrderEditForm.Destination d = form.destinations.get(i);
            if (d != null && !d.remove) {
                checkPrefecture(problems, "destinations[" + i + "].recipient.prefecture", d.recipient.prefecture);
            }
        }
        if (!problems.isEmpty()) {
            return page(model, order, form, problems, null, null);
        }
        try {
            List<String> changes = editing.edit(id, form.value(), user.getName());
            redirect.addFlashAttribute("edited", changes);
            return "redirect:/orders/" + id;
        } catch (OrderEditConflict conflict) {
            return page(model, order(id), form, Map.of(), conflict.getMessage(), null);
        } catch (IllegalArgumentException e) {
            return page(model, order, form, Map.of("", e.getMessage()), null, null);
        }
    }

    /** 代引金額の設定: the amount each destination of a cash-on-delivery order collects. */
    @PostMapping("/orders/{id}/cod-amounts")
    String splitCashOnDelivery(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam Map<String, String> params,
            Authentication user,
            RedirectAttributes redirect) {
        OrderDetail order = order(id);
        Map<Integer, Long> amounts = new LinkedHashMap<>();
        for (OrderDetail.Shipment s : order.shipments()) {
            String value = params.getOrDefault("cod" + s.deliveryId(), "").strip();
            if (value.isEmpty()) {
                continue;
            }
            try {
                amounts.put(s.deliveryId(), Long.parseLong(value.replace(",", "")));
            } catch (NumberFormatException e) {
                redirect.addFlashAttribute("error", "お届け先" + s.deliveryId() + "の代引金額は数字で入力してください");
                return "redirect:/orders/" + id;
            }
        }
        try {
            redirect.addFlashAttribute("edited", editing.splitCashOnDelivery(id, version, amounts, user.getName()));
        } catch (OrderEditConflict | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/orders/" + id;
    }

    /** Lines given only a product code show the name, price and rate found for it. */
    private OrderEditing.FilledLines showFilledIn(OrderEditForm form) {
        List<OrderEdit.Line> lines = form.value().lines();
        OrderEditing.FilledLines filled = editing.fill(lines);
        int i = 0;
        for (OrderEditForm.Line line : form.lines) {
            if (line.blank()) {
                continue;
            }
            OrderEdit.Line f = filled.lines().get(i++);
            line.name = present(line.name) ? line.name : f.name();
            line.unitPrice = line.unitPrice == null ? f.unitPrice() : line.unitPrice;
            line.taxRate = line.taxRate == null ? f.taxRate() : line.taxRate;
        }
        return filled;
    }

    /** A field error of a row the person removed (or left blank) does not count. */
    private static boolean leftOut(OrderEditForm form, String field) {
        for (int i = 0; i < form.destinations.size(); i++) {
            OrderEditForm.Destination d = form.destinations.get(i);
            if ((d == null || d.remove) && field.startsWith("destinations[" + i + "]")) {
                return true;
            }
        }
        for (int i = 0; i < form.lines.size(); i++) {
            OrderEditForm.Line l = form.lines.get(i);
            if ((l == null || l.remove || l.blank()) && field.startsWith("lines[" + i + "]")) {
                return true;
            }
        }
        return false;
    }

    private String page(
            Model model,
            OrderDetail order,
            OrderEditForm form,
            Map<String, String> problems,
            String conflict,
            jp.juchu.oms.orders.ShopOrder.Amounts preview) {
        model.addAttribute("order", order);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("conflict", conflict);
        model.addAttribute("preview", preview);
        model.addAttribute("prefectures", Prefectures.ALL);
        model.addAttribute("payments", PaymentMethods.ALL);
        model.addAttribute("timeSlots", TimeSlot.all());
        model.addAttribute("cod", CashOnDelivery.METHOD);
        model.addAttribute("known", manualOrders.knownItems("", 200));
        return "orders/edit";
    }

    private OrderDetail order(long id) {
        return orders.detail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such order"));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static void checkPrefecture(Map<String, String> problems, String field, String value) {
        if (!problems.containsKey(field) && !Prefectures.isPrefecture(value)) {
            problems.put(field, "都道府県を選んでください");
        }
    }
}
