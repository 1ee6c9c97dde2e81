package jp.juchu.oms.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.oms.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 支払い方法: what kind of payment each method the shops send is. The workflow's guard reads it (an unpaid order of a
 * prepaid or card method waits for its payment; cash on delivery and 後払い ship unpaid), and so do the rules. A
 * method the OMS has not been told about counts as prepaid, the safe side.
 */
@Service
public class PaymentKinds {

    /** The kinds of payment. */
    public enum Kind {
        PREPAID("前払い (銀行振込・コンビニ等)", true),
        CARD("クレジットカード", true),
        COD("代金引換", false),
        DEFERRED("後払い", false);

        private final String label;
        private final boolean paidBeforeShipping;

        Kind(String label, boolean paidBeforeShipping) {
            this.label = label;
            this.paidBeforeShipping = paidBeforeShipping;
        }

        public String label() {
            return label;
        }

        /** Whether an order of this kind waits for its payment before it ships. */
        public boolean paidBeforeShipping() {
            return paidBeforeShipping;
        }
    }

    /** SQL: the kinds that wait for payment, for the workflow's guard. */
    static final String WAITS_FOR_PAYMENT =
            "coalesce((select k.kind from payment_kind k where k.method = %s)," + " 'PREPAID') in ('PREPAID', 'CARD')";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PaymentKinds(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every method with its kind, the known ones first, in the order a list shows them. */
    public Map<String, Kind> all() {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        jdbc.sql("select method, kind from payment_kind order by method").query(rs -> {
            kinds.put(rs.getString(1), Kind.valueOf(rs.getString(2)));
        });
        Map<String, Kind> ordered = new LinkedHashMap<>();
        PaymentMethods.ALL.stream().filter(kinds::containsKey).forEach(m -> ordered.put(m, kinds.get(m)));
        ordered.putAll(kinds);
        return ordered;
    }

    public Kind of(String method) {
        return jdbc.sql("select kind from payment_kind where method = ?")
                .param(method == null ? "" : method)
                .query(String.class)
                .optional()
                .map(Kind::valueOf)
                .orElse(Kind.PREPAID);
    }

    /**
     * Sets the kinds of these methods (a new method code is added). A code is 1–30 letters, digits, {@code _} or
     * {@code -}, as the platform sends it.
     */
    @Transactional
    public void save(Map<String, Kind> kinds, String actor) {
        if (kinds.size() > 100) {
            throw new IllegalArgumentException("支払方法は100件までです");
        }
        for (var entry : kinds.entrySet()) {
            String method = entry.getKey() == null ? "" : entry.getKey().strip();
            if (!method.matches("[A-Za-z0-9_-]{1,30}")) {
                throw new IllegalArgumentException("支払方法のコード「" + method + "」は半角英数字・_・- の30文字までで入れてください");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("支払方法「" + method + "」の種類を選んでください");
            }
        }
        List<String> changes = new java.util.ArrayList<>();
        Map<String, Kind> before = all();
        kinds.forEach((method, kind) -> {
            String code = method.strip();
            if (before.get(code) == kind) {
                return;
            }
            jdbc.sql("insert into payment_kind (method, kind, updated_by) values (?, ?, ?) on conflict (method) do"
                            + " update set kind = excluded.kind, updated_by = excluded.updated_by, updated_at = now()")
                    .params(code, kind.name(), actor)
                    .update();
            changes.add(PaymentMethods.labelOf(code) + ": " + kind.label());
        });
        if (!changes.isEmpty()) {
            audit.record(actor, "PAYMENT_KINDS_CHANGED", "payments", String.join(" / ", changes));
        }
    }
}
