package jp.juchu.oms.mails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import jp.juchu.oms.mails.internal.InputRefused;
import jp.juchu.oms.mails.internal.MailKind;
import jp.juchu.oms.mails.internal.MailServers;
import jp.juchu.oms.mails.internal.MailTemplates;
import jp.juchu.oms.mails.internal.ShopSender;
import jp.juchu.oms.mails.internal.TemplateDraft;
import jp.juchu.oms.mails.internal.TemplateText;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.OrderTracking;
import jp.juchu.oms.orders.OrderWorkflow;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Order mails through a real SMTP server (GreenMail), read back as the buyer's mail server received them. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderMailTests {

    static final Duration WAIT = Duration.ofSeconds(30);

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
    ContractorInfo contractor;

    @Autowired
    Mails mails;

    @Autowired
    JdbcClient jdbc;

    MailFixture f;

    @BeforeAll
    void startSmtp() {
        f = new MailFixture(orders, workflow, tracking, templates, servers, connections, jdbc);
        f.start();
        contractor.save(new Contractor(
                "株式会社テスト茶園", "山本 一郎", "420-0001", "静岡県", "静岡市葵区1-1", "054-000-1111", "info@tea.example.jp"));
        servers.saveShop(
                new ShopSender(
                        f.channel, "テスト茶舗", "shop@tea.example.jp", "https://tea.example.jp/", "054-000-2222", null),
                "test");
    }

    /** Each test's automatic templates stop with it, so that the next test's orders meet only its own. */
    @AfterEach
    void switchOffTemplates() {
        f.switchOffTemplates();
    }

    @AfterAll
    void stopSmtp() {
        f.stop();
    }

    @Test
    void everyVariableRendersInTheMailTheServerReceives() throws Exception {
        String body = TemplateText.VARIABLES.stream()
                .map(v -> v.name() + "=" + v.tag())
                .collect(Collectors.joining("\n"));
        long template = f.template(MailKind.SHIPPING, "【{{shop.name}}】発送 {{order.number}}", body, null);
        long order = f.order("ALL", "all-" + f.prefix + "@buyer.example.jp");
        f.ship(order);

        assertThat(mails.send(order, template, MailFixture.STAFF).queued()).isTrue();

        String to = "all-" + f.prefix + "@buyer.example.jp";
        await().atMost(WAIT).until(() -> f.received(to).size() == 1);
        MimeMessage message = f.received(to).get(0);
        assertThat(message.getSubject()).isEqualTo("【テスト茶舗】発送 " + f.prefix + "-ALL");
        assertThat(message.getContentType()).contains("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(message.getFrom()[0].toString()).contains("shop@tea.example.jp");
        String text = MailFixture.body(message).replace("\r\n", "\n");
        assertThat(text).doesNotContain("{{");
        assertThat(text)
                .contains("order.number=" + f.prefix + "-ALL")
                .contains("order.date=2026/12/01 10:15")
                .contains("order.status=出荷済み")
                .contains("order.remarks=のし不要")
                .contains("payment.method=クレジットカード")
                .contains("buyer.name=山田 太郎")
                .contains("buyer.kana=ヤマダ タロウ")
                .contains("buyer.email=" + to)
                .contains("buyer.phone=090-1111-2222")
                .contains("buyer.postal=150-0001")
                .contains("buyer.address=東京都渋谷区神宮前1-2-3 原宿ハイツ101")
                .contains("[お届け先1]\n煎茶 (100g) ※  1,080円 × 2 = 2,160円")
                .contains("[お届け先2]\n湯のみ  330円 × 1 = 330円")
                .contains("※は軽減税率 (8%) 対象商品です")
                .contains("amount.items=2,490円")
                .contains("amount.shipping=800円")
                .contains("amount.cod=0円")
                .contains("amount.wrapping=0円")
                .contains("amount.coupon=0円")
                .contains("amount.points=0円")
                .contains("amount.total=3,290円")
                .contains("amount.tax=10%対象 1,130円 (内消費税 102円)\n8%対象 2,160円 (内消費税 160円)")
                .contains("amounts=商品合計: 2,490円\n送料: 800円\n合計: 3,290円\n10%対象")
                .contains("destinations=[お届け先1] 佐藤 花子 様\n〒530-0001 大阪府大阪市北区梅田2-4-9 梅田ビル3F\nTEL 06-1234-5678")
                .contains("お届け希望日: 2026/12/24 / 時間帯: 14時〜16時")
                .contains("[お届け先2] 鈴木 一郎 様")
                .contains("お届け希望日: 指定なし / 時間帯: 指定なし")
                .contains("delivery.date=2026/12/24")
                .contains("delivery.slot=14時〜16時")
                .contains("carrier=ヤマト運輸、佐川急便")
                .contains("tracking.numbers=1234-5678-9012、400012345678")
                .contains(
                        "tracking.urls=https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=123456789012\n"
                                + "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=400012345678")
                .contains("shop.name=テスト茶舗")
                .contains("shop.url=https://tea.example.jp/")
                .contains("shop.phone=054-000-2222")
                .contains("shop.email=shop@tea.example.jp")
                .contains("shop.company=株式会社テスト茶園")
                .contains("shop.address=〒420-0001 静岡県静岡市葵区1-1")
                .contains("shop.signature=────────────────────\nテスト茶舗\n株式会社テスト茶園");
        // the send log keeps the mail as it was sent
        await().atMost(WAIT).until(() -> "SENT".equals(state(order, template)));
        assertThat(jdbc.sql("select body from mail_log where order_id = ?")
                        .param(order)
                        .query(String.class)
                        .single())
                .isEqualTo(text.stripTrailing());
    }

    @Test
    void aTemplateIsSentOncePerOrderUnlessAPersonResends() {
        long template = f.template(
                MailKind.SHIPPING, "発送しました {{order.number}}", "{{buyer.name}} 様\n{{tracking.urls}}", "SHIPPED");
        String to = "once-" + f.prefix + "@buyer.example.jp";
        long order = f.order("ONCE", to);

        f.ship(order);
        await().atMost(WAIT).until(() -> f.received(to).size() == 1);

        // back to 出荷待ち and shipped again (an admin's correction), a bulk send, a rule: still the one mail
        workflow.move(order, "READY_TO_SHIP", MailFixture.ADMIN, false);
        workflow.move(order, "SHIPPED", MailFixture.ADMIN, false);
        await().atMost(WAIT).until(() -> f.eventsHandled(order));
        Mails.Sent again = mails.send(order, template, MailFixture.STAFF);
        assertThat(again.queued()).isFalse();
        assertThat(again.message()).contains("送信済み");
        assertThat(mails.send(order, template, jp.juchu.oms.orders.Actor.system("自動処理"))
                        .queued())
                .isFalse();
        assertThat(f.mails(order)).isEqualTo(1);

        // a person's deliberate resend goes out as a second mail, recorded as such
        var resend = templates.find(template).orElseThrow();
        var outcome = sending.send(order, resend, jp.juchu.oms.mails.internal.MailSending.Trigger.RESEND, "メール担当");
        assertThat(outcome.queued()).isTrue();
        await().atMost(WAIT).until(() -> f.received(to).size() == 2);
        assertThat(jdbc.sql("select trigger from mail_log where order_id = ? order by id")
                        .param(order)
                        .query(String.class)
                        .list())
                .containsExactly("AUTO", "RESEND");
    }

    @Autowired
    jp.juchu.oms.mails.internal.MailSending sending;

    @Test
    void switchingAutomaticSendingOnNeverMailsOrdersImportedBefore() {
        String before = "before-" + f.prefix + "@buyer.example.jp";
        String after = "after-" + f.prefix + "@buyer.example.jp";
        long old = f.order("OLD", before);
        long template = f.template(MailKind.SHIPPING, "発送 {{order.number}}", "{{tracking.numbers}}", "SHIPPED");
        long fresh = f.order("NEW", after);

        f.ship(old);
        f.ship(fresh);

        await().atMost(WAIT).until(() -> f.received(after).size() == 1);
        await().atMost(WAIT).until(() -> f.eventsHandled(old));
        assertThat(f.received(before)).isEmpty();
        assertThat(f.mails(old)).isZero();
        assertThat(templates.find(template).orElseThrow().autoSince()).isNotNull();
    }

    @Test
    void aNewOrderGetsTheOrderConfirmationOnlyWhenItArrivesAsNew() {
        String to = "confirm-" + f.prefix + "@buyer.example.jp";
        f.template(MailKind.ORDER_CONFIRMATION, "ご注文ありがとうございます {{order.number}}", "{{lines}}", "NEW");
        long order = f.order("CONF", to);

        await().atMost(WAIT).until(() -> f.received(to).size() == 1);
        assertThat(f.mails(order)).isEqualTo(1);

        // an order from the shop's history, already shipped there, gets no order confirmation
        String old = "history-" + f.prefix + "@buyer.example.jp";
        long shipped = f.order("HIST", old, "Shipped");
        String fresh = "fresh-" + f.prefix + "@buyer.example.jp";
        f.order("FRESH", fresh);
        await().atMost(WAIT).until(() -> f.received(fresh).size() == 1);
        await().atMost(WAIT)
                .until(() -> f.mails(shipped) == 0 && f.received(old).isEmpty());
        assertThat(f.mails(shipped)).isZero();
    }

    @Test
    void aFollowUpWaitsItsDaysAfterShippingThenGoesOut() {
        String to = "follow-" + f.prefix + "@buyer.example.jp";
        long template = f.template(MailKind.FOLLOW_UP, "その後いかがですか {{order.number}}", "{{buyer.name}} 様", "SHIPPED");
        long order = f.order("FOLLOW", to);
        f.ship(order);

        String instance = order + ":" + template;
        await().atMost(WAIT).until(() -> followUpAt(instance) != null);
        assertThat(followUpAt(instance))
                .isBetween(
                        OffsetDateTime.now().plusHours(23), OffsetDateTime.now().plusHours(25));
        assertThat(f.mails(order)).isZero();

        // the day comes
        jdbc.sql("update scheduled_tasks set execution_time = now() where task_name = 'order-mail-follow-up'"
                        + " and task_instance = ?")
                .param(instance)
                .update();
        await().atMost(WAIT).until(() -> f.received(to).size() == 1);
        assertThat(jdbc.sql("select trigger from mail_log where order_id = ?")
                        .param(order)
                        .query(String.class)
                        .single())
                .isEqualTo("FOLLOW_UP");
    }

    private OffsetDateTime followUpAt(String instance) {
        return jdbc.sql("select execution_time from scheduled_tasks where task_name = 'order-mail-follow-up'"
                        + " and task_instance = ?")
                .param(instance)
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
    }

    @Test
    void aMailRefusedBySmtpIsRetriedAndSentOnceTheServerAnswers() throws Exception {
        String to = "retry-" + f.prefix + "@buyer.example.jp";
        long template = f.template(MailKind.FREE, "お知らせ {{order.number}}", "{{buyer.name}} 様", null);
        long order = f.order("RETRY", to);
        f.useSmtp(MailFixture.closedPort());
        try {
            assertThat(mails.send(order, template, MailFixture.STAFF).queued()).isTrue();
            await().atMost(WAIT).until(() -> attempts(order) >= 1);
            assertThat(state(order, template)).isEqualTo("QUEUED");
            assertThat(lastError(order)).isNotBlank();
        } finally {
            f.useSmtp(f.smtp.getSmtp().getPort());
        }
        await().atMost(WAIT).until(() -> "SENT".equals(state(order, template)));
        assertThat(f.received(to)).hasSize(1);
        assertThat(attempts(order)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aMailThatKeepsFailingIsMarkedFailedAndAlertsTheOrder() throws Exception {
        String to = "fail-" + f.prefix + "@buyer.example.jp";
        long template = f.template(MailKind.FREE, "お知らせ {{order.number}}", "{{buyer.name}} 様", null);
        long order = f.order("FAIL", to);
        f.useSmtp(MailFixture.closedPort());
        try {
            assertThat(mails.send(order, template, MailFixture.STAFF).queued()).isTrue();
            await().atMost(WAIT).until(() -> "FAILED".equals(state(order, template)));
        } finally {
            f.useSmtp(f.smtp.getSmtp().getPort());
        }
        assertThat(attempts(order)).isEqualTo(3);
        assertThat(orders.detail(order).orElseThrow().alert()).contains("メール「" + f.prefix + " 自由」を3回送れませんでした");
        // a person retries it, and it goes out
        assertThat(sending.retry(logId(order), "メール担当")).isTrue();
        await().atMost(WAIT).until(() -> "SENT".equals(state(order, template)));
        assertThat(f.received(to)).hasSize(1);
    }

    @Test
    void anOrderWithoutAnAddressIsRefusedByHandAndLoggedWithAnAlertWhenAutomatic() {
        long template = f.template(MailKind.FREE, "お知らせ", "本文", null);
        long order = f.order("NOADDR", "");
        Mails.Sent sent = mails.send(order, template, MailFixture.STAFF);
        assertThat(sent.queued()).isFalse();
        assertThat(sent.message()).contains("購入者のメールアドレスがありません");
        assertThat(f.mails(order)).isZero();

        long confirmation = f.template(MailKind.ORDER_CONFIRMATION, "ご注文 {{order.number}}", "{{lines}}", "NEW");
        long automatic = f.order("NOADDR2", "");
        await().atMost(WAIT).until(() -> "FAILED".equals(state(automatic, confirmation)));
        assertThat(lastError(automatic)).isEqualTo("購入者のメールアドレスがありません");
        assertThat(orders.detail(automatic).orElseThrow().alert()).contains("を送れません: 購入者のメールアドレスがありません");
    }

    @Test
    void savingATemplateWithAnUnknownVariableIsRefusedAndNamesIt() {
        long count =
                jdbc.sql("select count(*) from mail_template").query(Long.class).single();
        assertThatThrownBy(() -> templates.save(
                        null,
                        0,
                        new TemplateDraft(
                                "不正",
                                MailKind.FREE,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                false,
                                "{{order.numbr}} のお知らせ",
                                "{{buyer.name}} 様 {{ 受注番号 }} {{lines",
                                true),
                        "test"))
                .isInstanceOf(InputRefused.class)
                .satisfies(e -> assertThat(((InputRefused) e).problems())
                        .anyMatch(p -> p.startsWith("件名") && p.contains("{{order.numbr}}"))
                        .anyMatch(p -> p.startsWith("本文") && p.contains("{{受注番号}}"))
                        .anyMatch(p -> p.startsWith("本文") && p.contains("対応が取れていない")));
        assertThat(jdbc.sql("select count(*) from mail_template")
                        .query(Long.class)
                        .single())
                .isEqualTo(count);
    }

    @Test
    void automaticSendingNeedsATriggerStatus() {
        assertThatThrownBy(() -> templates.save(
                        null,
                        0,
                        new TemplateDraft(
                                "自動", MailKind.SHIPPING, null, null, null, null, null, true, false, "件名", "本文", true),
                        "test"))
                .isInstanceOf(InputRefused.class)
                .hasMessageContaining("自動送信のタイミング");
    }

    private String state(long order, long template) {
        return jdbc.sql("select state from mail_log where order_id = ? and template_id = ? order by id desc limit 1")
                .params(order, template)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private int attempts(long order) {
        return jdbc.sql("select coalesce(max(attempts), 0) from mail_log where order_id = ?")
                .param(order)
                .query(Integer.class)
                .single();
    }

    private String lastError(long order) {
        return jdbc.sql("select last_error from mail_log where order_id = ? order by id desc limit 1")
                .param(order)
                .query(String.class)
                .single();
    }

    private long logId(long order) {
        return jdbc.sql("select id from mail_log where order_id = ? order by id desc limit 1")
                .param(order)
                .query(Long.class)
                .single();
    }
}
