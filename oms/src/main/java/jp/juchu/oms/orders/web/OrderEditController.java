package jp.juchu.oms.orders.web;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderEditConflict;
import jp.juchu.oms.orders.OrderEditing;
import jp.juchu.oms.orders.Orders;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 受注の編集: the form opens at the order's current version; saving recomputes totals and tax. A second person
 * saving over the first gets the conflict, the current order beside the form, and keeps what they typed.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
class OrderEditController {

    private final Orders orders;
    private final OrderEditing editing;

    OrderEditController(Orders orders, OrderEditing editing) {
        this.orders = orders;
        this.editing = editing;
    }

    @InitBinder("form")
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(100);
    }

    @GetMapping("/orders/{id}/edit")
    String form(@PathVariable long id, Model model) {
        OrderDetail order = order(id);
        return page(model, order, OrderEditForm.of(order), Map.of(), null);
    }

    @PostMapping("/orders/{id}/edit")
    String save(
            @PathVariable long id,
            @Valid @ModelAttribute("form") OrderEditForm form,
            BindingResult errors,
            Authentication user,
            Model model,
            RedirectAttributes redirect) {
        OrderDetail order = order(id);
        Map<String, String> problems = new LinkedHashMap<>();
        for (FieldError e : errors.getFieldErrors()) {
            problems.putIfAbsent(e.getField(), e.isBindingFailure() ? "正しい値を入力してください" : e.getDefaultMessage());
        }
        checkPrefecture(problems, "buyer.prefecture", form.buyer.prefecture);
        for (int i = 0; i < form.destinations.size(); i++) {
            checkPrefecture(
                    problems,
                    "destinations[" + i + "].recipient.prefecture",
                    form.destinations.get(i).recipient.prefecture);
        }
        if (!problems.isEmpty()) {
            return page(model, order, form, problems, null);
        }
        try {
            List<String> changes = editing.edit(id, form.value(), user.getName());
            redirect.addFlashAttribute("edited", changes);
            return "redirect:/orders/" + id;
        } catch (OrderEditConflict conflict) {
            return page(model, order(id), form, Map.of(), conflict.getMessage());
        } catch (IllegalArgumentException e) {
            return page(model, order, form, Map.of("", e.getMessage()), null);
        }
    }

    private String page(
            Model model, OrderDetail order, OrderEditForm form, Map<String, String> problems, String conflict) {
        model.addAttribute("order", order);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("conflict", conflict);
        model.addAttribute("prefectures", Prefectures.ALL);
        return "orders/edit";
    }

    private OrderDetail order(long id) {
        return orders.detail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such order"));
    }

    private static void checkPrefecture(Map<String, String> problems, String field, String value) {
        if (!problems.containsKey(field) && !Prefectures.isPrefecture(value)) {
            problems.put(field, "都道府県を選んでください");
        }
    }
}
