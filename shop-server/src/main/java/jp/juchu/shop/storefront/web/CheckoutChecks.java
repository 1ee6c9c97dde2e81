package jp.juchu.shop.storefront.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.juchu.shop.settings.ShopSetup;
import jp.juchu.shop.storefront.CardCheck;
import jp.juchu.shop.storefront.Coupons;
import jp.juchu.shop.storefront.MemberView;
import jp.juchu.support.address.Prefectures;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** The checkout form's checks beyond Bean Validation, and its errors as one summary for the top of the page. */
@Component
class CheckoutChecks {

    private final Coupons coupons;
    private final CheckoutChoices choices;
    private final MessageSource messages;
    private final Clock clock;

    CheckoutChecks(Coupons coupons, CheckoutChoices choices, MessageSource messages, Clock clock) {
        this.coupons = coupons;
        this.choices = choices;
        this.messages = messages;
        this.clock = clock;
    }

    /** Everything Bean Validation cannot say: destinations, quantities, dates, coupon, points, card. */
    CardCheck.Result validate(
            String shopId,
            CheckoutForm form,
            List<CartController.CartRow> rows,
            MemberView member,
            ShopSetup setup,
            BindingResult errors) {
        List<LocalDate> dates = choices.deliveryDates(setup);
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
            int sent = CheckoutForms.sent(form, j);
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
        if (!CheckoutChoices.paymentMethods(setup).contains(form.getPaymentMethod())) {
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
    List<String> summary(BindingResult errors) {
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
}
