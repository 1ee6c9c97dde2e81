package jp.juchu.oms.mails.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.malls.MallConnections;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.PaymentMethods;
import jp.juchu.oms.shipping.Carrier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail templates: read, checked and saved (an unknown variable refuses the save and is named), and chosen for an
 * order — the most specific active template of each kind whose shop, payment method and carrier fit.
 */
@Service
public class MailTemplates {

    static final int NAME_MAX = 100;
    static final int SUBJECT_MAX = 200;
    static final int BODY_MAX = 20_000;
    static final int MAX_TEMPLATES = 200;

    private static final String COLUMNS = """
            id, name, kind, connection_id, payment_method, carrier, trigger_status, follow_days, auto_send, auto_since,
            bcc_shop, subject, body, active, version, updated_at
            """;

    private final JdbcClient jdbc;
    private final MallConnections connections;
    private final Orders orders;
    private final AuditLog audit;

    MailTemplates(JdbcClient jdbc, MallConnections connections, Orders orders, AuditLog audit) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.orders = orders;
        this.audit = audit;
    }

    public List<MailTemplate> all() {
        return jdbc.sql("select " + COLUMNS + " from mail_template order by kind, id")
                .query(MailTemplate.class)
                .list();
    }

    public List<MailTemplate> active() {
        return all().stream().filter(MailTemplate::active).toList();
    }

    public Optional<MailTemplate> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from mail_template where id = ?")
                .param(id)
                .query(MailTemplate.class)
                .optional();
    }

    /** Whether any template sends automatically on entering this status (cheap: checked before reading orders). */
    boolean anyAutomaticOn(String status) {
        return jdbc.sql("select exists (select 1 from mail_template where active and auto_send and trigger_status = ?)")
                .param(status)
                .query(Boolean.class)
                .single();
    }

    /**
     * The templates to send automatically to an order that entered {@code status}: of each kind, the most specific
     * active automatic template that fits the order's shop, payment method and carriers.
     */
    List<MailTemplate> automaticFor(String status, long connectionId, String paymentMethod, Set<String> carriers) {
        List<MailTemplate> fitting = jdbc
                .sql("select " + COLUMNS + " from mail_template where active and auto_send and trigger_status = ?")
                .param(status)
                .query(MailTemplate.class)
                .list()
                .stream()
                .filter(t -> fits(t, connectionId, paymentMethod, carriers))
                .toList();
        Map<MailKind, MailTemplate> best = new LinkedHashMap<>();
        fitting.stream()
                .sorted(Comparator.comparingInt(MailTemplate::specificity)
                        .reversed()
                        .thenComparingLong(MailTemplate::id))
                .forEach(t -> best.putIfAbsent(t.kind(), t));
        return List.copyOf(best.values());
    }

    /** Whether a template's filters let it go to this order (a person may still send any template by hand). */
    static boolean fits(MailTemplate t, long connectionId, String paymentMethod, Set<String> carriers) {
        return (t.connectionId() == null || t.connectionId() == connectionId)
                && (t.paymentMethod() == null || t.paymentMethod().equals(paymentMethod))
                && (t.carrier() == null || carriers.stream().anyMatch(c -> sameCarrier(t.carrier(), c)));
    }

    private static boolean sameCarrier(String templateCarrier, String shipmentCarrier) {
        return TrackingLinks.carrierOf(shipmentCarrier)
                .map(c -> c.name().equals(templateCarrier))
                .orElse(false);
    }

    /**
     * Saves a new template ({@code id} null) or changes one at the version the editor read. Switching automatic
     * sending on records the moment: only orders imported from then on are mailed automatically.
     *
     * @return the template's id
     * @throws InputRefused naming every problem; nothing is saved
     */
    @Transactional
    public long save(Long id, long version, TemplateDraft draft, String actor) {
        List<String> problems = problems(draft);
        Optional<MailTemplate> before = id == null ? Optional.empty() : find(id);
        if (id != null && before.isEmpty()) {
            problems.add("テンプレートが見つかりません");
        }
        if (id == null
                && jdbc.sql("select count(*) from mail_template")
                                .query(Long.class)
                                .single()
                        >= MAX_TEMPLATES) {
            problems.add("テンプレートは" + MAX_TEMPLATES + "件までです");
        }
        if (!problems.isEmpty()) {
            throw new InputRefused(problems);
        }
        boolean switchedOn =
                draft.autoSend() && (before.isEmpty() || !before.get().autoSend());
        String name = draft.name().strip();
        if (id == null) {
            long created = jdbc.sql("""
                            insert into mail_template (name, kind, connection_id, payment_method, carrier, trigger_status,
                                follow_days, auto_send, auto_since, bcc_shop, subject, body, active)
                            values (?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end, ?, ?, ?, ?)
                            returning id
                            """)
                    .params(
                            name,
                            draft.kind().name(),
                            draft.connectionId(),
                            blankToNull(draft.paymentMethod()),
                            blankToNull(draft.carrier()),
                            blankToNull(draft.triggerStatus()),
                            followDays(draft),
                            draft.autoSend(),
                            draft.autoSend(),
                            draft.bccShop(),
                            draft.subject().strip(),
                            normalized(draft.body()),
                            draft.active())
                    .query(Long.class)
                    .single();
            audit.record(actor, "MAIL_TEMPLATE_SAVED", "mail-template:" + created, "作成: " + name + autoNote(draft));
            return created;
        }
        int updated = jdbc.sql("""
                        update mail_template set name = ?, kind = ?, connection_id = ?, payment_method = ?, carrier = ?,
                            trigger_status = ?, follow_days = ?, auto_send = ?,
                            auto_since = case when not ? then null when ? then now() else auto_since end,
                            bcc_shop = ?, subject = ?, body = ?, active = ?, version = version + 1, updated_at = now()
                        where id = ? and version = ?
                        """)
                .params(
                        name,
                        draft.kind().name(),
                        draft.connectionId(),
                        blankToNull(draft.paymentMethod()),
                        blankToNull(draft.carrier()),
                        blankToNull(draft.triggerStatus()),
                        followDays(draft),
                        draft.autoSend(),
                        draft.autoSend(),
                        switchedOn,
                        draft.bccShop(),
                        draft.subject().strip(),
                        normalized(draft.body()),
                        draft.active(),
                        id,
                        version)
                .update();
        if (updated == 0) {
            throw new InputRefused(List.of("ほかの人がこのテンプレートを先に変更しました。開き直してから変更してください"));
        }
        audit.record(actor, "MAIL_TEMPLATE_SAVED", "mail-template:" + id, "変更: " + name + autoNote(draft));
        return id;
    }

    private static String autoNote(TemplateDraft draft) {
        return draft.autoSend() ? " (自動送信: オン)" : " (自動送信: オフ)";
    }

    /** Everything wrong with a draft, in Japanese, each naming its field. */
    List<String> problems(TemplateDraft d) {
        List<String> problems = new ArrayList<>();
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > NAME_MAX) {
            problems.add("テンプレート名: 1〜" + NAME_MAX + "文字で入力してください");
        }
        if (d.kind() == null) {
            problems.add("種類: 選んでください");
        }
        if (d.subject() == null || d.subject().isBlank() || d.subject().strip().length() > SUBJECT_MAX) {
            problems.add("件名: 1〜" + SUBJECT_MAX + "文字で入力してください");
        } else if (d.subject().contains("\n") || d.subject().contains("\r")) {
            problems.add("件名: 改行は入れられません");
        }
        if (d.body() == null || d.body().isBlank()) {
            problems.add("本文: 入力してください");
        } else if (normalized(d.body()).length() > BODY_MAX) {
            problems.add("本文: " + String.format("%,d", BODY_MAX) + "文字までです");
        }
        problems.addAll(TemplateText.problems("件名", d.subject()));
        problems.addAll(TemplateText.problems("本文", d.body()));
        if (d.connectionId() != null && connections.find(d.connectionId()).isEmpty()) {
            problems.add("店舗: 選んだ店舗がありません");
        }
        if (!blank(d.paymentMethod()) && !PaymentMethods.isKnown(d.paymentMethod())) {
            problems.add("支払方法: 選べる支払方法ではありません");
        }
        if (!blank(d.carrier())
                && java.util.Arrays.stream(Carrier.values())
                        .noneMatch(c -> c.name().equals(d.carrier()))) {
            problems.add("配送業者: 選べる配送業者ではありません");
        }
        Set<String> statuses =
                orders.statuses().stream().map(Orders.WorkflowStatus::code).collect(Collectors.toSet());
        if (!blank(d.triggerStatus()) && !statuses.contains(d.triggerStatus())) {
            problems.add("自動送信のタイミング: 受注ステータスがありません");
        }
        if (d.autoSend() && blank(d.triggerStatus())) {
            problems.add("自動送信のタイミング: 自動で送るには受注ステータスを選んでください");
        }
        if (d.kind() == MailKind.FOLLOW_UP && (d.followDays() == null || d.followDays() < 1 || d.followDays() > 365)) {
            problems.add("フォローの日数: 1〜365日で入力してください");
        }
        return problems;
    }

    private static Integer followDays(TemplateDraft d) {
        return d.kind() == MailKind.FOLLOW_UP ? d.followDays() : null;
    }

    /** Line ends as one {@code \n}, trailing spaces of the whole text trimmed. */
    static String normalized(String body) {
        return body.replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
