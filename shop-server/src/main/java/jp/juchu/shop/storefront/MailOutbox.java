package jp.juchu.shop.storefront;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the storefront's mails through SMTP ({@code spring.mail.host}); with no host configured (the
 * demo) each mail is written as an {@code .eml} file under {@code shop.storefront.mail-dir}.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ObjectProvider<JavaMailSender> senders;
    private final String host;
    private final StorefrontSettings settings;
    private final Clock clock;

    MailOutbox(
            ObjectProvider<JavaMailSender> senders,
            @Value("${spring.mail.host:}") String host,
            StorefrontSettings settings,
            Clock clock) {
        this.senders = senders;
        this.host = host;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends a plain-text mail; a failure is logged, never thrown: the order is already placed. */
    void send(String to, String fromName, String subject, String body) {
        try {
            JavaMailSender sender = host.isBlank() ? null : senders.getIfAvailable();
            MimeMessage message = sender != null
                    ? sender.createMimeMessage()
                    : new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(settings.mailFrom(), fromName, "UTF-8"));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            if (sender != null) {
                sender.send(message);
            } else {
                write(message);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Could not send the mail \"{}\": {}", subject, e.toString());
        }
    }

    private void write(MimeMessage message) throws IOException, MessagingException {
        Path dir = settings.mailDir();
        Files.createDirectories(dir);
        Path file = dir.resolve(LocalDateTime.now(clock).format(FILE_TIME) + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.saveChanges();
            message.writeTo(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        log.info("No SMTP host configured: mail written to {}", file.toAbsolutePath());
    }
}
