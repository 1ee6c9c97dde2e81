package jp.juchu.oms.imports;

import java.time.OffsetDateTime;

/** One import run of a connection (取込履歴): its window, its counts and how it ended. */
public record ImportRun(
        long id,
        long connectionId,
        String trigger,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        OffsetDateTime since,
        String status,
        Long totalCount,
        int fetched,
        int created,
        int updated,
        int unchanged,
        int quarantined,
        String error) {

    public boolean running() {
        return "RUNNING".equals(status);
    }

    /** How long the run took, or null while it runs. */
    public Long durationMillis() {
        return finishedAt == null
                ? null
                : java.time.Duration.between(startedAt, finishedAt).toMillis();
    }

    /** Progress in percent while running, from the shop's total count of the window. */
    public int percent() {
        if (totalCount == null || totalCount == 0) {
            return running() ? 0 : 100;
        }
        return (int) Math.min(100, fetched * 100 / totalCount);
    }
}
