package jp.juchu.oms.mails;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.oms.mails.internal.MailKind;
import jp.juchu.oms.mails.internal.MailServer;
import jp.juchu.oms.mails.internal.MailServers;
import jp.juchu.oms.mails.internal.MailTemplates;
import jp.juchu.oms.mails.internal.TemplateDraft;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.Actor;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.OrderTracking;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders and templates for the mail tests, and a real SMTP server (GreenMail) on a free port that メール設定 points
 * at. The tests' templates are for the 受注登録 channel only and are switched off afterwards, so that no other test
 * sends a mail.
 */
final class MailFixture {

    static final Actor STAFF = Actor.person("メール担当", false);
    static final Actor ADMIN = Actor.person("admin", true);

    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    final String prefix = "M" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    final Orders orders;
    final OrderWorkflow workflow;
    final OrderTracking tracking;
    final MailTemplates templates;
    final MailServers servers;
    final JdbcClient jdbc;
    final long channel;

    MailFixture(
            Orders orders,
            OrderWorkflow workflow,
            OrderTracking tracking,
            MailTemplates templates,
            MailServers servers,
            MallConnections connections,
            JdbcClient jdbc) {
        this.orders = orders;
        this.workflow = workflow;
        this.tracking = tracking;
        this.templates = templates;
        this.servers = servers;
        this.jdbc = jdbc;
        this.channel = connections.ownChannel(Mall.MANUAL).id();
    }

    void start() {
        smtp.start();
        useSmtp(smtp.getSmtp().getPort());
    }

    /** Points メール設定 at a port: GreenMail's, or one nobody listens on. */
    void useSmtp(int port) {
        servers.save(
                new MailServer("127.0.0.1", port, null, false, "NONE", "shop@tea.example.jp", "テスト茶舗"),
                null,
                true,
                "test");
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    void switchOffTemplates() {
        jdbc.sql("update mail_template set active = false, auto_send = false, auto_since = null"
                        + " where connection_id = ?")
                .param(channel)
                .update();
    }

    void stop() {
        switchOffTemplates();
        jdbc.sql("delete from mail_server").update();
        smtp.stop();
    }

    /** A template for this channel; automatic on {@code trigger} when given. */
    long template(MailKind kind, String subject, String body, String trigger) {
        return templates.save(
                null,
                0,
                new TemplateDraft(
                        prefix + " " + kind.label(),
                        kind,
                        channel,
                        null,
                        null,
                        trigger,
                        kind == MailKind.FOLLOW_UP ? 1 : null,
                        trigger != null,
                        false,
                        subject,
                        body,
                        true),
                "test");
    }

    /**
     * A paid card order in the channel, to two destinations: 煎茶 ×2 (8 %) to Osaka with a delivery date and slot,
     * a mug (10 %) to Tokyo; 800円 shipping. Returns its id.
     */
    long order(String number, String email) {
        return order(number, email, "NotShipped");
    }

    /** The same order in the shop's shipping state given ({@code Shipped}: from the shop's history). */
    long order(String number, String email, String shopShippingStatus) {
        String serial = prefix + "-" + number;
        List<ShopOrder.Delivery> deliveries = List.of(
                new ShopOrder.Delivery(
                        1,
                        "佐藤 花子",
                        "サトウ ハナコ",
                        "06-1234-5678",
                        "530-0001",
                        "大阪府",
                        "大阪市北区梅田2-4-9",
                        "梅田ビル3F",
                        LocalDate.of(2026, 12, 24),
                        "From14To16",
                        false,
                        null,
                        800,
                        List.of(new ShopOrder.Item("tea-1", "100g", "煎茶", 1080, 2, 8)),
                        null,
                        null,
                        null),
                new ShopOrder.Delivery(
                        2,
                        "鈴木 一郎",
                        null,
                        "03-9876-5432",
                        "100-0001",
                        "東京都",
                        "千代田区千代田1-1",
                        null,
                        null,
                        null,
                        false,
                        null,
                        0,
                        List.of(new ShopOrder.Item("mug-1", null, "湯のみ", 330, 1, 10)),
                        null,
                        null,
                        null));
        ShopOrder order = new ShopOrder(
                serial,
                serial,
                OffsetDateTime.parse("2026-12-01T10:15:00+09:00"),
                OffsetDateTime.now(),
                "New",
                "Paid",
                shopShippingStatus,
                new ShopOrder.Buyer(
                        "山田 太郎", "ヤマダ タロウ", email, "090-1111-2222", "150-0001", "東京都", "渋谷区神宮前1-2-3", "原宿ハイツ101", null),
                "CreditCard",
                deliveries,
                new ShopOrder.Amounts(
                        2490,
                        800,
                        0,
                        0,
                        0,
                        0,
                        3290,
                        List.of(new ShopOrder.TaxLine(8, 2160, 160), new ShopOrder.TaxLine(10, 1130, 102))),
                "のし不要");
        orders.applyFromShop(channel, List.of(new IncomingOrder(order, "{}", serial)));
        return jdbc.sql("select id from oms_order where connection_id = ? and serial_code = ?")
                .params(channel, serial)
                .query(Long.class)
                .single();
    }

    /** 出荷待ち, then a Yamato number for destination 1 and a Sagawa one for 2: the order is 出荷済み. */
    void ship(long orderId) {
        workflow.move(orderId, "READY_TO_SHIP", STAFF, false);
        tracking.recordTracking(orderId, 1, "YAMATO", "1234-5678-9012", LocalDate.now(), false, STAFF);
        tracking.recordTracking(orderId, 2, "SAGAWA", "400012345678", LocalDate.now(), false, STAFF);
    }

    /** The messages the SMTP server received for this address. */
    List<MimeMessage> received(String to) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(to));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    static String body(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (Exception e) {
            return GreenMailUtil.getBody(message);
        }
    }

    /** Whether every event published about this order has been handled (the automatic mails' listeners ran). */
    boolean eventsHandled(long orderId) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null"
                                + " and serialized_event like ?")
                        .param("%\"orderId\":" + orderId + ",%")
                        .query(Long.class)
                        .single()
                == 0;
    }

    long mails(long orderId) {
        return jdbc.sql("select count(*) from mail_log where order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single();
    }
}
