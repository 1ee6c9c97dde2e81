package jp.juchu.oms.mails.internal;

/** A template as a person wrote it on the editor, before {@link MailTemplates#save} checks it. */
public record TemplateDraft(
        String name,
        MailKind kind,
        Long connectionId,
        String paymentMethod,
        String carrier,
        String triggerStatus,
        Integer followDays,
        boolean autoSend,
        boolean bccShop,
        String subject,
        String body,
        boolean active) {}
