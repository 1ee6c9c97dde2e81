package jp.juchu.oms.mails;

import jp.juchu.oms.mails.internal.DocumentMails;
import jp.juchu.oms.mails.internal.MailSending;
import jp.juchu.oms.mails.internal.MailTemplates;
import jp.juchu.oms.orders.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order mails for other modules (an automatic rule's "send a mail" action): sends a template to an order's buyer,
 * once per order and template — asking again changes nothing. The mail is kept in the send log and retried there.
 */
@Service
public class Mails {

    /** What asking for the mail did: {@code queued} when it is on its way; else why not, in Japanese. */
    public record Sent(boolean queued, String message) {}

    private final MailTemplates templates;
    private final MailSending sending;
    private final DocumentMails documents;

    Mails(MailTemplates templates, MailSending sending, DocumentMails documents) {
        this.templates = templates;
        this.sending = sending;
        this.documents = documents;
    }

    /**
     * Sends a document (a 発注書) with its PDF attached to a business partner at once, through メール設定's server (or
     * as an {@code .eml} file under {@code oms.mails.mail-dir} without one).
     *
     * @return {@code queued} true when it went out; else why not, in Japanese
     */
    public Sent sendDocument(String to, String fromName, String subject, String body, String fileName, byte[] pdf) {
        String problem = documents.send(to, fromName, subject, body, fileName, pdf);
        return problem == null ? new Sent(true, "送信しました") : new Sent(false, problem);
    }

    /** The active templates a rule may send, by id, with their names. */
    public java.util.Map<Long, String> templates() {
        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
        templates.active().forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    @Transactional
    public Sent send(long orderId, long templateId, Actor actor) {
        return templates
                .find(templateId)
                .map(t -> sending.send(
                        orderId,
                        t,
                        actor.isPerson() ? MailSending.Trigger.MANUAL : MailSending.Trigger.RULE,
                        actor.name()))
                .map(outcome -> new Sent(outcome.queued(), outcome.message()))
                .orElseGet(() -> new Sent(false, "メールテンプレートが見つかりません: " + templateId));
    }
}
