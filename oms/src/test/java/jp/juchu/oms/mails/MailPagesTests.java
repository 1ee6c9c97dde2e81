package jp.juchu.oms.mails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import jp.juchu.oms.mails.internal.MailKind;
import jp.juchu.oms.mails.internal.MailServers;
import jp.juchu.oms.mails.internal.MailTemplates;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.OrderTracking;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The mail pages: the order page's panel, bulk sending, the send log, templates, メール設定 — with no SMTP server (.eml). */
@SpringBootTest
@AutoConfigureMockMvc
class MailPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Orders orders;

    @Autowired
    OrderWorkflow workflow;

    @Autowired
    OrderTracking tracking;

    @Autowired
    MailTemplates templates;

    @Autowired
    MailServers servers;

    @Autowired
    MallConnections connections;

    @Autowired
    MailsSettings settings;

    @Autowired
    JdbcClient jdbc;

    MailFixture f;

    @BeforeEach
    void noSmtpServer() {
        f = new MailFixture(orders, workflow, tracking, templates, servers, connections, jdbc);
        jdbc.sql("delete from mail_server").update();
    }

    @AfterEach
    void switchOffTemplates() {
        f.switchOffTemplates();
    }

    @Test
    void aPersonSendsFromTheOrderPageAndTheMailIsWrittenAsEmlWithoutSmtp() throws Exception {
        long template = f.template(MailKind.FREE, "お知らせ {{order.number}}", "{{buyer.name}} 様\nご連絡です", null);
        long order = f.order("PAGE", "page-" + f.prefix + "@buyer.example.jp");

        mvc.perform(get("/orders/" + order).with(user("staff").roles("STAFF")))
                .andExpect(content().string(containsString("data-testid=\"mail-panel-slot\"")));
        mvc.perform(get("/mails/orders/" + order).with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"mail-send-form\"")))
                .andExpect(content().string(containsString("data-testid=\"mail-log-empty\"")));
        mvc.perform(post("/mails/orders/" + order + "/send")
                        .param("template", String.valueOf(template))
                        .header("HX-Request", "true")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"mail-result\"")))
                .andExpect(content().string(containsString("data-testid=\"mail-log-row\"")))
                .andExpect(content().string(containsString(f.prefix + " 自由 (送信済み)")));

        long logId = jdbc.sql("select id from mail_log where order_id = ?")
                .param(order)
                .query(Long.class)
                .single();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "SENT"
                        .equals(jdbc.sql("select state from mail_log where id = ?")
                                .param(logId)
                                .query(String.class)
                                .single()));
        try (Stream<Path> files = Files.list(settings.mailDir())) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("-" + logId + "-"))
                            .map(p -> read(p))
                            .filter(text -> text.contains("X-Juchu-Mail: " + logId)
                                    && text.contains("To: page-" + f.prefix + "@buyer.example.jp")))
                    .singleElement()
                    .satisfies(text -> assertThat(text).contains("charset=UTF-8"));
        }

        mvc.perform(get("/mails/" + logId).with(user("viewer").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("山田 太郎 様")))
                .andExpect(content().string(containsString("送信済み")));
        mvc.perform(get("/mails")
                        .param("order", f.prefix + "-PAGE")
                        .with(user("staff").roles("STAFF")))
                .andExpect(content().string(containsString("お知らせ " + f.prefix + "-PAGE")));
        // the same template again by hand: refused, named, nothing sent
        mvc.perform(post("/mails/orders/" + order + "/send")
                        .param("template", String.valueOf(template))
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", containsString("送信済みです")));
        assertThat(f.mails(order)).isEqualTo(1);
    }

    @Test
    void bulkSendingAsksForConfirmationThenSendsEachAndNamesTheOrdersItSkipped() throws Exception {
        long template = f.template(MailKind.FREE, "ご案内 {{order.number}}", "{{buyer.name}} 様", null);
        long ok = f.order("BULK1", "bulk-" + f.prefix + "@buyer.example.jp");
        long noAddress = f.order("BULK2", "");

        mvc.perform(post("/mails/selection")
                        .param("order", String.valueOf(ok), String.valueOf(noAddress))
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"mail-selection-form\"")))
                .andExpect(content().string(containsString("メールアドレスがないため送れません")));
        mvc.perform(post("/mails/send")
                        .param("order", String.valueOf(ok), String.valueOf(noAddress))
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(content().string(containsString("テンプレートを選んでください")));
        mvc.perform(post("/mails/send")
                        .param("order", String.valueOf(ok), String.valueOf(noAddress))
                        .param("template", String.valueOf(template))
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("を 1 件送信します")))
                .andExpect(content().string(containsString(f.prefix + "-BULK2: 購入者のメールアドレスがありません")));
        assertThat(f.mails(ok)).isEqualTo(1);
        assertThat(f.mails(noAddress)).isZero();
    }

    @Test
    void anEmptyOrderInTheSelectionIsSkippedNotAServerError() throws Exception {
        long ok = f.order("BULK3", "bulk3-" + f.prefix + "@buyer.example.jp");
        mvc.perform(post("/mails/selection")
                        .param("order", String.valueOf(ok), "")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"mail-selection-form\"")));
        mvc.perform(post("/mails/send")
                        .param("order", "")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "受注を選んでください"));
    }

    @Test
    void aSenderNameWithALineBreakIsRefused() throws Exception {
        mvc.perform(post("/settings/mail")
                        .param("host", "")
                        .param("fromAddress", "shop@example.jp")
                        .param("fromName", "店舗\rBcc: someone@example.jp")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("problems", org.hamcrest.Matchers.hasItem("送信者名: 改行なしの100文字までです")));
        long shop = connections.channels().get(0).id();
        mvc.perform(post("/settings/mail/shops/" + shop)
                        .param("shopName", "店舗\r\nBcc: someone@example.jp")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("problems", org.hamcrest.Matchers.hasItem("店舗名: 改行なしの100文字までです")));
        assertThat(servers.shop(shop)
                        .map(jp.juchu.oms.mails.internal.ShopSender::shopName)
                        .orElse(""))
                .doesNotContain("Bcc");
    }

    @Test
    void aViewerCannotSend() throws Exception {
        mvc.perform(post("/mails/selection")
                        .param("order", "1")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTemplateEditorRefusesAnUnknownVariableNamingItAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(get("/settings/mail-templates").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("発送連絡メール")));
        mvc.perform(get("/settings/mail-templates/new")
                        .param("kind", "SHIPPING")
                        .with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("{{tracking.urls}}")));
        mvc.perform(post("/settings/mail-templates")
                        .param("name", "誤りのあるテンプレート")
                        .param("kind", "SHIPPING")
                        .param("subject", "発送 {{order.no}}")
                        .param("body", "{{buyer.name}} 様 本文はそのまま残ります")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("件名: 使えない変数 {{order.no}} があります")))
                .andExpect(content().string(containsString("本文はそのまま残ります")));
        mvc.perform(post("/settings/mail-templates")
                        .param("name", "スタッフ")
                        .param("kind", "FREE")
                        .param("subject", "件名")
                        .param("body", "本文")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePreviewRendersTheTemplateOnARealOrder() throws Exception {
        f.order("PREVIEW", "preview-" + f.prefix + "@buyer.example.jp");
        mvc.perform(post("/settings/mail-templates/preview")
                        .param("subject", "発送 {{order.number}}")
                        .param("body", "{{buyer.name}} 様\n{{amount.total}}")
                        .param("orderNumber", f.prefix + "-PREVIEW")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("発送 " + f.prefix + "-PREVIEW")))
                .andExpect(content().string(containsString("山田 太郎 様")))
                .andExpect(content().string(containsString("3,290円")));
        mvc.perform(post("/settings/mail-templates/preview")
                        .param("subject", "{{nope}}")
                        .param("body", "x")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(content().string(containsString("{{nope}}")));
    }

    @Test
    void theSmtpPasswordIsStoredSealedAndNeverShown() throws Exception {
        mvc.perform(post("/settings/mail")
                        .param("host", "smtp.example.jp")
                        .param("port", "587")
                        .param("security", "STARTTLS")
                        .param("username", "shop@example.jp")
                        .param("password", "s3cret-Passw0rd")
                        .param("fromAddress", "shop@example.jp")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "メール設定を保存しました"));
        String stored = jdbc.sql("select password_sealed from mail_server where id = 1")
                .query(String.class)
                .single();
        assertThat(stored).isNotBlank().doesNotContain("s3cret");
        mvc.perform(get("/settings/mail").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(not(containsString("s3cret"))))
                .andExpect(content().string(containsString("保存済み (変えるときだけ入力)")));
        mvc.perform(post("/settings/mail")
                        .param("host", "smtp example")
                        .param("port", "70000")
                        .param("security", "X")
                        .param("fromAddress", "nope")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "problems",
                                org.hamcrest.Matchers.hasItems(
                                        "SMTPサーバー: ホスト名かIPアドレスを入力してください",
                                        "ポート: 1〜65535で入力してください",
                                        "暗号化: なし・STARTTLS・SSL/TLSから選んでください",
                                        "送信元メールアドレス: メールアドレスの形で入力してください")));
        assertThat(servers.server().host()).isEqualTo("smtp.example.jp");
        jdbc.sql("delete from mail_server").update();
    }

    @Test
    void theSettingsListLinksToMailSettingsAndTemplates() throws Exception {
        mvc.perform(get("/settings").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("data-testid=\"settings-mail\"")))
                .andExpect(content().string(containsString("data-testid=\"settings-mail-templates\"")));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
