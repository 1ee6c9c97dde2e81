package jp.juchu.oms.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries out changes to orders' notes (tags, internal memo, alert) set-based, the one place their bounds live: the
 * orders are locked and read in one statement (in id order, as the workflow locks them), each order's changes are
 * applied in memory in the order given, then the orders are written in one statement and their history rows in one.
 * An order's version goes up by one per change made, as if each had been written on its own.
 */
@Component
class OrderNotes {

    private final JdbcClient jdbc;

    OrderNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs in the caller's transaction (the rows stay locked until it ends). */
    List<NoteChange.Result> apply(List<NoteChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<Long, Notes> notes = locked(
                changes.stream().map(NoteChange::orderId).distinct().sorted().toArray(Long[]::new));
        List<NoteChange.Result> results = new ArrayList<>(changes.size());
        List<HistoryLine> history = new ArrayList<>();
        for (NoteChange change : changes) {
            Notes order = notes.get(change.orderId());
            Written written = order == null ? Written.refused(NoteChange.Refusal.NO_ORDER) : order.apply(change);
            results.add(new NoteChange.Result(change, written.refusal()));
            if (written.refusal() == null) {
                history.add(new HistoryLine(change.orderId(), written.kind(), change.actor(), written.summary()));
            }
        }
        write(notes);
        HistoryLine.insertAll(jdbc, history);
        return results;
    }

    private Map<Long, Notes> locked(Long[] ids) {
        Map<Long, Notes> notes = new HashMap<>();
        // the lock an update takes, as the workflow's (StatusWrites.lockedStates)
        jdbc.sql("select id, tags, memo, alert from oms_order where id = any (?) order by id for no key update")
                .param(ids)
                .query(rs -> {
                    notes.put(
                            rs.getLong(1),
                            new Notes(List.of((String[]) rs.getArray(2).getArray()), rs.getString(3), rs.getString(4)));
                });
        return notes;
    }

    /**
     * The changed orders in one statement: the tags as (order, tag) pairs that PostgreSQL sorts as the single-order
     * update always did (an order left with no tags has one pair with a null tag); a memo or alert left null is
     * unchanged.
     */
    private void write(Map<Long, Notes> notes) {
        List<Long> ids = new ArrayList<>();
        List<String> memos = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        List<Integer> changes = new ArrayList<>();
        List<Long> tagIds = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        notes.forEach((id, order) -> {
            if (order.changes == 0) {
                return;
            }
            ids.add(id);
            memos.add(order.memoChanged ? order.memo : null);
            alerts.add(order.alertChanged ? order.alert : null);
            changes.add(order.changes);
            if (order.tagsChanged) {
                if (order.tags.isEmpty()) {
                    tagIds.add(id);
                    tags.add(null);
                }
                for (String tag : order.tags) {
                    tagIds.add(id);
                    tags.add(tag);
                }
            }
        });
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        with t as (
                            select p.id, coalesce(array_agg(distinct p.tag order by p.tag)
                                filter (where p.tag is not null), '{}') as tags
                            from unnest(?::bigint[], ?::text[]) as p(id, tag) group by p.id)
                        update oms_order o set tags = coalesce(t.tags, o.tags), memo = coalesce(a.memo, o.memo),
                            alert = coalesce(a.alert, o.alert), version = o.version + a.changes, updated_at = now()
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::int[]) as a(id, memo, alert, changes)
                            left join t on t.id = a.id
                        where o.id = a.id
                        """)
                .params(
                        tagIds.toArray(Long[]::new),
                        tags.toArray(String[]::new),
                        ids.toArray(Long[]::new),
                        memos.toArray(String[]::new),
                        alerts.toArray(String[]::new),
                        changes.toArray(Integer[]::new))
                .update();
    }

    /** An order's alert (要確認) with a line added: the text already there stays, the line comes last. */
    static String withAlertLine(String alert, String line) {
        return alert == null || alert.isEmpty() ? line : alert + "\n" + line;
    }

    /** What one change wrote to the history, or why it was refused. */
    private record Written(String kind, String summary, NoteChange.Refusal refusal) {

        static Written refused(NoteChange.Refusal refusal) {
            return new Written(null, null, refusal);
        }
    }

    /** One locked order's notes as the changes so far left them. */
    private static final class Notes {

        private final Set<String> tags;
        private String memo;
        private String alert;
        private boolean tagsChanged;
        private boolean memoChanged;
        private boolean alertChanged;
        private int changes;

        Notes(List<String> tags, String memo, String alert) {
            this.tags = new HashSet<>(tags);
            this.memo = memo;
            this.alert = alert;
        }

        Written apply(NoteChange change) {
            if (change instanceof NoteChange.Tags t) {
                return tags(t);
            }
            if (change instanceof NoteChange.Memo m) {
                return memo(m.line());
            }
            return alert(((NoteChange.Alert) change).line());
        }

        private Written tags(NoteChange.Tags change) {
            List<String> adding = change.add().stream()
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .toList();
            if (adding.isEmpty() && change.remove().isEmpty()) {
                return Written.refused(NoteChange.Refusal.BLANK_TAG);
            }
            if (adding.stream().anyMatch(t -> t.length() > NoteChange.TAG_LENGTH)) {
                return Written.refused(NoteChange.Refusal.TAG_TOO_LONG);
            }
            Set<String> after = new HashSet<>(tags);
            after.addAll(adding);
            // counted before the removals, as the single-order update always counted
            if (after.size() > NoteChange.TAGS) {
                return Written.refused(NoteChange.Refusal.TOO_MANY_TAGS);
            }
            change.remove().forEach(after::remove);
            tags.clear();
            tags.addAll(after);
            tagsChanged = true;
            changes++;
            List<String> summary = new ArrayList<>();
            adding.forEach(t -> summary.add("+" + t));
            change.remove().forEach(t -> summary.add("-" + t));
            return new Written("TAGS", "タグ: " + String.join(" ", summary), null);
        }

        private Written memo(String text) {
            String line = text.length() > NoteChange.MEMO_LINE ? text.substring(0, NoteChange.MEMO_LINE) : text;
            String now = memo == null ? "" : memo;
            String appended = now.isEmpty() ? line : now + "\n" + line;
            if (appended.length() > OrderLimits.MEMO) {
                return Written.refused(NoteChange.Refusal.MEMO_FULL);
            }
            memo = appended;
            memoChanged = true;
            changes++;
            return new Written("MEMO", "社内メモに追記: " + line, null);
        }

        private Written alert(String line) {
            alert = withAlertLine(alert, line);
            alertChanged = true;
            changes++;
            return new Written("ALERT", line, null);
        }
    }
}
