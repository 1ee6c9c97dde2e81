package jp.juchu.shop.files.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import jp.juchu.shop.files.FilesSettings;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address; past the limit, logins are refused — even
 * with the right password — until the lockout has passed since the last failure. A success clears the
 * account's count. Bounded: when it holds too many keys, the stale ones are dropped.
 */
@Component
public class LoginThrottle {

    private static final int MAX_KEYS = 50_000;

    private final FilesSettings.Login settings;
    private final Clock clock;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(FilesSettings settings, Clock clock) {
        this.settings = settings.login();
        this.clock = clock;
    }

    /** Whether this account may try now from this address. */
    public boolean allows(String account, String address) {
        return !locked("a:" + account, settings.maxFailures())
                && !locked("ip:" + address, settings.maxFailuresPerAddress());
    }

    public void failed(String account, String address) {
        if (failures.size() > MAX_KEYS) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> f.last.plus(settings.lockout()).isBefore(now));
        }
        count("a:" + account);
        count("ip:" + address);
    }

    public void succeeded(String account) {
        failures.remove("a:" + account);
    }

    public Duration lockout() {
        return settings.lockout();
    }

    private void count(String key) {
        Instant now = clock.instant();
        failures.compute(
                key,
                (k, f) -> f == null || f.last.plus(settings.lockout()).isBefore(now)
                        ? new Failures(1, now)
                        : new Failures(f.count + 1, now));
    }

    private boolean locked(String key, int max) {
        Failures f = failures.get(key);
        return f != null && f.count >= max && !f.last.plus(settings.lockout()).isBefore(clock.instant());
    }

    private record Failures(int count, Instant last) {}
}
