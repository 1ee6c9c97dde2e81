package jp.juchu.oms.mails.internal;

import java.time.OffsetDateTime;

/** One mail as it was sent or tried (送信履歴): what went to whom, when, and how it ended. */
public record MailLogEntry(
        long id,
        long orderId,
        String orderNumber,
        Long templateId,
        String templateName,
        MailKind kind,
        String trigger,
        boolean once,
        String recipient,
        String bcc,
        String fromAddress,
        String fromName,
        String subject,
        String body,
        String state,
        int attempts,
        String lastError,
        String actor,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        OffsetDateTime updatedAt) {

    public boolean sent() {
        return "SENT".equals(state);
    }

    public boolean failed() {
        return "FAILED".equals(state);
    }

    public boolean queued() {
        return "QUEUED".equals(state);
    }

    /** The state in Japanese: 送信済み, 送信待ち (retrying after a failure: 再試行待ち), 送信失敗. */
    public String stateLabel() {
        return switch (state) {
            case "SENT" -> "送信済み";
            case "FAILED" -> "送信失敗";
            default -> attempts > 0 ? "再試行待ち" : "送信待ち";
        };
    }

    public String triggerLabel() {
        return switch (trigger) {
            case "AUTO" -> "自動";
            case "FOLLOW_UP" -> "自動 (フォロー)";
            case "RESEND" -> "再送";
            case "RULE" -> "自動処理";
            default -> "手動";
        };
    }
}
