package jp.juchu.shop.mailboxes.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import jp.juchu.shop.mailboxes.MailboxesSettings;
import jp.juchu.shop.mailboxes.ShopMailboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.TooMuchDataException;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP server that receives the shops' mail (SubEthaSMTP, embedded). A recipient that is not one of
 * the shops' addresses is refused at {@code RCPT TO}, so it relays nothing; a message larger than
 * {@code shop.mailboxes.smtp.max-message-bytes} is refused.
 */
@Component
public class InboundSmtpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundSmtpServer.class);

    private final MailboxesSettings settings;
    private final ShopMailboxes mailboxes;
    private SMTPServer server;

    InboundSmtpServer(MailboxesSettings settings, ShopMailboxes mailboxes) {
        this.settings = settings;
        this.mailboxes = mailboxes;
    }

    @Override
    public synchronized void start() {
        MailboxesSettings.Smtp smtp = settings.smtp();
        if (!smtp.enabled() || server != null) {
            return;
        }
        int max = smtp.maxMessageBytes();
        try {
            server = SMTPServer.port(smtp.port())
                    .bindAddress(InetAddress.getByName(smtp.bindAddress()))
                    .hostName("mail." + settings.domain())
                    .softwareName("juchu shop mail")
                    .maxMessageSize(max)
                    .maxRecipients(20)
                    .maxConnections(100)
                    .connectionTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                    .simpleMessageListener(new SimpleMessageListener() {
                        @Override
                        public boolean accept(String from, String recipient) {
                            return mailboxes.accepts(recipient);
                        }

                        @Override
                        public void deliver(String from, String recipient, InputStream data)
                                throws TooMuchDataException, IOException {
                            byte[] raw = data.readNBytes(max + 1);
                            if (raw.length > max) {
                                throw new TooMuchDataException("The message is larger than " + max + " bytes");
                            }
                            mailboxes.deliver(from, recipient, raw);
                        }
                    })
                    .build();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Unknown SMTP bind address " + smtp.bindAddress(), e);
        }
        server.start();
        log.info("Shop mail SMTP server listening on {}:{}", smtp.bindAddress(), port());
    }

    /** The port it listens on (the free port picked when configured as 0). */
    public synchronized int port() {
        return server == null ? -1 : server.getPortAllocated();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }
}
