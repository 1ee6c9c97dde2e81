package jp.juchu.system;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A fixed piece of CPU work, timed, so that a benchmark's report says how fast the machine was while it ran: on a
 * shared host the same build's runs differed by a third, every process at once. The fastest of three tries, in
 * milliseconds, of one core's work in the JVM (SHA-256 over 256 MiB) and in PostgreSQL (three million rows
 * counted).
 */
record MachineSpeed(long javaMillis, long postgresMillis) {

    private static final int TRIES = 3;

    static MachineSpeed measure(HarnessDatabase database) throws Exception {
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 7);
        long java = Long.MAX_VALUE;
        for (int i = 0; i < TRIES; i++) {
            long started = System.nanoTime();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int mib = 0; mib < 256; mib++) {
                sha.update(block);
            }
            sha.digest();
            java = Math.min(java, System.nanoTime() - started);
        }
        long postgres = Long.MAX_VALUE;
        long backend;
        try (java.sql.Connection db = database.connect();
                java.sql.Statement sql = db.createStatement()) {
            try (java.sql.ResultSet rs = sql.executeQuery("select pg_backend_pid()")) {
                rs.next();
                backend = rs.getLong(1);
            }
            for (int i = 0; i < TRIES; i++) {
                long started = System.nanoTime();
                try (java.sql.ResultSet rs =
                        sql.executeQuery("select count(*) from generate_series(1, 3000000) g where g % 7 = 3")) {
                    rs.next();
                }
                postgres = Math.min(postgres, System.nanoTime() - started);
            }
        }
        awaitExit(backend);
        return new MachineSpeed(java / 1_000_000, postgres / 1_000_000);
    }

    /**
     * Waits until the backend that did the work has ended and its server has reaped it: its CPU time (about a second)
     * then counts in the server's reaped-children time before a measurement starts ({@link ProcessCpu}), not in it.
     */
    private static void awaitExit(long backend) throws Exception {
        java.util.Optional<ProcessHandle> process = ProcessHandle.of(backend);
        if (process.isPresent()) {
            try {
                process.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stillThere) {
                // not ended yet: the measurement goes on, and the backend's time may count in it
            }
        }
    }

    @Override
    public String toString() {
        return "%d ms in the JVM and %d ms in PostgreSQL".formatted(javaMillis, postgresMillis);
    }
}
