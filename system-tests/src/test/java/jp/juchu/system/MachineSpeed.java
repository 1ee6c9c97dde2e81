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
        try (java.sql.Connection db = database.connect();
                java.sql.Statement sql = db.createStatement()) {
            for (int i = 0; i < TRIES; i++) {
                long started = System.nanoTime();
                try (java.sql.ResultSet rs =
                        sql.executeQuery("select count(*) from generate_series(1, 3000000) g where g % 7 = 3")) {
                    rs.next();
                }
                postgres = Math.min(postgres, System.nanoTime() - started);
            }
        }
        return new MachineSpeed(java / 1_000_000, postgres / 1_000_000);
    }

    @Override
    public String toString() {
        return "%d ms in the JVM and %d ms in PostgreSQL".formatted(javaMillis, postgresMillis);
    }
}
