package jp.juchu.oms.mails;

import jp.juchu.oms.mails.internal.DocumentMails;
import jp.juchu.oms.mails.internal.InputRefused;
import jp.juchu.oms.mails.internal.MailSending;
import jp.juchu.oms.mails.internal.MailTemplate;
import jp.juchu.oms.mails.internal.MailTemplates;
import jp.juchu.oms.mails.internal.TemplateDraft;
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

    /** A template that can send automatically, as オプション設定 lists it. */
    public record Automatic(long id, String name, String trigger, boolean autoSend) {}

    /** The active templates with a trigger status (those that can send automatically). */
    public java.util.List<Automatic> automatic() {
        return templates.active().stream()
                .filter(t -> t.triggerStatus() != null)
                .map(t -> new Automatic(t.id(), t.name(), t.triggerStatus(), t.autoSend()))
                .toList();
    }

    /**
     * Switches a template's automatic sending on or off, saving it as the template editor does (so only orders
     * imported after it was switched on are mailed).
     *
     * @throws IllegalArgumentException when there is no such template or it cannot send automatically
     */
    @Transactional
    public void setAutoSend(long templateId, boolean on, String actor) {
        MailTemplate t = templates
                .find(templateId)
                .filter(MailTemplate::active)
                .orElseThrow(() -> new IllegalArgumentException("メールテンプレートが見つかりません: " + templateId));
        if (t.autoSend() == on) {
            return;
        }
        try {
            templates.save(
                    t.id(),
                    t.version(),
                    new TemplateDraft(
                            t.name(),
                            t.kind(),
                            t.connectionId(),
                            t.paymentMethod(),
                            t.carrier(),
                            t.triggerStatus(),
                            t.followDays(),
                            on,
                            t.bccShop(),
                            t.subject(),
                            t.body(),
                            t.active()),
                    actor);
        } catch (InputRefused e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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
