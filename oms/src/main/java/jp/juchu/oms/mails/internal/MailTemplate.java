package jp.juchu.oms.mails.internal;

import java.time.OffsetDateTime;

/**
 * A mail template (メールテンプレート): a subject and a plain-text body with {@code {{variables}}}, for every shop or one,
 * for orders of one payment method or carrier or any, sent by hand or automatically when an order enters
 * {@code triggerStatus} (a follow-up {@code followDays} later).
 *
 * @param connectionId the shop it is for, null for every shop
 * @param autoSince when automatic sending was switched on: orders imported before it are never mailed automatically
 * @param bccShop a copy of each mail goes to the shop's own address
 */
public record MailTemplate(
        long id,
        String name,
        MailKind kind,
        Long connectionId,
        String paymentMethod,
        String carrier,
        String triggerStatus,
        Integer followDays,
        boolean autoSend,
        OffsetDateTime autoSince,
        boolean bccShop,
        String subject,
        String body,
        boolean active,
        long version,
        OffsetDateTime updatedAt) {

    /** How specific its filters are: a shop's own template wins over a shared one, and so on. */
    int specificity() {
        return (connectionId != null ? 4 : 0) + (paymentMethod != null ? 2 : 0) + (carrier != null ? 1 : 0);
    }
}
