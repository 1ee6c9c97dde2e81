package jp.juchu.shop.mailboxes;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param domain the platform's mail domain; a shop's addresses are {@code name@{shopId}.{domain}}
 * @param smtp the SMTP server that receives the shops' mail
 * @param maxAddresses addresses per shop
 * @param maxMessagesPerMailbox the newest this many messages are kept in a mailbox
 * @param forwardDir where forwarded mails are written as {@code .eml} files when no SMTP relay
 *     ({@code spring.mail.host}) is configured (the demo)
 */
@ConfigurationProperties("shop.mailboxes")
public record MailboxesSettings(
        @DefaultValue("shop.juchu.example") String domain,
        @DefaultValue Smtp smtp,
        @DefaultValue("10") int maxAddresses,
        @DefaultValue("1000") int maxMessagesPerMailbox,
        @DefaultValue("./data/mail/forwarded") Path forwardDir) {

    /**
     * @param enabled run the embedded SMTP server (the demo, or production behind the real MX relaying to it)
     * @param port its port; 0 picks a free one (tests)
     * @param bindAddress the address it listens on
     * @param maxMessageBytes larger messages are refused
     */
    public record Smtp(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2525") int port,
            @DefaultValue("127.0.0.1") String bindAddress,
            @DefaultValue("5000000") int maxMessageBytes) {}
}
