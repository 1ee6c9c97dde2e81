package jp.juchu.oms.rules;

import java.util.List;
import jp.juchu.oms.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and saves {@link RuleSettings} (自動処理 on or off, 印刷日待ち's days), one row shared by every OMS node. */
@Component
class RuleSettingsStore {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    RuleSettingsStore(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    RuleSettings current() {
        return jdbc.sql("select enabled, print_date_days from auto_rule_setting where id = 1")
                .query(RuleSettings.class)
                .single();
    }

    /** Saves the settings in the caller's transaction, with an audit entry; refuses days outside 1〜365. */
    void save(RuleSettings settings, String actor) {
        if (settings.printDateDays() < 1 || settings.printDateDays() > 365) {
            throw new RuleBook.Refused(List.of("印刷日待ちの日数は1〜365日で入れてください"));
        }
        jdbc.sql("update auto_rule_setting set enabled = ?, print_date_days = ?, updated_by = ?, updated_at = now()"
                        + " where id = 1")
                .params(settings.enabled(), settings.printDateDays(), actor)
                .update();
        audit.record(
                actor,
                "RULE_SETTINGS_CHANGED",
                "rules",
                (settings.enabled() ? "自動処理: 使う" : "自動処理: 使わない") + " / 印刷日待ち: " + settings.printDateDays() + "日");
    }
}
