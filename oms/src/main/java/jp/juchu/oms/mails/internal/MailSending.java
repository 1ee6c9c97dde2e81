package jp.juchu.oms.mails.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import jp.juchu.oms.mails.MailsSettings;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.OrderLimits;
import jp.juchu.oms.orders.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending a mail: render the template on the order, keep the mail in the send log (body, recipient, trigger) — once per
 * order and template, unless a person resends — and hand it to a db-scheduler task after commit, which sends it and,
 * when the server fails, tries again after a pause that doubles each time; after the last try the mail is marked
 * failed and the order gets an alert.
 */
@Service
public class MailSending {

    private static final Logger log = LoggerFactory.getLogger(MailSending.class);
    static final TaskDescriptor<String> SEND = TaskDescriptor.of("order-mail-send", String.class);

    /** Why a mail is sent. A {@link #RESEND} is a person's deliberate second mail; every other is the one mail. */
    public enum Trigger {
        AUTO,
        FOLLOW_UP,
        MANUAL,
        RESEND,
        RULE
    }

    /** What asking for a mail did. */
    public record Outcome(Result result, Long logId, String message) {

        public boolean queued() {
            return result == Result.QUEUED;
        }
    }

    public enum Result {
        QUEUED,
        ALREADY_SENT,
        REFUSED
    }

    private final JdbcClient jdbc;
    private final OrderMailValues values;
    private final MailTransport transport;
    private final MailsSettings settings;
    private final SchedulerClient scheduler;
    private final Orders orders;
    private final TransactionTemplate transaction;

    MailSending(
            JdbcClient jdbc,
            OrderMailValues values,
            MailTransport transport,
            MailsSettings settings,
            @Lazy SchedulerClient scheduler,
            Orders orders,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.values = values;
        this.transport = transport;
        this.settings = settings;
        this.scheduler = scheduler;
        this.orders = orders;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A template rendered on an order: what the preview shows and what a send keeps. */
    public record Rendered(String to, String bcc, String fromAddress, String fromName, String subject, String body) {}

    /** The template on the order, as it would be sent now; empty when the order does not exist. */
    public Optional<Rendered> render(long orderId, MailTemplate template) {
        return values.context(orderId).map(context -> render(context, template));
    }

    Rendered render(OrderMailValues.Context context, MailTemplate template) {
        Map<String, String> v = OrderMailValues.values(context);
        String subject = TemplateText.render(template.subject(), v)
                .replaceAll("[\\r\\n\\t]+", " ")
                .strip();
        if (subject.length() > 300) {
            subject = subject.substring(0, 300);
        }
        OrderMailValues.Sender sender = context.sender();
        return new Rendered(
                context.order().buyerEmail() == null
                        ? ""
                        : context.order().buyerEmail().strip(),
                template.bccShop() ? sender.email() : null,
                sender.fromAddress(),
                sender.fromName(),
                subject,
                TemplateText.render(template.body(), v));
    }

    /**
     * Keeps the mail in the send log and sends it after the caller's transaction commits. The one mail of an order
     * and template is sent once: asking again (any trigger but {@link Trigger#RESEND}) changes nothing.
     */
    @Transactional
    public Outcome send(long orderId, MailTemplate template, Trigger trigger, String actor) {
        Optional<OrderMailValues.Context> found = values.context(orderId);
        if (found.isEmpty()) {
            return new Outcome(Result.REFUSED, null, "受注が見つかりません");
        }
        OrderMailValues.Context context = found.get();
        OrderDetail order = context.order();
        if (!template.active()) {
            return new Outcome(
                    Result.REFUSED, null, order.orderNumber() + ": テンプレート「" + template.name() + "」は使わない設定です");
        }
        Rendered mail = render(context, template);
        String problem = recipientProblem(mail.to());
        boolean once = trigger != Trigger.RESEND;
        if (problem != null && trigger != Trigger.AUTO && trigger != Trigger.FOLLOW_UP) {
            return new Outcome(Result.REFUSED, null, order.orderNumber() + ": " + problem);
        }
        Long id = jdbc.sql("""
                        insert into mail_log (order_id, order_number, template_id, template_name, kind, trigger, once,
                            recipient, bcc, from_address, from_name, subject, body, state, last_error, actor)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (order_id, template_id) where once do nothing
                        returning id
                        """)
                .params(
                        order.id(),
                        order.orderNumber(),
                        template.id(),
                        template.name(),
                        template.kind().name(),
                        trigger.name(),
                        once,
                        problem == null ? mail.to() : truncate(mail.to(), 254),
                        mail.bcc(),
                        mail.fromAddress(),
                        mail.fromName(),
                        mail.subject(),
                        mail.body(),
                        problem == null ? "QUEUED" : "FAILED",
                        problem,
                        truncate(actor, 100))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null) {
            return new Outcome(
                    Result.ALREADY_SENT,
                    null,
                    order.orderNumber() + ": 「" + template.name() + "」は送信済みです (もう一度送るには再送してください)");
        }
        if (problem != null) {
            orders.raiseAlert(order.id(), "メール「" + template.name() + "」を送れません: " + problem, actor);
            return new Outcome(Result.REFUSED, id, order.orderNumber() + ": " + problem);
        }
        afterCommit(() -> schedule(id));
        return new Outcome(Result.QUEUED, id, order.orderNumber() + ": 「" + template.name() + "」を送信します");
    }

