package jp.juchu.shop.storefront.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import jp.juchu.shop.settings.ShopSetup;
import jp.juchu.shop.storefront.CardCheck;
import jp.juchu.shop.storefront.Carts;
import jp.juchu.shop.storefront.Checkout;
import jp.juchu.shop.storefront.CheckoutOrder;
import jp.juchu.shop.storefront.CouponUnavailable;
import jp.juchu.shop.storefront.MemberView;
import jp.juchu.shop.storefront.OrderConfirmationMail;
import jp.juchu.shop.storefront.PlacedOrder;
import jp.juchu.shop.storefront.Quote;
import jp.juchu.shop.storefront.SoldOutWhileCheckingOut;
import jp.juchu.shop.storefront.StorefrontPorts;
import jp.juchu.support.address.Prefectures;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The checkout: one form (buyer, destinations with their items, date and time slot, wrapping, coupon,
 * points, payment), then a confirmation page with every amount, then the order is placed. The form's checks are
 * {@link CheckoutChecks}', what it offers {@link CheckoutChoices}', and the form against the cart
 * {@link CheckoutForms}'.
 */
@Controller
@RequestMapping("/shops/{shopId}/checkout")
class CheckoutController {

    private static final String FORM = "storefront.checkout.";
    private static final String CARD = "storefront.card.";
    /** The shop's settings the checkout started with: its confirmation and placing use the same. */
    private static final String SETUP = "storefront.setup.";

    private final Carts carts;
    private final StorefrontPorts ports;
    private final Checkout checkout;
    private final CheckoutChecks checks;
    private final CheckoutChoices choices;
    private final OrderConfirmationMail mail;

    CheckoutController(
            Carts carts,
            StorefrontPorts ports,
            Checkout checkout,
            CheckoutChecks checks,
            CheckoutChoices choices,
            OrderConfirmationMail mail) {
        this.carts = carts;
        this.ports = ports;
        this.checkout = checkout;
        this.checks = checks;
        this.choices = choices;
        this.mail = mail;
    }

    @GetMapping
    String form(
            @PathVariable String shopId,
            HttpServletRequest request,
            HttpSession session,
            Authentication authentication,
            Model model) {
        List<CartController.CartRow> rows = CartController.rows(ports.shelf(), carts, shopId, CartCookie.read(request));
        if (rows.isEmpty()) {
            return "redirect:/shops/" + shopId + "/cart";
        }
        CheckoutForm form = (CheckoutForm) session.getAttribute(FORM + shopId);
        if (form == null || !CheckoutForms.fits(form, rows)) {
            form = CheckoutForms.fresh(rows, member(shopId, authentication));
        }
        ShopSetup setup = checkout.setup(shopId);
        session.setAttribute(SETUP + shopId, setup);
        return render(shopId, form, rows, setup, authentication, model);
    }

