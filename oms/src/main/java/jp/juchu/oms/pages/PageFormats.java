package jp.juchu.oms.pages;

import java.time.temporal.TemporalAccessor;
import java.util.List;
import jp.juchu.oms.audit.AuditActions;
import jp.juchu.oms.orders.PaymentMethods;
import jp.juchu.oms.orders.TimeSlot;
import jp.juchu.oms.shipping.Carrier;
import jp.juchu.support.money.Money;
import jp.juchu.support.time.JapanTime;
import org.springframework.stereotype.Component;

/**
 * The one place pages format what they show, as {@code ${@fmt.yen(order.total)}}: money as 1,234円, dates as
 * yyyy/MM/dd and times in Japan time, and every stored code (payment method, carrier, time slot, audit action) by its
 * Japanese name, so that no English code reaches a Japanese screen.
 */
@Component("fmt")
public class PageFormats {

    private final JapanTime japanTime = new JapanTime();

    public String yen(Long amount) {
        return Money.yen(amount);
    }

    /** An amount without the unit: 1,234. */
    public String number(Long amount) {
        return amount == null ? "" : String.format("%,d", amount);
    }

    /** A day as yyyy/MM/dd (a time is taken in Japan time first). */
    public String date(TemporalAccessor time) {
        return time == null ? "" : japanTime.format(time, "yyyy/MM/dd");
    }

    /** A moment in Japan time as yyyy/MM/dd HH:mm. */
    public String time(TemporalAccessor time) {
        return japanTime.format(time, "yyyy/MM/dd HH:mm");
    }

    /** A moment in Japan time as yyyy/MM/dd HH:mm:ss. */
    public String seconds(TemporalAccessor time) {
        return japanTime.format(time, "yyyy/MM/dd HH:mm:ss");
    }

    public String payment(String code) {
        return PaymentMethods.labelOf(code);
    }

    public String carrier(String code) {
        return Carrier.labelOf(code);
    }

    public String timeSlot(String code) {
        return TimeSlot.labelOf(code);
    }

    /** Whether a stored slot code is one no list knows (a page then keeps it selectable as it is). */
    public boolean unknownTimeSlot(String code) {
        return code != null && !code.isBlank() && TimeSlot.ofCode(code).isEmpty();
    }

    public String auditAction(String code) {
        return AuditActions.labelOf(code);
    }

    /** A message of several lines as its lines. */
    public List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n"));
    }
}
