package jp.juchu.shop.storefront.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.shop.settings.ShopSetup;
import org.springframework.stereotype.Component;

/** What the checkout form offers to choose from: delivery dates, payment methods, card expiry years. */
@Component
class CheckoutChoices {

    private final Clock clock;

    CheckoutChoices(Clock clock) {
        this.clock = clock;
    }

    /** The days a buyer may ask for delivery on; none when the shop does not offer a date. */
    List<LocalDate> deliveryDates(ShopSetup setup) {
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

    List<Integer> expiryYears() {
        int year = LocalDate.now(clock).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = year; y <= year + 10; y++) {
            years.add(y);
        }
        return years;
    }
}
