package jp.juchu.shop.storefront;

import java.text.NumberFormat;
import java.util.Locale;
import jp.juchu.shop.settings.ShopSetup;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The order-confirmation mail (ご注文確認メール) to the buyer, sent once the order is placed. */
@Component
public class OrderConfirmationMail {

    private final MailOutbox outbox;
    private final MessageSource messages;

    OrderConfirmationMail(MailOutbox outbox, MessageSource messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    /** Sends the mail with the shop's details (name, bank account, invoice registration number) the order was placed with. */
    public void send(String shopId, PlacedOrder placed, CheckoutOrder order, ShopSetup setup, Locale locale) {
        String shopName = setup.details().name();
        outbox.send(
                order.buyer().email(),
                shopName,
                msg(locale, "storefront.mail.subject", shopName, placed.orderNumber()),
                body(setup, placed, order, locale));
    }

    String body(ShopSetup setup, PlacedOrder placed, CheckoutOrder order, Locale locale) {
        String shopName = setup.details().name();
        NumberFormat yen = NumberFormat.getIntegerInstance(Locale.JAPAN);
        Quote q = placed.quote();
        StringBuilder b = new StringBuilder();
        b.append(msg(locale, "storefront.mail.greeting", order.buyer().name(), shopName))
                .append("\n\n");
        b.append(msg(locale, "storefront.mail.orderNumber", placed.orderNumber()))
                .append('\n');
        b.append(msg(locale, "storefront.mail.payment", msg(locale, "storefront.payment." + order.paymentMethod())));
        if (order.cardBrand() != null) {
            b.append(" (")
                    .append(order.cardBrand())
                    .append(" ****")
                    .append(order.cardLast4())
                    .append(')');
        }
        b.append("\n\n");
        for (int i = 0; i < q.destinations().size(); i++) {
            CheckoutOrder.Destination d = order.destinations().get(i);
            b.append(msg(locale, "storefront.mail.destination", i + 1, d.name(), d.prefecture() + d.address1()))
                    .append('\n');
            for (Quote.Line line : q.destinations().get(i).lines()) {
                b.append("  ").append(line.name());
                if (!line.variation().isEmpty()) {
                    b.append(" (").append(line.variation()).append(')');
                }
                b.append("  ")
                        .append(yen.format(line.unitPrice()))
                        .append(msg(locale, "storefront.yen"))
                        .append(" × ")
                        .append(line.quantity())
                        .append('\n');
            }
        }
        b.append('\n');
        b.append(msg(locale, "storefront.amount.itemsTotal"))
                .append(": ")
                .append(yen.format(q.itemsTotal()))
                .append('\n');
        b.append(msg(locale, "storefront.amount.shippingFee"))
                .append(": ")
                .append(yen.format(q.shippingFee()))
                .append('\n');
        if (q.codFee() > 0) {
            b.append(msg(locale, "storefront.amount.codFee"))
                    .append(": ")
                    .append(yen.format(q.codFee()))
                    .append('\n');
        }
        if (q.giftWrappingFee() > 0) {
            b.append(msg(locale, "storefront.amount.giftWrappingFee"))
                    .append(": ")
                    .append(yen.format(q.giftWrappingFee()))
                    .append('\n');
        }
        if (q.couponDiscount() > 0) {
            b.append(msg(locale, "storefront.amount.couponDiscount"))
                    .append(": -")
                    .append(yen.format(q.couponDiscount()))
                    .append('\n');
        }
        if (q.pointsUsed() > 0) {
            b.append(msg(locale, "storefront.amount.pointsUsed"))
                    .append(": -")
                    .append(yen.format(q.pointsUsed()))
                    .append('\n');
        }
        b.append(msg(locale, "storefront.amount.total"))
                .append(": ")
                .append(yen.format(q.total()))
                .append(msg(locale, "storefront.yen"))
                .append('\n');
        for (Quote.Tax tax : q.tax()) {
            b.append("  ")
                    .append(msg(
                            locale,
                            "storefront.amount.taxLine",
                            tax.rate(),
                            yen.format(tax.taxableAmount()),
                            yen.format(tax.tax())))
                    .append('\n');
        }
        ShopSetup.BankAccount bank = setup.payments().bankAccount();
        if ("BankTransfer".equals(order.paymentMethod())) {
            b.append('\n').append(msg(locale, "storefront.bank.title")).append('\n');
            b.append("  ")
                    .append(
                            bank.complete()
                                    ? String.join(
                                            " ", bank.bank(), bank.branch(), bank.type(), bank.number(), bank.holder())
                                    : msg(locale, "storefront.bank.later"))
                    .append('\n');
        }
        b.append('\n').append(msg(locale, "storefront.mail.closing", shopName)).append('\n');
        ShopSetup.Details details = setup.details();
        if (!details.company().isEmpty()) {
            b.append(details.company()).append('\n');
        }
        if (!details.invoiceNumber().isEmpty()) {
            b.append(msg(locale, "storefront.law.invoice"))
                    .append(": ")
                    .append(details.invoiceNumber())
                    .append('\n');
        }
        return b.toString();
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
