package jp.juchu.shop.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jp.juchu.shop.files.internal.LoginThrottle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ユーザー認証: directories of a shop's published area that the storefront serves only to a user of that
 * directory (HTTP Basic). Passwords are kept as hashes; failed tries are throttled as FTP logins are.
 */
@Service
public class ProtectedDirectories {

    public static final int MAX_DIRECTORIES = 10;
    public static final int MAX_USERS = 20;
    public static final Pattern DIRECTORY = Pattern.compile("[A-Za-z0-9_.-]{1,64}(/[A-Za-z0-9_.-]{1,64}){0,4}");
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@-]{1,32}");
    private static final int MAX_LABEL = 60;
    private static final int VERIFIED_CACHE = 10_000;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final Clock clock;
    /** Passwords already checked against a stored hash, so a page's images do not each cost a slow hash. */
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

    ProtectedDirectories(JdbcClient jdbc, PasswordEncoder passwords, LoginThrottle throttle, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
    }

    public List<ProtectedDirectory> list(String shopId) {
        return jdbc.sql("select id, path, label, created_at from protected_dir where shop_id = ? order by path")
                .param(shopId)
                .query((rs, n) -> new ProtectedDirectory(
                        rs.getLong("id"),
                        shopId,
                        rs.getString("path"),
                        rs.getString("label"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        usernames(rs.getLong("id"))))
                .list();
    }

    public Optional<ProtectedDirectory> find(String shopId, long id) {
        return list(shopId).stream().filter(d -> d.id() == id).findFirst();
    }

    @Transactional
    public ProtectedDirectory protect(String shopId, String path, String label) {
        String normalized = path == null ? "" : path.strip();
        if (normalized.startsWith("/docs/")) {
            normalized = normalized.substring("/docs/".length());
        }
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        while (normalized.startsWith("/")) {
            normalized = normalized.substring(1);
        }
        if (!DIRECTORY.matcher(normalized).matches() || !ShopFiles.isSafeRelativePath(normalized)) {
            throw new FilesRefused("path", "files.auth.error.path");
        }
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > MAX_LABEL || name.chars().anyMatch(Character::isISOControl)) {
            throw new FilesRefused("label", "files.auth.error.label");
        }
        jdbc.sql("select shop_id from shop where shop_id = ? for update")
                .param(shopId)
                .query()
                .listOfRows();
        List<ProtectedDirectory> existing = list(shopId);
        if (existing.size() >= MAX_DIRECTORIES) {
            throw new FilesRefused("path", "files.auth.error.full");
        }
        String finalPath = normalized;
        if (existing.stream().anyMatch(d -> d.path().equals(finalPath))) {
            throw new FilesRefused("path", "files.auth.error.taken");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql(
                        "insert into protected_dir (shop_id, path, label, created_at) values (?, ?, ?, ?) returning id")
                .params(shopId, normalized, name, now)
                .query(Long.class)
                .single();
        return new ProtectedDirectory(id, shopId, normalized, name, now, List.of());
    }

    @Transactional
    public void unprotect(String shopId, long id) {
        jdbc.sql("delete from protected_dir where id = ? and shop_id = ?")
                .params(id, shopId)
                .update();
    }

    /** Adds a user to the directory, or gives an existing one a new password. */
    @Transactional
    public void setUser(String shopId, long directoryId, String username, String password) {
        ProtectedDirectory directory =
                find(shopId, directoryId).orElseThrow(() -> new FilesRefused("username", "files.auth.error.notFound"));
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new FilesRefused("username", "files.auth.error.username");
        }
        if (password == null || !FtpAccounts.PASSWORD.matcher(password).matches()) {
            throw new FilesRefused("password", "files.auth.error.password");
        }
        boolean exists = directory.usernames().contains(username);
        if (!exists && directory.usernames().size() >= MAX_USERS) {
            throw new FilesRefused("username", "files.auth.error.fullUsers");
        }
        String hash = passwords.encode(password);
        if (exists) {
            jdbc.sql("update protected_dir_user set password_hash = ? where dir_id = ? and username = ?")
                    .params(hash, directoryId, username)
                    .update();
        } else {
            jdbc.sql("insert into protected_dir_user (dir_id, username, password_hash, created_at) values (?, ?, ?, ?)")
                    .params(directoryId, username, hash, OffsetDateTime.now(clock))
                    .update();
        }
    }

    @Transactional
    public void removeUser(String shopId, long directoryId, String username) {
        jdbc.sql("delete from protected_dir_user u using protected_dir d"
                        + " where u.dir_id = d.id and d.id = ? and d.shop_id = ? and u.username = ?")
                .params(directoryId, shopId, username)
                .update();
    }

    /** The innermost protected directory a published path lies in, if any. */
    public Optional<ProtectedDirectory> guarding(String shopId, String relativePath) {
        return list(shopId).stream()
                .filter(d -> d.covers(relativePath))
                .max(Comparator.comparingInt(d -> d.path().length()));
    }

    /**
     * The user an {@code Authorization: Basic …} header proves for the directory; empty when it is missing,
     * malformed or wrong, or when failed tries have locked the user or the client's address.
     */
    public Optional<String> authorize(ProtectedDirectory directory, String authorization, String clientAddress) {
        if (authorization == null
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || authorization.length() > 400) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String account = directory.id() + ":" + username;
        if (!throttle.allows(account, clientAddress)) {
            return Optional.empty();
        }
        Optional<String> hash = jdbc.sql(
                        "select password_hash from protected_dir_user where dir_id = ? and username = ?")
                .params(directory.id(), username)
                .query(String.class)
                .optional();
        if (hash.isEmpty() || !matches(password, hash.get())) {
            throttle.failed(account, clientAddress);
            return Optional.empty();
        }
        throttle.succeeded(account);
        return Optional.of(username);
    }

    private boolean matches(String password, String hash) {
        String key = sha256(hash + "\n" + password);
        if (verified.containsKey(key)) {
            return true;
        }
        boolean ok = passwords.matches(password, hash);
        if (ok) {
            if (verified.size() > VERIFIED_CACHE) {
                verified.clear();
            }
            verified.put(key, Boolean.TRUE);
        }
        return ok;
    }

    private List<String> usernames(long directoryId) {
        return jdbc.sql("select username from protected_dir_user where dir_id = ? order by username")
                .param(directoryId)
                .query(String.class)
                .list();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