    @PostMapping
    String submit(
            @PathVariable String shopId,
            @Valid @ModelAttribute("checkout") CheckoutForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "confirm") String action,
            @RequestParam(defaultValue = "-1") int index,
            HttpServletRequest request,
            HttpSession session,
            Authentication authentication,
            Model model) {
        List<CartController.CartRow> rows = CartController.rows(ports.shelf(), carts, shopId, CartCookie.read(request));
        if (rows.isEmpty()) {
            return "redirect:/shops/" + shopId + "/cart";
        }
        CheckoutForms.normalise(form, rows);
        ShopSetup setup = setup(shopId, session);
        boolean adding = "addDestination".equals(action);
        boolean removing = "removeDestination".equals(action);
        if (adding || removing) {
            // Rearranging destinations is not submitting: no error is shown yet.
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "checkout");
        }
        if (adding && form.getDestinations().size() < CheckoutForm.MAX_DESTINATIONS) {
            form.getDestinations().add(CheckoutForms.emptyDestination(rows.size()));
            return render(shopId, form, rows, setup, authentication, model);
        }
        if (removing && index > 0 && index < form.getDestinations().size()) {
            DestinationForm removed = form.getDestinations().remove(index);
            List<Integer> first = form.getDestinations().get(0).getQuantities();
            for (int j = 0; j < rows.size(); j++) {
                first.set(j, first.get(j) + removed.getQuantities().get(j));
            }
            return render(shopId, form, rows, setup, authentication, model);
        }
        if (adding || removing) {
            return render(shopId, form, rows, setup, authentication, model);
        }
        MemberView member = member(shopId, authentication);
        CardCheck.Result card = checks.validate(shopId, form, rows, member, setup, errors);
        if (errors.hasErrors()) {
            model.addAttribute("errorSummary", checks.summary(errors));
            return render(shopId, form, rows, setup, authentication, model);
        }
        form.setCardNumber("");
        session.setAttribute(SETUP + shopId, setup);
        session.setAttribute(FORM + shopId, form);
        session.setAttribute(CARD + shopId, card);
        return "redirect:/shops/" + shopId + "/checkout/confirm";
    }

    @GetMapping("/confirm")
    String confirm(
            @PathVariable String shopId,
            HttpServletRequest request,
            HttpSession session,
            Authentication authentication,
            Model model) {
        List<CartController.CartRow> rows = CartController.rows(ports.shelf(), carts, shopId, CartCookie.read(request));
        CheckoutForm form = (CheckoutForm) session.getAttribute(FORM + shopId);
        ShopSetup setup = (ShopSetup) session.getAttribute(SETUP + shopId);
        if (rows.isEmpty() || form == null || setup == null || !CheckoutForms.fits(form, rows)) {
            return "redirect:/shops/" + shopId + "/checkout";
        }
        CheckoutOrder order = CheckoutForms.order(
                form, rows, (CardCheck.Result) session.getAttribute(CARD + shopId), account(shopId, authentication));
        Quote quote = checkout.quote(shopId, order, setup);
        model.addAttribute("checkout", form);
        model.addAttribute("order", order);
        model.addAttribute("quote", quote);
        model.addAttribute("setup", setup);
        model.addAttribute("pointsEarned", Checkout.pointsEarned(order, quote, setup));
        return "storefront/confirm";
    }

    @PostMapping("/place")
    String place(
            @PathVariable String shopId,
            HttpServletRequest request,
            HttpSession session,
            Authentication authentication,
            RedirectAttributes redirect) {
        UUID cartId = CartCookie.read(request);
        List<CartController.CartRow> rows = CartController.rows(ports.shelf(), carts, shopId, cartId);
        CheckoutForm form = (CheckoutForm) session.getAttribute(FORM + shopId);
        ShopSetup setup = (ShopSetup) session.getAttribute(SETUP + shopId);
        if (rows.isEmpty() || form == null || setup == null || !CheckoutForms.fits(form, rows)) {
            return "redirect:/shops/" + shopId + "/checkout";
        }
        CheckoutOrder order = CheckoutForms.order(
                form, rows, (CardCheck.Result) session.getAttribute(CARD + shopId), account(shopId, authentication));
        PlacedOrder placed;
        try {
            placed = checkout.place(shopId, order, setup);
        } catch (SoldOutWhileCheckingOut e) {
            redirect.addFlashAttribute("error", "storefront.checkout.soldOut");
            redirect.addFlashAttribute("errorArgs", new Object[] {e.itemName()});
            return "redirect:/shops/" + shopId + "/cart";
        } catch (CouponUnavailable e) {
            // the coupon ran out while this buyer confirmed: back to the form, which says so at the coupon
            redirect.addFlashAttribute(
                    "couponError", "storefront.error.coupon." + e.refusal().name());
            return "redirect:/shops/" + shopId + "/checkout";
        }
        carts.clear(cartId, shopId);
        session.removeAttribute(FORM + shopId);
        session.removeAttribute(CARD + shopId);
        session.removeAttribute(SETUP + shopId);
        mail.send(shopId, placed, order, setup, LocaleContextHolder.getLocale());
        redirect.addFlashAttribute("orderNumber", placed.orderNumber());
        redirect.addFlashAttribute("paymentMethod", order.paymentMethod());
        redirect.addFlashAttribute("total", placed.quote().total());
        redirect.addFlashAttribute("setup", setup);
        return "redirect:/shops/" + shopId + "/checkout/thanks";
    }

    @GetMapping("/thanks")
    String thanks(@PathVariable String shopId, Model model) {
        if (!model.containsAttribute("orderNumber")) {
            return "redirect:/shops/" + shopId + "/";
        }
        return "storefront/thanks";
    }

    private String render(
            String shopId,
            CheckoutForm form,
            List<CartController.CartRow> rows,
            ShopSetup setup,
            Authentication authentication,
            Model model) {
        CheckoutForms.normalise(form, rows);
        model.addAttribute("checkout", form);
        model.addAttribute("rows", rows);
        model.addAttribute(
                "itemsTotal",
                rows.stream().mapToLong(CartController.CartRow::subtotal).sum());
        model.addAttribute("prefectures", Prefectures.ALL);
        model.addAttribute("deliveryDates", choices.deliveryDates(setup));
        model.addAttribute("timeSlots", setup.delivery().timeSlots());
        model.addAttribute("paymentMethods", CheckoutChoices.paymentMethods(setup));
        model.addAttribute("setup", setup);
        model.addAttribute("maxDestinations", CheckoutForm.MAX_DESTINATIONS);
        model.addAttribute(
                "memberPoints",
                member(shopId, authentication) == null
                        ? null
                        : member(shopId, authentication).points());
        model.addAttribute("expiryYears", choices.expiryYears());
        return "storefront/checkout";
    }

    /** The settings this checkout started with; a session that lost them starts with the shop's current ones. */
    private ShopSetup setup(String shopId, HttpSession session) {
        ShopSetup setup = (ShopSetup) session.getAttribute(SETUP + shopId);
        return setup != null ? setup : checkout.setup(shopId);
    }

    private MemberView member(String shopId, Authentication authentication) {
        String account = account(shopId, authentication);
        return account == null ? null : ports.members().find(shopId, account).orElse(null);
    }

    private static String account(String shopId, Authentication authentication) {
        return StorefrontSecurityConfiguration.MemberPrincipal.account(authentication, shopId);
    }
}
