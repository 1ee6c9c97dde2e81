package jp.juchu.shop.storefront.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.shop.storefront.CardCheck;
import jp.juchu.shop.storefront.Carts;
import jp.juchu.shop.storefront.CheckoutOrder;
import jp.juchu.shop.storefront.MemberView;

/**
 * The checkout form against the cart: a fresh form for the cart (the member's address filled in), the form made
 * whole (null-safe strings, one quantity per cart line in every destination), whether a kept form still fits the
 * cart, and the order the form asks for.
 */
final class CheckoutForms {

    private CheckoutForms() {}

    static CheckoutForm fresh(List<CartController.CartRow> rows, MemberView member) {
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

    static DestinationForm emptyDestination(int lines) {
        DestinationForm d = new DestinationForm();
        for (int j = 0; j < lines; j++) {
            d.getQuantities().add(0);
        }
        return d;
    }

    /** Null-safe strings and one quantity per cart line in every destination. */
    static void normalise(CheckoutForm form, List<CartController.CartRow> rows) {
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
    static boolean fits(CheckoutForm form, List<CartController.CartRow> rows) {
        for (DestinationForm d : form.getDestinations()) {
            if (d.getQuantities().size() != rows.size()) {
                return false;
            }
        }
        for (int j = 0; j < rows.size(); j++) {
            int sent = sent(form, j);
            if (sent != rows.get(j).quantity()) {
                return false;
            }
        }
        return true;
    }

    /** The units of cart line {@code line} that the destinations get, together. */
    static int sent(CheckoutForm form, int line) {
        return form.getDestinations().stream()
                .mapToInt(d -> d.getQuantities().get(line))
                .sum();
    }

    static CheckoutOrder order(
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
}
