package jp.juchu.oms.mails.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import jp.juchu.oms.orders.OrderLimits;
import org.springframework.stereotype.Service;

/**
 * A document (a 発注書, say) sent at once to a business partner with its PDF attached, through the same server as
 * the order mails — or written as an {@code .eml} file when no server is set. Not kept in the order mails' log: the
 * document records its own sending.
 */
@Service
public class DocumentMails {

    private final MailTransport transport;
    private final MailServers servers;

    DocumentMails(MailTransport transport, MailServers servers) {
        this.transport = transport;
        this.servers = servers;
    }

    /**
     * @return null when sent, else why not in Japanese (an address the mail cannot go to, the server's refusal)
     */
    public String send(String to, String fromName, String subject, String body, String fileName, byte[] attachment) {
        if (to == null || !OrderLimits.isEmail(to.strip())) {
            return "送信先のメールアドレスがメールアドレスの形ではありません";
        }
        try {
            new InternetAddress(to.strip(), true).validate();
        } catch (AddressException e) {
            return "送信先のメールアドレス「" + to.strip() + "」には送れません";
        }
        MailServer server = servers.server();
        String name = server.fromName() != null && !server.fromName().isBlank() ? server.fromName() : fromName;
        try {
            transport.deliver(
                    new MailTransport.Outgoing(0, to.strip(), null, server.fromAddress(), name, subject, body),
                    new MailTransport.Attachment(fileName, "application/pdf", attachment));
            return null;
        } catch (MessagingException | IOException | RuntimeException e) {
            return "メールを送れませんでした: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
    }
}
