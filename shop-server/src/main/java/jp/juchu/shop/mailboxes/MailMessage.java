package jp.juchu.shop.mailboxes;

import java.time.OffsetDateTime;

/** A mail kept in a shop's mailbox; {@code bodyText} is its text, {@code null} in a list. */
public record MailMessage(
        long id,
        long addressId,
        OffsetDateTime receivedAt,
        String mailFrom,
        String subject,
        int sizeBytes,
        String bodyText) {}