    /** A failed mail tried again from the start (a person's 再試行): the same mail, its tries counted anew. */
    @Transactional
    public boolean retry(long logId, String actor) {
        int updated = jdbc.sql("update mail_log set state = 'QUEUED', attempts = 0, actor = ?, updated_at = now()"
                        + " where id = ? and state = 'FAILED' and recipient <> ''")
                .params(truncate(actor, 100), logId)
                .update();
        if (updated > 0) {
            afterCommit(() -> schedule(logId));
        }
        return updated > 0;
    }

    private void schedule(long id) {
        scheduler.scheduleIfNotExists(
                SEND.instance(String.valueOf(id)).data(String.valueOf(id)).build(), Instant.now());
    }

    /**
     * One try of a waiting mail. A failure is recorded and rethrown so that the task runs again after its pause,
     * until the last try: then the mail is marked failed, the order gets an alert, and the task ends.
     */
    void attempt(long id) {
        Optional<MailTransport.Outgoing> row = jdbc.sql("select id, recipient, bcc, from_address, from_name, subject,"
                        + " body from mail_log where id = ? and state = 'QUEUED'")
                .param(id)
                .query((rs, n) -> new MailTransport.Outgoing(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        rs.getString("bcc"),
                        rs.getString("from_address"),
                        rs.getString("from_name"),
                        rs.getString("subject"),
                        rs.getString("body")))
                .optional();
        if (row.isEmpty()) {
            return;
        }
        try {
            transport.deliver(row.get());
            jdbc.sql("update mail_log set state = 'SENT', attempts = attempts + 1, last_error = null, sent_at = now(),"
                            + " updated_at = now() where id = ?")
                    .param(id)
                    .update();
        } catch (Exception e) {
            String error = truncate(describe(e), 1000);
            int attempts = transaction.execute(status -> recordFailure(id, error));
            if (attempts >= settings.maxAttempts()) {
                log.warn("Mail {} failed for good after {} tries: {}", id, attempts, error);
                return;
            }
            log.warn("Mail {} not sent (try {} of {}), will retry: {}", id, attempts, settings.maxAttempts(), error);
            throw new IllegalStateException("mail " + id + " not sent: " + error, e);
        }
    }

    /**
     * Counts a failed try; after the last one, marks the mail failed and raises the order's alert. One transaction
     * (the caller's): nobody ever sees a failed mail whose order has no alert yet, nor an alert for a mail still
     * waiting.
     *
     * @return the tries so far
     */
    private int recordFailure(long id, String error) {
        int attempts = jdbc.sql("update mail_log set attempts = attempts + 1, last_error = ?, updated_at = now()"
                        + " where id = ? returning attempts")
                .params(error, id)
                .query(Integer.class)
                .single();
        if (attempts >= settings.maxAttempts()) {
            jdbc.sql("update mail_log set state = 'FAILED', updated_at = now() where id = ?")
                    .param(id)
                    .update();
            jdbc.sql("select order_id, template_name from mail_log where id = ?")
                    .param(id)
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .optional()
                    .ifPresent(m -> orders.raiseAlert(
                            m.getKey(),
                            "メール「" + m.getValue() + "」を" + attempts + "回送れませんでした: " + error,
                            "システム (メール送信)"));
        }
        return attempts;
    }

    /** Why the recipient cannot be mailed, in Japanese; null when it can. */
    static String recipientProblem(String to) {
        if (to == null || to.isBlank()) {
            return "購入者のメールアドレスがありません";
        }
        if (!OrderLimits.isEmail(to)) {
            return "購入者のメールアドレス「" + truncate(to, 100) + "」はメールアドレスの形ではありません";
        }
        try {
            new InternetAddress(to, true).validate();
        } catch (AddressException e) {
            return "購入者のメールアドレス「" + truncate(to, 100) + "」には送れません";
        }
        return null;
    }

    /** An error as the send log shows it: the cause's message, never credentials (Jakarta Mail puts none in it). */
    private static String describe(Throwable e) {
        Throwable root = e;
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            out.append(" / ")
                    .append(root.getClass().getSimpleName())
                    .append(": ")
                    .append(root.getMessage());
        }
        return out.toString();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        /** Tried again after {@code oms.mails.retry-base}, then ever longer (×2), up to {@code max-attempts} tries. */
        @Bean
        OneTimeTask<String> orderMailSendTask(MailSending sending, MailsSettings settings) {
            return Tasks.oneTime(SEND)
                    .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(settings.retryBase(), 2.0))
                    .execute((instance, context) -> sending.attempt(Long.parseLong(instance.getData())));
        }
    }
}
