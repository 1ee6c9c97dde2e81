package jp.juchu.shop.accesslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.juchu.shop.shops.Shops;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shops' access logs: each shop's policy, the daily files ({@code access-yyyyMMdd.log}, one line per
 * storefront request in the combined log format, dated in Asia/Tokyo) and their clean-up.
 */
@Service
public class AccessLog {

    /** A request attribute naming the user a protected directory let in, logged as the combined format's user. */
    public static final String REMOTE_USER_ATTRIBUTE = AccessLog.class.getName() + ".user";

    static final DateTimeFormatter FILE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String PREFIX = "access-";
    private static final String SUFFIX = ".log";
    private static final int MAX_CACHED = 10_000;
    private static final long CACHE_MILLIS = 30_000;

    private final JdbcClient jdbc;
    private final AccessLogSettings settings;
    private final Clock clock;
    private final Path dir;
    private final Map<String, Cached> policies = new ConcurrentHashMap<>();

    AccessLog(JdbcClient jdbc, AccessLogSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.dir = settings.dir().toAbsolutePath().normalize();
    }

    /** The shop's policy; empty for a shop that does not exist. */
    public Optional<AccessLogPolicy> policy(String shopId) {
        if (!Shops.SHOP_ID.matcher(shopId).matches()) {
            return Optional.empty();
        }
        long now = clock.millis();
        Cached cached = policies.get(shopId);
        if (cached != null && cached.until > now) {
            return cached.policy;
        }
        Optional<AccessLogPolicy> policy = jdbc.sql(
                        "select s.enabled, s.retention_days, (s.shop_id is not null) as chosen from shop"
                                + " left join access_log_setting s on s.shop_id = shop.shop_id where shop.shop_id = ?")
                .param(shopId)
                .query((rs, n) -> rs.getBoolean("chosen")
                        ? new AccessLogPolicy(rs.getBoolean("enabled"), rs.getInt("retention_days"))
                        : new AccessLogPolicy(settings.defaultEnabled(), settings.defaultRetentionDays()))
                .optional();
        if (policies.size() > MAX_CACHED) {
            policies.clear();
        }
        policies.put(shopId, new Cached(policy, now + CACHE_MILLIS));
        return policy;
    }

    @Transactional
    public void choose(String shopId, AccessLogPolicy policy) {
        if (!AccessLogPolicy.validRetention(policy.retentionDays())) {
            throw new IllegalArgumentException("retention must be 1-365 days: " + policy.retentionDays());
        }
        jdbc.sql("insert into access_log_setting (shop_id, enabled, retention_days, updated_at) values (?, ?, ?, ?)"
                        + " on conflict (shop_id) do update set enabled = excluded.enabled,"
                        + " retention_days = excluded.retention_days, updated_at = excluded.updated_at")
                .params(shopId, policy.enabled(), policy.retentionDays(), OffsetDateTime.now(clock))
                .update();
        policies.remove(shopId);
    }

    /** The shop's daily logs, newest first. */
    public List<DailyLog> days(String shopId) {
        Path shopDir = shopDir(shopId);
        List<DailyLog> days = new ArrayList<>();
        if (!Files.isDirectory(shopDir)) {
            return days;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shopDir, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                dateOf(file).ifPresent(date -> days.add(new DailyLog(date, sizeOf(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        days.sort(Comparator.comparing(DailyLog::date).reversed());
        return days;
    }

    /** The file of one day's log, if the shop has one. */
    public Optional<Path> file(String shopId, LocalDate date) {
        Path file = shopDir(shopId).resolve(PREFIX + FILE_DATE.format(date) + SUFFIX);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    Path fileFor(String shopId, LocalDate date) {
        return shopDir(shopId).resolve(PREFIX + FILE_DATE.format(date) + SUFFIX);
    }

    /** Deletes the shop's logs older than its retention; running it twice deletes nothing more. */
    public int deleteExpired(String shopId) {
        Optional<AccessLogPolicy> policy = policy(shopId);
        if (policy.isEmpty()) {
            return 0;
        }
        LocalDate oldestKept = LocalDate.now(clock).minusDays(policy.get().retentionDays() - 1L);
        int deleted = 0;
        for (DailyLog day : days(shopId)) {
            if (day.date().isBefore(oldestKept)) {
                try {
                    if (Files.deleteIfExists(fileFor(shopId, day.date()))) {
                        deleted++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return deleted;
    }

    /** The shops that have a log directory. */
    List<String> shopsWithLogs() {
        List<String> shops = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return shops;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dir, Files::isDirectory)) {
            dirs.forEach(d -> shops.add(d.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shops;
    }

    private Path shopDir(String shopId) {
        if (!Shops.SHOP_ID.matcher(shopId).matches()) {
            throw new IllegalArgumentException("not a shop ID: " + shopId);
        }
        return dir.resolve(shopId);
    }

    private static Optional<LocalDate> dateOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Optional.of(
                    LocalDate.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length()), FILE_DATE));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** One day's log file of a shop. */
    public record DailyLog(LocalDate date, long sizeBytes) {}

    private record Cached(Optional<AccessLogPolicy> policy, long until) {}
}
