package jp.juchu.shop.settings.web;

import jakarta.validation.Valid;
import java.lang.reflect.RecordComponent;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import jp.juchu.shop.orders.TimeSlot;
import jp.juchu.shop.settings.InvalidSetup;
import jp.juchu.shop.settings.ShopSetup;
import jp.juchu.shop.settings.ShopSetups;
import jp.juchu.support.address.Prefectures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** お店設定: one page with a form per section; each is saved on its own, checked, and applies to new checkouts. */
@Controller
class SettingsController {

    private final ShopSetups setups;

    SettingsController(ShopSetups setups) {
        this.setups = setups;
    }

    @GetMapping("/admin/settings")
    String page(Principal principal, Model model) {
        ShopSetup setup = setups.of(principal.getName());
        if (!model.containsAttribute("details")) {
            model.addAttribute("details", SettingsForms.DetailsForm.of(setup.details()));
        }
        if (!model.containsAttribute("payments")) {
            model.addAttribute("payments", SettingsForms.PaymentsForm.of(setup.payments()));
        }
        if (!model.containsAttribute("shipping")) {
            model.addAttribute("shipping", SettingsForms.ShippingForm.of(setup.shipping()));
        }
        if (!model.containsAttribute("delivery")) {
            model.addAttribute("delivery", SettingsForms.DeliveryForm.of(setup.delivery()));
        }
        if (!model.containsAttribute("points")) {
            model.addAttribute("points", SettingsForms.PointsForm.of(setup.points()));
        }
        model.addAttribute("prefectures", Prefectures.ALL);
        model.addAttribute(
                "timeSlots", Arrays.stream(TimeSlot.values()).map(Enum::name).toList());
        model.addAttribute("approvals", ShopSetup.Approval.values());
        model.addAttribute("codRows", SettingsForms.COD_ROWS);
        return "settings/settings";
    }

    @PostMapping("/admin/settings/details")
    String details(
            @Valid @ModelAttribute("details") SettingsForms.DetailsForm form,
            BindingResult errors,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        return save(
                "details",
                errors,
                principal,
                model,
                redirect,
                () -> setups.saveDetails(principal.getName(), form.toDetails()));
    }

    @PostMapping("/admin/settings/payments")
    String payments(
            @Valid @ModelAttribute("payments") SettingsForms.PaymentsForm form,
            BindingResult errors,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        for (int row : form == null ? List.<Integer>of() : form.codRowsNotNumbers()) {
            errors.reject("invalid", "代引き手数料の表の" + row + "行目: 金額は半角数字で入力してください");
        }
        return save(
                "payments",
                errors,
                principal,
                model,
                redirect,
                () -> setups.savePayments(principal.getName(), form.toPayments()));
    }

    @PostMapping("/admin/settings/shipping")
    String shipping(
            @Valid @ModelAttribute("shipping") SettingsForms.ShippingForm form,
            BindingResult errors,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        return save(
                "shipping",
                errors,
                principal,
                model,
                redirect,
                () -> setups.saveShipping(principal.getName(), form.toShipping()));
    }

    @PostMapping("/admin/settings/delivery")
    String delivery(
            @Valid @ModelAttribute("delivery") SettingsForms.DeliveryForm form,
            BindingResult errors,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        return save(
                "delivery",
                errors,
                principal,
                model,
                redirect,
                () -> setups.saveDelivery(principal.getName(), form.toDelivery()));
    }

    @PostMapping("/admin/settings/points")
    String points(
            @Valid @ModelAttribute("points") SettingsForms.PointsForm form,
            BindingResult errors,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        return save(
                "points",
                errors,
                principal,
                model,
                redirect,
                () -> setups.savePoints(principal.getName(), form.toPoints()));
    }

    /** Saves a section, or shows the page again with that section's errors at their fields. */
    private String save(
            String section,
            BindingResult errors,
            Principal principal,
            Model model,
            RedirectAttributes redirect,
            Supplier<ShopSetup> saving) {
        if (!errors.hasErrors()) {
            try {
                saving.get();
                redirect.addFlashAttribute("saved", section);
                return "redirect:/admin/settings#" + section;
            } catch (InvalidSetup e) {
                for (InvalidSetup.Problem problem : e.problems()) {
                    String field = problem.field().substring(problem.field().lastIndexOf('.') + 1);
                    if (hasField(errors.getTarget(), field)) {
                        errors.rejectValue(field, "invalid", problem.message());
                    } else {
                        errors.reject("invalid", problem.message());
                    }
                }
            }
        }
        if (errors.getTarget() == null) {
            keepErrorsOnTheSavedValues(section, errors, principal, model);
        }
        model.addAttribute("failed", section);
        return page(principal, model);
    }

    /**
     * A form that could not even be built (a number field with letters) is shown with the shop's saved values, the
     * rejected text in the fields it was typed into, and every error.
     */
    private void keepErrorsOnTheSavedValues(String section, BindingResult errors, Principal principal, Model model) {
        ShopSetup setup = setups.of(principal.getName());
        Object form = switch (section) {
            case "details" -> SettingsForms.DetailsForm.of(setup.details());
            case "payments" -> SettingsForms.PaymentsForm.of(setup.payments());
            case "shipping" -> SettingsForms.ShippingForm.of(setup.shipping());
            case "delivery" -> SettingsForms.DeliveryForm.of(setup.delivery());
            default -> SettingsForms.PointsForm.of(setup.points());
        };
        BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, section);
        for (FieldError e : errors.getFieldErrors()) {
            kept.addError(new FieldError(
                    section,
                    e.getField(),
                    e.getRejectedValue(),
                    true,
                    e.getCodes(),
                    e.getArguments(),
                    e.getDefaultMessage()));
        }
        errors.getGlobalErrors().forEach(kept::addError);
        model.addAttribute(section, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + section, kept);
    }

    private static boolean hasField(Object form, String field) {
        if (form == null || !form.getClass().isRecord()) {
            return false;
        }
        for (RecordComponent c : form.getClass().getRecordComponents()) {
            if (c.getName().equals(field)) {
                return true;
            }
        }
        return false;
    }
}
