package jp.juchu.oms.orders;

import java.util.List;
import jp.juchu.oms.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merchant's workflow statuses (受注ステータス): the built-in ones (which the OMS's own steps use, so they can be
 * renamed and moved but not removed) and the merchant's own, added, renamed, ordered, and removed once empty.
 */
@Service
public class WorkflowStatuses {

    /** A status in the tabs' order; {@code orders} is how many orders it holds now. */
    public record Status(String code, String name, int position, boolean builtin, long orders) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;

    WorkflowStatuses(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Status> all() {
        var counts = OrderQueries.statusCounts(jdbc);
        return jdbc.sql("select code, name, position, builtin from workflow_status order by position, code")
                .query((rs, n) -> new Status(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getInt("position"),
                        rs.getBoolean("builtin"),
                        counts.getOrDefault(rs.getString("code"), 0L)))
                .list();
    }

    /** Adds a status at the end; its code is made from a sequence, its name must be new. */
    @Transactional
    public Status add(String name, String actor) {
        String clean = checkedName(name, null);
        String code = "CUSTOM_"
                + jdbc.sql("select coalesce(max(substring(code from 8)::int), 0) + 1 from workflow_status"
                                + " where code ~ '^CUSTOM_[0-9]+$'")
                        .query(Integer.class)
                        .single();
        jdbc.sql("insert into workflow_status (code, name, position, builtin)"
                        + " values (?, ?, (select coalesce(max(position), 0) + 10 from workflow_status), false)")
                .params(code, clean)
                .update();
        audit.record(actor, "STATUS_ADDED", "status:" + code, clean);
        return all().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    @Transactional
    public void rename(String code, String name, String actor) {
        String before = find(code).name();
        String clean = checkedName(name, code);
        jdbc.sql("update workflow_status set name = ? where code = ?")
                .params(clean, code)
                .update();
        audit.record(actor, "STATUS_RENAMED", "status:" + code, before + " → " + clean);
    }

    /** Swaps a status with its neighbour above ({@code -1}) or below ({@code +1}) in the tabs. */
    @Transactional
    public void move(String code, int direction, String actor) {
        List<Status> statuses = all();
        int index = statuses.indexOf(find(code, statuses));
        int other = index + Integer.signum(direction);
        if (other < 0 || other >= statuses.size()) {
            return;
        }
        Status a = statuses.get(index);
        Status b = statuses.get(other);
        // positions may repeat after edits: give every status its place, then swap the two
        for (int i = 0; i < statuses.size(); i++) {
            jdbc.sql("update workflow_status set position = ? where code = ?")
                    .params((i + 1) * 10, statuses.get(i).code())
                    .update();
        }
        jdbc.sql("update workflow_status set position = ? where code = ?")
                .params((other + 1) * 10, a.code())
                .update();
        jdbc.sql("update workflow_status set position = ? where code = ?")
                .params((index + 1) * 10, b.code())
                .update();
        audit.record(actor, "STATUS_MOVED", "status:" + code, direction < 0 ? "上へ" : "下へ");
    }

    /** Removes one of the merchant's own statuses; refused for built-in ones and for a status that holds orders. */
    @Transactional
    public void remove(String code, String actor) {
        Status status = find(code);
        if (status.builtin()) {
            throw new IllegalStateException("「" + status.name() + "」は標準のステータスなので削除できません（名前の変更と並べ替えはできます）");
        }
        long held = jdbc.sql("select count(*) from oms_order where workflow_status = ?")
                .param(code)
                .query(Long.class)
                .single();
        if (held > 0) {
            throw new IllegalStateException("「" + status.name() + "」には受注が " + held + " 件あるため削除できません。先に別のステータスへ移してください");
        }
        jdbc.sql("delete from workflow_status where code = ?").param(code).update();
        audit.record(actor, "STATUS_REMOVED", "status:" + code, status.name());
    }

    private Status find(String code) {
        return find(code, all());
    }

    private static Status find(String code, List<Status> statuses) {
        return statuses.stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ステータスがありません: " + code));
    }

    private String checkedName(String name, String exceptCode) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 20) {
            throw new IllegalArgumentException("ステータス名は1〜20文字で入力してください");
        }
        boolean taken = jdbc.sql("select exists (select 1 from workflow_status where name = ? and code <> ?)")
                .params(clean, exceptCode == null ? "" : exceptCode)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new IllegalArgumentException("「" + clean + "」という名前のステータスはもうあります");
        }
        return clean;
    }
}
