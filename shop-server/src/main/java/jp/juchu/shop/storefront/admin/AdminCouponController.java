package jp.juchu.shop.storefront.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import jp.juchu.shop.storefront.Coupons;
import jp.juchu.shop.storefront.InvalidCoupon;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * クーポン (集客・運営) in the shop admin (a package of its own: the storefront's page advice in {@code web} needs a
 * shop in the path): the shop's coupons with their uses, a new one, deleting one. */
@Controller
class AdminCouponController {

    private final Coupons coupons;
    private final Clock clock;

    AdminCouponController(Coupons coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    /** @param discountType {@code YEN} or {@code PERCENT} */
    record CouponForm(
            String code,
            String description,
            String discountType,
            @NotNull(message = "値引きを入力してください") Integer discount,
            Integer minItemsTotal,

            @NotNull(message = "開始日を入力してください") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate validFrom,

            @NotNull(message = "終了日を入力してください") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate validUntil,

            Integer maxUses,
            Integer maxUsesPerMember) {

        Coupons.Coupon toCoupon() {
            boolean percent = "PERCENT".equals(discountType);
            return new Coupons.Coupon(
                    code,
                    description,
                    percent ? null : discount,
                    percent ? discount : null,
                    minItemsTotal == null ? 0 : minItemsTotal,
                    validFrom,
                    validUntil,
                    maxUses,
                    maxUsesPerMember);
        }
    }

    @GetMapping("/admin/coupons")
    String list(Principal principal, Model model) {
        model.addAttribute("coupons", coupons.list(principal.getName()));
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("coupon")) {
            LocalDate today = LocalDate.now(clock);
            model.addAttribute(
                    "coupon", new CouponForm("", "", "YEN", null, 0, today, today.plusMonths(1), null, null));
        }
        return "coupons/list";
    }

    @PostMapping("/admin/coupons")
    String add(
            @Valid @ModelAttribute("coupon") CouponForm form,
            BindingResult errors,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Coupons.Coupon added = coupons.add(principal.getName(), form.toCoupon());
                redirect.addFlashAttribute("added", added.code());
                return "redirect:/admin/coupons";
            } catch (InvalidCoupon e) {
                errors.rejectValue(e.field(), "invalid", e.getMessage());
            }
        }
        return list(principal, model);
    }

    @PostMapping("/admin/coupons/{code}/delete")
    String delete(@PathVariable String code, Principal principal, RedirectAttributes redirect) {
        if (coupons.delete(principal.getName(), code)) {
            redirect.addFlashAttribute("deleted", code);
        }
        return "redirect:/admin/coupons";
    }
}
