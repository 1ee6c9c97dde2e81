package jp.juchu.shop.mailboxes.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import jp.juchu.shop.mailboxes.MailboxesSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Forwards a received mail, as it came, to the address's external address through the SMTP relay
 * ({@code spring.mail.host}); with no relay configured (the demo) it is written as an {@code .eml} file
 * under {@code shop.mailboxes.forward-dir}. A failure is logged: the mail is already accepted.
 */
@Component
public class MailForwarder {

    private static final Logger log = LoggerFactory.getLogger(MailForwarder.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final String host;
    private final MailboxesSettings settings;

    MailForwarder(
            ObjectProvider<JavaMailSender> senders,
            @Value("${spring.mail.host:}") String host,
            MailboxesSettings settings) {
        this.senders = senders;
        this.host = host;
        this.settings = settings;
    }

    public void forward(byte[] raw, String shopAddress, String forwardTo) {
        try {
            JavaMailSender sender = host.isBlank() ? null : senders.getIfAvailable();
            Session session = Session.getInstance(new Properties());
            MimeMessage message = sender != null
                    ? new MimeMessage(sender.createMimeMessage().getSession(), new ByteArrayInputStream(raw))
                    : new MimeMessage(session, new ByteArrayInputStream(raw));
            message.removeHeader("Bcc");
            message.setHeader("X-Forwarded-To", forwardTo);
            message.setHeader("X-Forwarded-For", shopAddress);
            message.setRecipients(Message.RecipientType.TO, new InternetAddress[] {new InternetAddress(forwardTo)});
            message.removeHeader("Cc");
            if (sender != null) {
                sender.send(message);
            } else {
                write(message);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Could not forward a mail for {}: {}", shopAddress, e.toString());
        }
    }

    private void write(MimeMessage message) throws IOException, MessagingException {
        Path dir = settings.forwardDir();
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(dir.resolve(UUID.randomUUID() + ".eml"))) {
            message.writeTo(out);
        }
    }
}
