package jp.juchu.shop.mailboxes.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

/** What the admin shows of a mail: sender, subject and its text (the plain part, or the HTML without tags). */
public record MailText(String from, String subject, String body) {

    private static final int MAX_BODY = 100_000;
    private static final int MAX_DEPTH = 5;

    public static MailText of(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            String from = message.getFrom() == null || message.getFrom().length == 0
                    ? ""
                    : message.getFrom()[0] instanceof InternetAddress a
                            ? a.toUnicodeString()
                            : message.getFrom()[0].toString();
            String subject = message.getSubject() == null ? "" : MimeUtility.unfold(message.getSubject());
            String body = text(message, 0);
            return new MailText(from, subject, bound(body == null ? "" : body));
        } catch (MessagingException | IOException | RuntimeException e) {
            return new MailText(
                    "", "(解析できないメール)", bound(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)));
        }
    }

    private static String text(Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("text/html")) {
            return part.getContent()
                    .toString()
                    .replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", "")
                    .replaceAll("<[^>]+>", "");
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            String html = null;
            for (int i = 0; i < Math.min(multipart.getCount(), 20); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/plain")) {
                    return child.getContent().toString();
                }
                if (html == null) {
                    html = text(child, depth + 1);
                }
            }
            return html;
        }
        return null;
    }

    private static String bound(String text) {
        return text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text;
    }
}
