package jp.juchu.oms.mails.internal;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;
import jp.juchu.oms.mails.MailsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Hands one mail to the SMTP server of メール設定 (plain text, UTF-8), or — with no server set, as in the demo —
 * writes it as an {@code .eml} file under {@code oms.mails.mail-dir}. Throws when the server refuses it or cannot
 * be reached; the caller retries. The password is never logged.
 */
@Component
class MailTransport {

    private static final Logger log = LoggerFactory.getLogger(MailTransport.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final MailServers servers;
    private final MailsSettings settings;
    private final Clock clock;

    MailTransport(MailServers servers, MailsSettings settings, Clock clock) {
        this.servers = servers;
        this.settings = settings;
        this.clock = clock;
    }

    /** A mail ready to go. */
    record Outgoing(long id, String to, String bcc, String fromAddress, String fromName, String subject, String body) {}

    /** A file sent with a mail. */
    record Attachment(String fileName, String contentType, byte[] content) {}

    void deliver(Outgoing mail) throws MessagingException, IOException {
        deliver(mail, null);
    }

    void deliver(Outgoing mail, Attachment attachment) throws MessagingException, IOException {
        MailServer server = servers.server();
        if (!server.configured()) {
            write(message(Session.getInstance(new Properties()), mail, attachment), mail.id());
            return;
        }
        JavaMailSenderImpl sender = sender(server);
        MimeMessage message = message(sender.getSession(), mail, attachment);
        sender.send(message);
    }

    /** Sends a test mail to {@code to} through the server as it is saved now. */
    void test(String to, String subject, String body) throws MessagingException, IOException {
        MailServer server = servers.server();
        deliver(new Outgoing(0, to, null, server.fromAddress(), server.fromName(), subject, body));
    }

    private MimeMessage message(Session session, Outgoing mail, Attachment attachment)
            throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(mail.fromAddress(), mail.fromName(), "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        if (mail.bcc() != null && !mail.bcc().isBlank()) {
            message.setRecipients(Message.RecipientType.BCC, InternetAddress.parse(mail.bcc(), true));
        }
        message.setSubject(mail.subject(), "UTF-8");
        if (attachment == null) {
            message.setText(mail.body(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.body(), "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(
                    new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
            file.setFileName(MimeUtility.encodeText(attachment.fileName(), "UTF-8", "B"));
            message.setContent(new MimeMultipart(text, file));
        }
        message.setSentDate(Date.from(clock.instant()));
        if (mail.id() > 0) {
            message.setHeader("X-Juchu-Mail", String.valueOf(mail.id()));
        }
        return message;
    }

    private JavaMailSenderImpl sender(MailServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setDefaultEncoding("UTF-8");
        Properties p = new Properties();
        String ms = String.valueOf(settings.timeout().toMillis());
        String prefix = "SSL".equals(server.security()) ? "mail.smtps." : "mail.smtp.";
        p.put(prefix + "connectiontimeout", ms);
        p.put(prefix + "timeout", ms);
        p.put(prefix + "writetimeout", ms);
        if ("SSL".equals(server.security())) {
            sender.setProtocol("smtps");
            p.put("mail.smtps.ssl.checkserveridentity", "true");
        } else if ("STARTTLS".equals(server.security())) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        if (server.username() != null && !server.username().isBlank()) {
            sender.setUsername(server.username());
            servers.password().ifPresent(sender::setPassword);
            p.put(prefix + "auth", "true");
        }
        sender.setJavaMailProperties(p);
        return sender;
    }

    private void write(MimeMessage message, long id) throws IOException, MessagingException {
        Path dir = settings.mailDir();
        Files.createDirectories(dir);
        Path file = dir.resolve(LocalDateTime.now(clock).format(FILE_TIME) + "-" + id + "-"
                + Long.toHexString(System.nanoTime()) + ".eml");
        message.saveChanges();
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        log.info("No SMTP server set (メール設定): mail {} written to {}", id, file.toAbsolutePath());
    }
}
