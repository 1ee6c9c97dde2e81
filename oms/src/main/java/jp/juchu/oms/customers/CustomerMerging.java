package jp.juchu.oms.customers;

import jp.juchu.oms.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 名寄せ: two customers who are one person become one; the merged-away one points at the survivor. */
@Component
class CustomerMerging {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CustomerMerging(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Merges customer {@code mergedId} into {@code survivorId}, as {@link Customers#merge} describes. */
    Customer merge(long survivorId, long mergedId, String actor) {
        if (survivorId == mergedId) {
            throw new IllegalStateException("同じ顧客どうしは統合できません");
        }
        Customers.lock(jdbc);
        Customer survivor = Customers.stored(jdbc, survivorId)
                .orElseThrow(() -> new IllegalArgumentException("顧客 #" + survivorId + " はありません"));
        Customer merged = Customers.stored(jdbc, mergedId)
                .orElseThrow(() -> new IllegalArgumentException("顧客 #" + mergedId + " はありません"));
        if (survivor.mergedAway()) {
            throw new IllegalStateException(
                    "顧客 #" + survivorId + " は顧客 #" + survivor.mergedInto() + " に統合済みです。統合先の顧客に統合してください");
        }
        if (merged.mergedAway()) {
            throw new IllegalStateException("顧客 #" + mergedId + " は顧客 #" + merged.mergedInto() + " に統合済みです");
        }
        String name = orElse(survivor.name(), merged.name());
        String email = orElse(survivor.email(), merged.email());
        String phone = orElse(survivor.phone(), merged.phone());
        MatchKeys keys = MatchKeys.of(name, email, phone);
        boolean blacklisted = survivor.blacklisted() || merged.blacklisted();
        String reason = survivor.blacklisted()
                ? orElse(survivor.blacklistReason(), merged.blacklistReason())
                : merged.blacklisted() ? merged.blacklistReason() : null;
        jdbc.sql("""
                        update customer set name = ?, kana = ?, email = ?, phone = ?, postal_code = ?, prefecture = ?,
                            address = ?, note = ?, blacklisted = ?, blacklist_reason = ?, email_key = ?, phone_key = ?,
                            name_key = ?, updated_at = now()
                        where id = ?
                        """)
                .params(
                        name,
                        orElse(survivor.kana(), merged.kana()),
                        email,
                        phone,
                        orElse(survivor.postalCode(), merged.postalCode()),
                        orElse(survivor.prefecture(), merged.prefecture()),
                        orElse(survivor.address(), merged.address()),
                        orElse(survivor.note(), merged.note()),
                        blacklisted,
                        reason,
                        keys.email(),
                        keys.phone(),
                        keys.name(),
                        survivorId)
                .update();
        int moved = jdbc.sql("update customer_order set customer_id = ? where customer_id = ?")
                .params(survivorId, mergedId)
                .update();
        // customers merged into the merged one earlier now point at the survivor directly
        jdbc.sql("update customer set merged_into = ?, updated_at = now() where id = ? or merged_into = ?")
                .params(survivorId, mergedId, mergedId)
                .update();
        audit.record(
                actor,
                "CUSTOMER_MERGED",
                "customer:" + survivorId,
                "顧客 #" + mergedId + " (" + merged.name() + ") を統合しました。受注 " + moved + " 件を移しました");
        return Customers.stored(jdbc, survivorId).orElseThrow();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
