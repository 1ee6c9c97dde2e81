package jp.juchu.shop.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.juchu.shop.system.TimeConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's two API keys: issued once the merchant agrees to the terms, reissued at will (the old
 * key stops working at once), checked on every API call. Only a hash of each key is stored; the plain
 * key exists only in the value returned by {@link #issue} and {@link #reissue}.
 */
@Service
public class ApiKeys {

    /** 32 random bytes, base64url without padding: 43 characters. */
    private static final int KEY_BYTES = 32;

    private static final int PREFIX_LENGTH = 4;

    /** Longer than any key we issue; a longer password is refused before hashing it. */
    private static final int MAX_KEY_LENGTH = 100;

    /** Last-used is kept to the minute: at most one write per key and minute, not one per request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Instant> lastUsedWritten = new ConcurrentHashMap<>();

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Agrees to the terms for the shop and issues both keys, on behalf of the platform itself. */
    @Transactional
    public IssuedKeys issue(String shopId) {
        return issue(shopId, "system");
    }

    /**
     * Records that {@code actor} agreed to the API terms for the shop and issues both keys.
     *
     * @throws IllegalStateException if the shop already has its keys (use {@link #reissue})
     */
    @Transactional
    public IssuedKeys issue(String shopId, String actor) {
        OffsetDateTime now = now();
        int agreed = jdbc.sql("""
                        insert into api_terms_agreement (shop_id, agreed_by, agreed_at) values (?, ?, ?)
                        on conflict (shop_id) do nothing""").params(shopId, actor, now).update();
        if (agreed == 0) {
            throw new IllegalStateException("API keys already issued for shop " + shopId);
        }
        String open = insertKey(shopId, KeyKind.OPEN, now, "ISSUED", actor);
        String manager = insertKey(shopId, KeyKind.MANAGER, now, "ISSUED", actor);
        return new IssuedKeys(open, manager, now);
    }

    /** Reissues one key on behalf of the platform itself. */
    @Transactional
    public IssuedKey reissue(String shopId, KeyKind kind) {
        return reissue(shopId, kind, "system");
    }

    /**
     * Replaces the shop's key of this kind: the old one is refused from this commit on.
     *
     * @throws IllegalStateException if the shop has no keys yet (use {@link #issue})
     */
    @Transactional
    public IssuedKey reissue(String shopId, KeyKind kind, String actor) {
        OffsetDateTime now = now();
        int revoked = jdbc.sql(
                        "update api_key set revoked_at = ? where shop_id = ? and kind = ? and revoked_at is null")
                .params(now, shopId, kind.name())
                .update();
        if (revoked == 0) {
            throw new IllegalStateException("No API key to reissue for shop " + shopId);
        }
        return new IssuedKey(kind, insertKey(shopId, kind, now, "REISSUED", actor), now);
    }

    /** The shop's agreement and live keys, or empty if it has not applied for the API yet. */
    public Optional<ApiKeyStatus> status(String shopId) {
        Optional<OffsetDateTime> agreedAt = jdbc.sql("select agreed_at from api_terms_agreement where shop_id = ?")
                .param(shopId)
                .query((rs, n) -> tokyo(rs, "agreed_at"))
                .optional();
        if (agreedAt.isEmpty()) {
            return Optional.empty();
        }
        List<KeyInfo> keys = jdbc.sql("""
                        select kind, key_prefix, issued_at, last_used_at from api_key
                        where shop_id = ? and revoked_at is null""")
                .param(shopId)
                .query((rs, n) -> new KeyInfo(
                        KeyKind.valueOf(rs.getString("kind")),
                        rs.getString("key_prefix"),
                        tokyo(rs, "issued_at"),
                        tokyo(rs, "last_used_at")))
                .list();
        KeyInfo open =
                keys.stream().filter(k -> k.kind() == KeyKind.OPEN).findFirst().orElse(null);
        KeyInfo manager = keys.stream()
                .filter(k -> k.kind() == KeyKind.MANAGER)
                .findFirst()
                .orElse(null);
        return Optional.of(new ApiKeyStatus(shopId, agreedAt.get(), open, manager));
    }

    /**
     * The live key of this shop that matches, and notes that it was used. Empty for an unknown shop, a
     * wrong, reissued or other shop's key alike: callers must not tell these apart to the client.
     */
    public Optional<AuthenticatedKey> authenticate(String shopId, String key) {
        if (shopId == null || key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        // Looked up by hash through a unique index: the comparison never runs over the secret itself.
        Optional<AuthenticatedKey> found = jdbc.sql(
                        "select id, shop_id, kind from api_key where key_hash = ? and revoked_at is null")
                .param(hash(key))
                .query((rs, n) -> new AuthenticatedKey(
                        rs.getLong("id"), rs.getString("shop_id"), KeyKind.valueOf(rs.getString("kind"))))
                .optional()
                .filter(k -> k.shopId().equals(shopId));
        found.ifPresent(k -> noteUse(k.keyId()));
        return found;
    }

    private void noteUse(long keyId) {
        Instant now = clock.instant();
        Instant written = lastUsedWritten.get(keyId);
        if (written != null && now.isBefore(written.plus(LAST_USED_RESOLUTION))) {
            return;
        }
        // Only the thread that swaps the timestamp writes, so concurrent calls cost one update.
        boolean mine = written == null
                ? lastUsedWritten.putIfAbsent(keyId, now) == null
                : lastUsedWritten.replace(keyId, written, now);
        if (mine) {
            jdbc.sql("update api_key set last_used_at = ? where id = ?")
                    .params(OffsetDateTime.ofInstant(now, TimeConfiguration.TOKYO), keyId)
                    .update();
        }
    }

    private String insertKey(String shopId, KeyKind kind, OffsetDateTime now, String action, String actor) {
        String key = newKey();
        String prefix = key.substring(0, PREFIX_LENGTH);
        jdbc.sql("""
                        insert into api_key (shop_id, kind, key_hash, key_prefix, issued_at)
                        values (?, ?, ?, ?, ?)""").params(shopId, kind.name(), hash(key), prefix, now).update();
        jdbc.sql("""
                        insert into api_key_event (shop_id, kind, action, key_prefix, acted_by, acted_at)
                        values (?, ?, ?, ?, ?, ?)""").params(shopId, kind.name(), action, prefix, actor, now).update();
        return key;
    }

    private String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * SHA-256, unsalted and fast, on purpose: a key is 256 bits from a CSPRNG, so neither a dictionary
     * nor brute force over the hash is feasible, and the hash can be the look-up index. A slow salted
     * password hash (bcrypt, argon2) protects low-entropy human passwords and would cost every API call.
     */
    static String hash(String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private OffsetDateTime now() {
        // Microseconds, as PostgreSQL keeps them, so what we return equals what we stored.
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime tokyo(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null
                ? null
                : value.atZoneSameInstant(TimeConfiguration.TOKYO).toOffsetDateTime();
    }
}
