package jp.juchu.shop.storefront.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.juchu.shop.settings.ShopSetup;
import jp.juchu.shop.storefront.CardCheck;
import jp.juchu.shop.storefront.Carts;
import jp.juchu.shop.storefront.Checkout;
import jp.juchu.shop.storefront.CheckoutOrder;
import jp.juchu.shop.storefront.CouponUnavailable;
import jp.juchu.shop.storefront.Coupons;
import jp.juchu.shop.storefront.MemberView;
import jp.juchu.shop.storefront.OrderConfirmationMail;
import jp.juchu.shop.storefront.PlacedOrder;
import jp.juchu.shop.storefront.Quote;
import jp.juchu.shop.storefront.SoldOutWhileCheckingOut;
import jp.juchu.shop.storefront.StorefrontPorts;
import jp.juchu.support.address.Prefectures;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The checkout: one form (buyer, destinations with their items, date and time slot, wrapping, coupon,
 * points, payment), then a confirmation page with every amount, then the order is placed.
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
    private final Coupons coupons;
    private final OrderConfirmationMail mail;
    private final MessageSource messages;
    private final Clock clock;

    CheckoutController(
            Carts carts,
            StorefrontPorts ports,
            Checkout checkout,
            Coupons coupons,
            OrderConfirmationMail mail,
            MessageSource messages,
            Clock clock) {
        this.carts = carts;
        this.ports = ports;
        this.checkout = checkout;
        this.coupons = coupons;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
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
        if (form == null || !fits(form, rows)) {
            form = fresh(shopId, rows, member(shopId, authentication));
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
        normalise(form, rows);
        ShopSetup setup = setup(shopId, session);
        boolean adding = "addDestination".equals(action);
        boolean removing = "removeDestination".equals(action);
        if (adding || removing) {
            // Rearranging destinations is not submitting: no error is shown yet.
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "checkout");
        }
        if (adding && form.getDestinations().size() < CheckoutForm.MAX_DESTINATIONS) {
            form.getDestinations().add(emptyDestination(rows.size()));
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
        CardCheck.Result card = validate(shopId, form, rows, member, setup, errors);
        if (errors.hasErrors()) {
            model.addAttribute("errorSummary", summary(errors));
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
        if (rows.isEmpty() || form == null || setup == null || !fits(form, rows)) {
            return "redirect:/shops/" + shopId + "/checkout";
        }
        CheckoutOrder order = order(
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
        if (rows.isEmpty() || form == null || setup == null || !fits(form, rows)) {
            return "redirect:/shops/" + shopId + "/checkout";
        }
        CheckoutOrder order = order(
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
        normalise(form, rows);
        model.addAttribute("checkout", form);
        model.addAttribute("rows", rows);
        model.addAttribute(
                "itemsTotal",
                rows.stream().mapToLong(CartController.CartRow::subtotal).sum());
        model.addAttribute("prefectures", Prefectures.ALL);
        model.addAttribute("deliveryDates", deliveryDates(setup));
        model.addAttribute("timeSlots", setup.delivery().timeSlots());
        model.addAttribute("paymentMethods", paymentMethods(setup));
        model.addAttribute("setup", setup);
        model.addAttribute("maxDestinations", CheckoutForm.MAX_DESTINATIONS);
        model.addAttribute(
                "memberPoints",
                member(shopId, authentication) == null
                        ? null
                        : member(shopId, authentication).points());
        model.addAttribute("expiryYears", expiryYears());
        return "storefront/checkout";
    }

    /** Everything Bean Validation cannot say: destinations, quantities, dates, coupon, points, card. */
    private CardCheck.Result validate(
            String shopId,
            CheckoutForm form,
            List<CartController.CartRow> rows,
            MemberView member,
            ShopSetup setup,
            BindingResult errors) {
        List<LocalDate> dates = deliveryDates(setup);
        for (int i = 0; i < form.getDestinations().size(); i++) {
            DestinationForm d = form.getDestinations().get(i);
            String at = "destinations[" + i + "].";
            if (!d.isSameAsBuyer()) {
                required(errors, at + "name", d.getName(), 60);
                required(errors, at + "kana", d.getKana(), 60);
                if (!d.getKana().matches(BuyerForm.KANA)) {
                    errors.rejectValue(at + "kana", "storefront.error.kana");
                }
                required(errors, at + "phone", d.getPhone(), 20);
                if (!d.getPhone().matches(BuyerForm.PHONE)) {
                    errors.rejectValue(at + "phone", "storefront.error.phone");
                }
                required(errors, at + "postalCode", d.getPostalCode(), 8);
                if (!d.getPostalCode().matches(BuyerForm.POSTAL)) {
                    errors.rejectValue(at + "postalCode", "storefront.error.postal");
                }
                if (!Prefectures.ALL.contains(d.getPrefecture())) {
                    errors.rejectValue(at + "prefecture", "storefront.error.required");
                }
                required(errors, at + "address1", d.getAddress1(), 100);
            }
            if (!d.getDeliveryDate().isBlank()
                    && dates.stream().noneMatch(day -> day.toString().equals(d.getDeliveryDate()))) {
                errors.rejectValue(at + "deliveryDate", "storefront.error.deliveryDate");
            }
            if (!d.getTimeSlot().isBlank() && !setup.delivery().timeSlots().contains(d.getTimeSlot())) {
                errors.rejectValue(at + "timeSlot", "storefront.error.choice");
            }
            if (d.getNoshi().length() > 20) {
                errors.rejectValue(at + "noshi", "storefront.error.tooLong");
            }
            if (d.getQuantities().stream().mapToInt(Integer::intValue).sum() == 0) {
                errors.rejectValue(at + "quantities", "storefront.error.destinationEmpty");
            }
        }
        if (!errors.hasFieldErrors("buyer.prefecture")
                && !Prefectures.ALL.contains(form.getBuyer().getPrefecture())) {
            errors.rejectValue("buyer.prefecture", "storefront.error.required");
        }
        for (int j = 0; j < rows.size(); j++) {
            int index = j;
            int sent = form.getDestinations().stream()
                    .mapToInt(d -> d.getQuantities().get(index))
                    .sum();
            if (sent != rows.get(j).quantity()) {
                errors.rejectValue(
                        "destinations[0].quantities[" + j + "]",
                        "storefront.error.quantitiesSum",
                        new Object[] {rows.get(j).name(), rows.get(j).quantity(), sent},
                        null);
            }
        }
        long itemsTotal =
                rows.stream().mapToLong(CartController.CartRow::subtotal).sum();
        if (!form.getCouponCode().isBlank()) {
            Coupons.Applied applied = coupons.apply(
                    shopId,
                    form.getCouponCode(),
                    itemsTotal,
                    LocalDate.now(clock),
                    member == null ? null : member.account());
            if (!applied.accepted()) {
                errors.rejectValue(
                        "couponCode",
                        "storefront.error.coupon." + applied.refusal().name(),
                        new Object[] {applied.minItemsTotal()},
                        null);
            }
        }
        if (form.getPointsToUse() != null && form.getPointsToUse() != 0) {
            if (member == null) {
                errors.rejectValue("pointsToUse", "storefront.error.points.membersOnly");
            } else if (form.getPointsToUse() < 0) {
                errors.rejectValue("pointsToUse", "storefront.error.points.negative");
            } else if (form.getPointsToUse() > member.points()) {
                errors.rejectValue(
                        "pointsToUse", "storefront.error.points.balance", new Object[] {member.points()}, null);
            } else if (form.getPointsToUse() > itemsTotal) {
                errors.rejectValue("pointsToUse", "storefront.error.points.overTotal", new Object[] {itemsTotal}, null);
            }
        }
        if (!paymentMethods(setup).contains(form.getPaymentMethod())) {
            errors.rejectValue("paymentMethod", "storefront.error.paymentMethod");
            return null;
        }
        if (!"CreditCard".equals(form.getPaymentMethod())) {
            return null;
        }
        CardCheck.Result card = CardCheck.authorise(
                form.getCardNumber(),
                form.getCardExpiryMonth() == null ? 0 : form.getCardExpiryMonth(),
                form.getCardExpiryYear() == null ? 0 : form.getCardExpiryYear(),
                YearMonth.now(clock));
        if (!card.authorised()) {
            errors.rejectValue(
                    card.errorField().equals("cardExpiry") ? "cardExpiryMonth" : "cardNumber", card.errorCode());
            return null;
        }
        return card;
    }

    private static void required(BindingResult errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "storefront.error.required");
        } else if (value.length() > max) {
            errors.rejectValue(field, "storefront.error.tooLong");
        }
    }

    /** "お届け先2 お名前: 入力してください" — each error with the field it belongs to. */
    private List<String> summary(BindingResult errors) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> lines = new ArrayList<>();
        for (FieldError error : errors.getFieldErrors()) {
            String field = error.getField();
            String label;
            if (field.startsWith("destinations[")) {
                int i = Integer.parseInt(field.substring("destinations[".length(), field.indexOf(']')));
                String rest = field.substring(field.indexOf("].") + 2).replaceAll("\\[\\d+]", "");
                label = messages.getMessage("storefront.destination.title", new Object[] {i + 1}, locale) + " "
                        + messages.getMessage("storefront.field." + rest, null, rest, locale);
            } else {
                label = messages.getMessage("storefront.field." + field, null, field, locale);
            }
            lines.add(label + ": " + messages.getMessage(error, locale));
        }
        return lines;
    }

    private CheckoutForm fresh(String shopId, List<CartController.CartRow> rows, MemberView member) {
        CheckoutForm form = new CheckoutForm();
        DestinationForm first = emptyDestination(rows.size());
        first.setSameAsBuyer(true);
        for (int j = 0; j < rows.size(); j++) {
            first.getQuantities().set(j, rows.get(j).quantity());
        }
        form.getDestinations().add(first);
        if (member != null) {
            BuyerForm b = form.getBuyer();
            b.setName(member.name());
            b.setKana(member.kana());
            b.setEmail(member.email());
            b.setPhone(member.phone());
            b.setPostalCode(member.postalCode());
            b.setPrefecture(member.prefecture());
            b.setAddress1(member.address1());
            b.setAddress2(member.address2());
        }
        return form;
    }

    private static DestinationForm emptyDestination(int lines) {
        DestinationForm d = new DestinationForm();
        for (int j = 0; j < lines; j++) {
            d.getQuantities().add(0);
        }
        return d;
    }

    /** Null-safe strings and one quantity per cart line in every destination. */
    private static void normalise(CheckoutForm form, List<CartController.CartRow> rows) {
        if (form.getDestinations().isEmpty()) {
            DestinationForm first = emptyDestination(rows.size());
            first.setSameAsBuyer(true);
            form.getDestinations().add(first);
        }
        if (form.getDestinations().size() == 1) {
            // One destination gets the whole cart: there is nothing to split.
            form.getDestinations()
                    .get(0)
                    .setQuantities(new ArrayList<>(
                            rows.stream().map(CartController.CartRow::quantity).toList()));
        }
        for (DestinationForm d : form.getDestinations()) {
            List<Integer> q = new ArrayList<>(d.getQuantities());
            q.replaceAll(v -> v == null || v < 0 ? 0 : v);
            while (q.size() < rows.size()) {
                q.add(0);
            }
            d.setQuantities(new ArrayList<>(q.subList(0, rows.size())));
            d.setName(nz(d.getName()));
            d.setKana(nz(d.getKana()));
            d.setPhone(nz(d.getPhone()));
            d.setPostalCode(nz(d.getPostalCode()));
            d.setPrefecture(nz(d.getPrefecture()));
            d.setAddress1(nz(d.getAddress1()));
            d.setAddress2(nz(d.getAddress2()));
            d.setDeliveryDate(nz(d.getDeliveryDate()));
            d.setTimeSlot(nz(d.getTimeSlot()));
            d.setNoshi(nz(d.getNoshi()));
        }
        form.setRemarks(nz(form.getRemarks()));
        form.setCouponCode(nz(form.getCouponCode()).strip());
        form.setPaymentMethod(nz(form.getPaymentMethod()));
        form.setCardNumber(nz(form.getCardNumber()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A kept form still fits the cart when every line's quantities add up to the cart's. */
    private static boolean fits(CheckoutForm form, List<CartController.CartRow> rows) {
        for (DestinationForm d : form.getDestinations()) {
            if (d.getQuantities().size() != rows.size()) {
                return false;
            }
        }
        for (int j = 0; j < rows.size(); j++) {
            int index = j;
            int sent = form.getDestinations().stream()
                    .mapToInt(d -> d.getQuantities().get(index))
                    .sum();
            if (sent != rows.get(j).quantity()) {
                return false;
            }
        }
        return true;
    }

    private static CheckoutOrder order(
            CheckoutForm form, List<CartController.CartRow> rows, CardCheck.Result card, String account) {
        BuyerForm b = form.getBuyer();
        CheckoutOrder.Buyer buyer = new CheckoutOrder.Buyer(
                b.getName().strip(),
                b.getKana().strip(),
                b.getEmail().strip(),
                b.getPhone().strip(),
                b.getPostalCode().strip(),
                b.getPrefecture(),
                b.getAddress1().strip(),
                nz(b.getAddress2()).strip());
        List<CheckoutOrder.Destination> destinations = new ArrayList<>();
        for (DestinationForm d : form.getDestinations()) {
            List<Carts.Line> lines = new ArrayList<>();
            for (int j = 0; j < rows.size(); j++) {
                int quantity = d.getQuantities().get(j);
                if (quantity > 0) {
                    lines.add(new Carts.Line(rows.get(j).itemCode(), rows.get(j).variation(), quantity));
                }
            }
            boolean same = d.isSameAsBuyer();
            destinations.add(new CheckoutOrder.Destination(
                    same ? buyer.name() : d.getName().strip(),
                    same ? buyer.kana() : d.getKana().strip(),
                    same ? buyer.phone() : d.getPhone().strip(),
                    same ? buyer.postalCode() : d.getPostalCode().strip(),
                    same ? buyer.prefecture() : d.getPrefecture(),
                    same ? buyer.address1() : d.getAddress1().strip(),
                    same ? buyer.address2() : d.getAddress2().strip(),
                    d.getDeliveryDate().isBlank() ? null : LocalDate.parse(d.getDeliveryDate()),
                    d.getTimeSlot().isBlank() ? null : d.getTimeSlot(),
                    d.isGiftWrapping(),
                    d.getNoshi().strip(),
                    lines));
        }
        boolean byCard = card != null && "CreditCard".equals(form.getPaymentMethod());
        return new CheckoutOrder(
                buyer,
                destinations,
                form.getRemarks().strip(),
                form.getCouponCode(),
                account == null || form.getPointsToUse() == null ? 0 : form.getPointsToUse(),
                form.getPaymentMethod(),
                byCard ? card.brand() : null,
                byCard ? card.last4() : null,
                account);
    }

    private List<LocalDate> deliveryDates(ShopSetup setup) {
        List<LocalDate> dates = new ArrayList<>();
        if (!setup.delivery().datesOffered()) {
            return dates;
        }
        LocalDate first = LocalDate.now(clock).plusDays(setup.delivery().earliestDays());
        for (int i = 0; i < setup.delivery().daysOffered(); i++) {
            dates.add(first.plusDays(i));
        }
        return dates;
    }

    /** The payment methods the shop has switched on, in the platform's order. */
    static List<String> paymentMethods(ShopSetup setup) {
        ShopSetup.Payments p = setup.payments();
        List<String> on = new ArrayList<>();
        if (p.card()) {
            on.add("CreditCard");
        }
        if (p.bankTransfer()) {
            on.add("BankTransfer");
        }
        if (p.cashOnDelivery()) {
            on.add("CashOnDelivery");
        }
        if (p.convenienceStore()) {
            on.add("ConvenienceStore");
        }
        return on;
    }

    /** The settings this checkout started with; a session that lost them starts with the shop's current ones. */
    private ShopSetup setup(String shopId, HttpSession session) {
        ShopSetup setup = (ShopSetup) session.getAttribute(SETUP + shopId);
        return setup != null ? setup : checkout.setup(shopId);
    }

    private List<Integer> expiryYears() {
        int year = LocalDate.now(clock).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = year; y <= year + 10; y++) {
            years.add(y);
        }
        return years;
    }

    private MemberView member(String shopId, Authentication authentication) {
        String account = account(shopId, authentication);
        return account == null ? null : ports.members().find(shopId, account).orElse(null);
    }

    private static String account(String shopId, Authentication authentication) {
        return StorefrontSecurityConfiguration.MemberPrincipal.account(authentication, shopId);
    }
}
