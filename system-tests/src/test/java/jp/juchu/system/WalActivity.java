package jp.juchu.system;

/**
 * What the database wrote besides the tables' pages, between two readings of its counters: write-ahead log (records,
 * full-page images, bytes, and how often a backend found the log's buffers full and wrote them itself), checkpoints,
 * and the table pages the backends had to write out themselves to free a buffer. None of it depends on the load, so
 * it tells a setting's effect apart from a slow machine.
 */
record WalActivity(
        long records,
        long fullPageImages,
        long bytes,
        long walBuffersFull,
        long checkpoints,
        long requestedCheckpoints,
        long backendWrites) {

    static WalActivity read(HarnessDatabase database) throws Exception {
        try (java.sql.Connection db = database.connect();
                java.sql.Statement sql = db.createStatement();
                java.sql.ResultSet rs = sql.executeQuery("""
                        select w.wal_records, w.wal_fpi, w.wal_bytes::bigint, w.wal_buffers_full,
                               c.num_timed + c.num_requested, c.num_requested,
                               (select coalesce(sum(writes), 0)::bigint from pg_stat_io
                                 where backend_type = 'client backend' and object = 'relation')
                          from pg_stat_wal w, pg_stat_checkpointer c
                        """)) {
            rs.next();
            return new WalActivity(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7));
        }
    }

    WalActivity since(WalActivity before) {
        return new WalActivity(
                records - before.records,
                fullPageImages - before.fullPageImages,
                bytes - before.bytes,
                walBuffersFull - before.walBuffersFull,
                checkpoints - before.checkpoints,
                requestedCheckpoints - before.requestedCheckpoints,
                backendWrites - before.backendWrites);
    }

    @Override
    public String toString() {
        return ("%,d WAL records, %,d of them full-page images, %,d MiB of WAL; the log's buffers found full %,d times;"
                        + " %d checkpoints (%d asked for by the log's size); %,d table pages written out by the"
                        + " backends themselves")
                .formatted(
                        records,
                        fullPageImages,
                        bytes / (1024 * 1024),
                        walBuffersFull,
                        checkpoints,
                        requestedCheckpoints,
                        backendWrites);
    }
}
