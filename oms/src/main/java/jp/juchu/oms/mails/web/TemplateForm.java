package jp.juchu.oms.mails.web;

import jp.juchu.oms.mails.internal.MailKind;
import jp.juchu.oms.mails.internal.MailTemplate;
import jp.juchu.oms.mails.internal.TemplateDraft;

/** The template editor's fields as posted; {@code MailTemplates.save} checks them all. */
record TemplateForm(
        String name,
        String kind,
        Long connectionId,
        String paymentMethod,
        String carrier,
        String triggerStatus,
        Integer followDays,
        Boolean autoSend,
        Boolean bccShop,
        String subject,
        String body,
        Boolean active,
        Long version) {

    /** A box not ticked is not posted: false. */
    TemplateForm {
        autoSend = Boolean.TRUE.equals(autoSend);
        bccShop = Boolean.TRUE.equals(bccShop);
        active = Boolean.TRUE.equals(active);
        version = version == null ? 0L : version;
    }

    static TemplateForm of(MailTemplate t) {
        return new TemplateForm(
                t.name(),
                t.kind().name(),
                t.connectionId(),
                t.paymentMethod(),
                t.carrier(),
                t.triggerStatus(),
                t.followDays(),
                t.autoSend(),
                t.bccShop(),
                t.subject(),
                t.body(),
                t.active(),
                t.version());
    }

    static TemplateForm blank(MailKind kind) {
        return new TemplateForm(
                "",
                kind.name(),
                null,
                null,
                null,
                null,
                kind == MailKind.FOLLOW_UP ? 7 : null,
                false,
                false,
                "",
                "",
                true,
                0L);
    }

    TemplateDraft draft() {
        MailKind k = null;
        for (MailKind candidate : MailKind.values()) {
            if (candidate.name().equals(kind)) {
                k = candidate;
            }
        }
        return new TemplateDraft(
                name,
                k,
                connectionId,
                paymentMethod,
                carrier,
                triggerStatus,
                followDays,
                autoSend,
                bccShop,
                subject,
                body,
                active);
    }
}
