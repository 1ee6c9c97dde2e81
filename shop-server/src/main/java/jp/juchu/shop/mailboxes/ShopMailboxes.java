package jp.juchu.shop.mailboxes;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.juchu.shop.mailboxes.internal.MailForwarder;
import jp.juchu.shop.mailboxes.internal.MailText;
import jp.juchu.shop.shops.Shops;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shops' mail addresses ({@code name@{shopId}.{domain}}) and their mailboxes. Every path goes through
 * here: the admin page adds and removes addresses and reads the mailbox; the SMTP server asks
 * {@link #accepts} for each recipient and hands each mail to {@link #deliver}.
 */
@Service
public class ShopMailboxes {

    private static final Logger log = LoggerFactory.getLogger(ShopMailboxes.class);
    public static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final MailboxesSettings settings;
    private final MailForwarder forwarder;
    private final Clock clock;

    ShopMailboxes(JdbcClient jdbc, MailboxesSettings settings, MailForwarder forwarder, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.forwarder = forwarder;
        this.clock = clock;
    }

    /** The shop's mail domain, e.g. {@code sptest18pj.shop.juchu.example}. */
    public String domain(String shopId) {
        return shopId + "." + settings.domain();
    }

    public List<ShopMailAddress> addresses(String shopId) {
        return jdbc.sql("select id, shop_id, local_part, forward_to, keep_in_mailbox, created_at from shop_mail_address"
                        + " where shop_id = ? order by local_part")
                .param(shopId)
                .query(ShopMailAddress.class)
                .list();
    }

    public Optional<ShopMailAddress> address(String shopId, long id) {
        return addresses(shopId).stream().filter(a -> a.id() == id).findFirst();
    }

    @Transactional
    public ShopMailAddress add(String shopId, String localPart, String forwardTo, boolean keepInMailbox) {
        String name = localPart == null ? "" : localPart.strip().toLowerCase(Locale.ROOT);
        if (!LOCAL_PART.matcher(name).matches() || name.contains("..") || name.endsWith(".")) {
            throw new MailRefused("localPart", "mailboxes.error.localPart");
        }
        String forward = forwardTo == null || forwardTo.isBlank() ? null : forwardTo.strip();
        if (forward != null) {
            if (forward.length() > 254 || !isAddress(forward)) {
                throw new MailRefused("forwardTo", "mailboxes.error.forwardTo");
            }
            String lower = forward.toLowerCase(Locale.ROOT);
            if (lower.endsWith("." + settings.domain()) || lower.endsWith("@" + settings.domain())) {
                throw new MailRefused("forwardTo", "mailboxes.error.forwardLoop");
            }
        }
        if (forward == null && !keepInMailbox) {
            throw new MailRefused("forwardTo", "mailboxes.error.nowhere");
        }
        jdbc.sql("select shop_id from shop where shop_id = ? for update")
                .param(shopId)
                .query()
                .listOfRows();
        List<ShopMailAddress> existing = addresses(shopId);
        if (existing.size() >= settings.maxAddresses()) {
            throw new MailRefused("localPart", "mailboxes.error.full");
        }
        if (existing.stream().anyMatch(a -> a.localPart().equals(name))) {
            throw new MailRefused("localPart", "mailboxes.error.taken");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql(
                        "insert into shop_mail_address (shop_id, local_part, forward_to, keep_in_mailbox, created_at)"
                                + " values (?, ?, ?, ?, ?) returning id")
                .params(shopId, name, forward, keepInMailbox, now)
                .query(Long.class)
                .single();
        return new ShopMailAddress(id, shopId, name, forward, keepInMailbox, now);
    }

    @Transactional
    public void remove(String shopId, long id) {
        jdbc.sql("delete from shop_mail_address where id = ? and shop_id = ?")
                .params(id, shopId)
                .update();
    }

    /** The messages of one of the shop's mailboxes, newest first, a page (from 0) of {@value #PAGE_SIZE}. */
    public List<MailMessage> messages(String shopId, long addressId, int page) {
        return jdbc.sql(
                        "select m.id, m.address_id, m.received_at, m.mail_from, m.subject, m.size_bytes, null as body_text"
                                + " from shop_mail_message m join shop_mail_address a on a.id = m.address_id"
                                + " where a.shop_id = ? and a.id = ? order by m.received_at desc, m.id desc limit ? offset ?")
                .params(shopId, addressId, PAGE_SIZE, (long) page * PAGE_SIZE)
                .query(MailMessage.class)
                .list();
    }

    public long count(String shopId, long addressId) {
        return jdbc.sql("select count(*) from shop_mail_message m join shop_mail_address a on a.id = m.address_id"
                        + " where a.shop_id = ? and a.id = ?")
                .params(shopId, addressId)
                .query(Long.class)
                .single();
    }

    public Optional<MailMessage> message(String shopId, long addressId, long messageId) {
        return jdbc.sql("select m.id, m.address_id, m.received_at, m.mail_from, m.subject, m.size_bytes, m.body_text"
                        + " from shop_mail_message m join shop_mail_address a on a.id = m.address_id"
                        + " where a.shop_id = ? and a.id = ? and m.id = ?")
                .params(shopId, addressId, messageId)
                .query(MailMessage.class)
                .optional();
    }

    /** Whether a recipient is one of the shops' addresses. */
    public boolean accepts(String recipient) {
        return find(recipient).isPresent();
    }

    /**
     * A mail has arrived for one of the shops' addresses: kept in its mailbox (the newest
     * {@code max-messages-per-mailbox} are kept) and/or forwarded.
     */
    @Transactional
    public void deliver(String from, String recipient, byte[] raw) {
        Optional<ShopMailAddress> found = find(recipient);
        if (found.isEmpty()) {
            return;
        }
        ShopMailAddress address = found.get();
        if (address.keepInMailbox()) {
            MailText text = MailText.of(raw);
            jdbc.sql(
                            "insert into shop_mail_message (address_id, received_at, mail_from, subject, body_text, size_bytes, raw)"
                                    + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            address.id(),
                            OffsetDateTime.now(clock),
                            bounded(from == null || from.isEmpty() ? text.from() : from, 320),
                            bounded(text.subject(), 500),
                            text.body(),
                            raw.length,
                            raw)
                    .update();
            jdbc.sql(
                            "delete from shop_mail_message where address_id = ? and id not in"
                                    + " (select id from shop_mail_message where address_id = ? order by received_at desc, id desc limit ?)")
                    .params(address.id(), address.id(), settings.maxMessagesPerMailbox())
                    .update();
        }
        if (address.forwardTo() != null) {
            forwarder.forward(raw, recipient, address.forwardTo());
        }
        log.info("Mail for {} delivered", address.localPart() + "@" + domain(address.shopId()));
    }

    private Optional<ShopMailAddress> find(String recipient) {
        if (recipient == null || recipient.length() > 254) {
            return Optional.empty();
        }
        String lower = recipient.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        String suffix = "." + settings.domain();
        if (at <= 0 || !lower.endsWith(suffix)) {
            return Optional.empty();
        }
        String shopId = lower.substring(at + 1, lower.length() - suffix.length());
        if (!Shops.SHOP_ID.matcher(shopId).matches()) {
            return Optional.empty();
        }
        String localPart = lower.substring(0, at);
        return addresses(shopId).stream()
                .filter(a -> a.localPart().equals(localPart))
                .findFirst();
    }

    private static boolean isAddress(String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            return address.getAddress().equals(value) && value.indexOf('@') > 0;
        } catch (AddressException e) {
            return false;
        }
    }

    private static String bounded(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
