package jp.juchu.shop.mailboxes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.mailboxes.internal.InboundSmtpServer;
import jp.juchu.shop.shops.Shops;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Mail to a shop's address over real SMTP: kept in its mailbox (店舗メールをみる) and forwarded through the
 * relay, here a GreenMail server standing in for the provider's SMTP.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ShopMailTests {

    static final GreenMail relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        relay.start();
    }

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> relay.getSmtp().getPort());
    }

    @AfterAll
    static void stopRelay() {
        relay.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    ShopMailboxes mailboxes;

    @Autowired
    InboundSmtpServer smtp;

    String shopId;
    RequestPostProcessor merchant;

    @BeforeEach
    void newShop() {
        shopId = "mail" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "メールテスト店", "pass-" + shopId);
        merchant = user(shopId).roles("MERCHANT");
    }

    void send(String to, String subject, String body) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("buyer@example.jp"));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        Transport.send(message);
    }

    Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(merchant))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aMailToAShopAddressArrivesInItsMailboxAndIsForwarded() throws Exception {
        mvc.perform(post("/admin/server/mail")
                        .with(merchant)
                        .with(csrf())
                        .param("localPart", "info")
                        .param("forwardTo", "owner@example.jp")
                        .param("keepInMailbox", "true"))
                .andExpect(status().is3xxRedirection());
        ShopMailAddress info = mailboxes.addresses(shopId).get(0);

        send("info@" + mailboxes.domain(shopId), "商品の在庫について", "新茶の入荷はいつですか。");

        Document inbox = page("/admin/server/mail/" + info.id() + "/inbox");
        assertThat(inbox.select("[data-testid=inbox-row]").text()).contains("商品の在庫について", "buyer@example.jp");
        String messageUrl = inbox.select("[data-testid=inbox-subject]").attr("href");
        assertThat(page(messageUrl).select("[data-testid=message-body]").text()).contains("新茶の入荷はいつですか。");

        assertThat(relay.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage forwarded = relay.getReceivedMessages()[0];
        assertThat(forwarded.getAllRecipients()[0].toString()).isEqualTo("owner@example.jp");
        assertThat(forwarded.getSubject()).isEqualTo("商品の在庫について");
    }

    @Test
    void mailToAnAddressThatIsNotAShopsIsRefused() throws Exception {
        mailboxes.add(shopId, "info", null, true);
        assertThatThrownBy(() -> send("nobody@" + mailboxes.domain(shopId), "x", "x"))
                .isInstanceOf(MessagingException.class);
        assertThatThrownBy(() -> send("someone@example.com", "relay?", "x")).isInstanceOf(MessagingException.class);
        assertThat(mailboxes.count(shopId, mailboxes.addresses(shopId).get(0).id()))
                .isZero();
    }

    @Test
    void anotherShopsMailboxIsNotFound() throws Exception {
        ShopMailAddress theirs = mailboxes.add(shopId, "support", null, true);
        send("support@" + mailboxes.domain(shopId), "私信", "秘密");
        long messageId = mailboxes.messages(shopId, theirs.id(), 0).get(0).id();
        String other = "oth" + shopId.substring(4);
        shops.open(other, "となり", "pass-" + other);
        RequestPostProcessor intruder = user(other).roles("MERCHANT");
        mvc.perform(get("/admin/server/mail/" + theirs.id() + "/inbox").with(intruder))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/server/mail/" + theirs.id() + "/inbox/" + messageId)
                        .with(intruder))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/server/mail/" + theirs.id() + "/delete")
                .with(intruder)
                .with(csrf()));
        assertThat(mailboxes.addresses(shopId)).hasSize(1);
    }

    @Test
    void badAddressFormsGetJapaneseFieldErrors() throws Exception {
        assertThat(postForm("localPart", "INFO@", "forwardTo", "", "keepInMailbox", "true")
                        .select("[data-testid=mail-local-part-error]")
                        .text())
                .contains("英小文字");
        assertThat(postForm("localPart", "info", "forwardTo", "not an address", "keepInMailbox", "true")
                        .select("[data-testid=mail-forward-to-error]")
                        .text())
                .contains("正しいメールアドレス");
        assertThat(postForm("localPart", "info", "forwardTo", "", "keepInMailbox", "false")
                        .select("[data-testid=mail-forward-to-error]")
                        .text())
                .contains("メールボックスに保存する");
        assertThat(postForm("localPart", "info", "forwardTo", "loop@x." + "shop.juchu.example")
                        .select("[data-testid=mail-forward-to-error]")
                        .text())
                .contains("指定できません");
        assertThat(mailboxes.addresses(shopId)).isEmpty();
    }

    Document postForm(String... fields) throws Exception {
        var request = post("/admin/server/mail").with(merchant).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request = request.param(fields[i], fields[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
