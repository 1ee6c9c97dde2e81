package jp.juchu.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time (user + system, from Linux's {@code /proc}) of the processes a benchmark runs, so that a figure can say
 * what each part used besides how long it took: on a small machine the parts take turns on the same cores, and a
 * run's time moves with everything else on it while the work does not.
 *
 * <p>A JVM counts as itself (all its threads). A PostgreSQL server counts as its postmaster and every process under
 * it, live or ended: a backend, an autovacuum worker or a parallel worker that ended meanwhile is in its parent's
 * reaped-children time. The difference of two readings is what was used between them.
 */
final class ProcessCpu {

    /** Linux's clock ticks per second in {@code /proc} (USER_HZ, 100 on every architecture the build runs on). */
    private static final double TICKS = 100.0;

    /** Each part's reading of its CPU seconds so far, in the order the parts were named. */
    private final Map<String, DoubleSupplier> parts = new LinkedHashMap<>();

    /** A JVM by its process id. */
    ProcessCpu jvm(String name, long pid) {
        parts.put(name, () -> self(pid));
        return this;
    }

    /** A PostgreSQL server by its data directory, or a directory holding it (its {@code postmaster.pid} is read). */
    ProcessCpu server(String name, Path directory) {
        parts.put(name, () -> tree(postmaster(directory)));
        return this;
    }

    /** CPU seconds so far per part, and the machine's busy and total seconds (all cores). */
    Reading read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        parts.forEach((name, reading) -> seconds.put(name, reading.getAsDouble()));
        double[] machine = machine();
        return new Reading(seconds, machine[0], machine[1]);
    }

    /** CPU seconds per part, and the machine's, as read at one moment. */
    record Reading(Map<String, Double> seconds, double machineBusy, double machineTotal) {

        /** What was used from {@code earlier} to this reading. */
        Reading since(Reading earlier) {
            Map<String, Double> used = new LinkedHashMap<>();
            seconds.forEach((name, value) -> used.put(name, value - earlier.seconds.getOrDefault(name, 0.0)));
            return new Reading(used, machineBusy - earlier.machineBusy, machineTotal - earlier.machineTotal);
        }

        /** For the benchmark's text: each part's seconds, then the machine's. */
        @Override
        public String toString() {
            return seconds.entrySet().stream()
                            .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", "))
                    + "; the whole machine busy %.1f of %.1f".formatted(machineBusy, machineTotal);
        }
    }

    /** The process's own user + system time, in seconds (0 when it is gone). */
    private static double self(long pid) {
        long[] t = stat(pid);
        return t == null ? 0 : (t[0] + t[1]) / TICKS;
    }

    /** The process and everything under it, live or ended, in seconds. */
    private static double tree(long pid) {
        if (pid <= 0) {
            return 0;
        }
        double sum = withReaped(pid);
        try (Stream<ProcessHandle> below =
                ProcessHandle.of(pid).map(ProcessHandle::descendants).orElse(Stream.empty())) {
            sum += below.mapToDouble(p -> withReaped(p.pid())).sum();
        }
        return sum;
    }

    private static double withReaped(long pid) {
        long[] t = stat(pid);
        return t == null ? 0 : (t[0] + t[1] + t[2] + t[3]) / TICKS;
    }

    /** utime, stime, cutime and cstime of {@code /proc/<pid>/stat}, or null when the process is gone. */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces and parentheses: the fields start after its last ')'
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[] {
                Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])
            };
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** The postmaster's process id from the first {@code postmaster.pid} under the directory, or 0. */
    private static long postmaster(Path directory) {
        return Postmaster.under(directory).map(Postmaster::pid).orElse(0L);
    }

    /** The machine's busy and total seconds over all cores since boot ({@code /proc/stat}). */
    private static double[] machine() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            double total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            // idle and iowait are the 4th and 5th values
            double idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(total - idle) / TICKS, total / TICKS};
        } catch (IOException | RuntimeException unreadable) {
            return new double[] {0, 0};
        }
    }
}
