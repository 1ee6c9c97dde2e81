package jp.juchu.shop.files;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.juchu.shop.files.internal.LoginThrottle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shops' FTP accounts: at most {@value #MAX_PER_SHOP} per shop, named the shop's prefix
 * ({@code shopId-}) plus 0–8 half-width characters, a password of 8–32 half-width characters kept as a
 * hash, usable a while after creation. Every path — the admin page and the FTP server's logins — goes
 * through this class.
 */
@Service
public class FtpAccounts {

    public static final int MAX_PER_SHOP = 3;
    public static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9_.-]{0,8}");
    public static final Pattern PASSWORD = Pattern.compile("[\\x21-\\x7E]{8,32}");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final FilesSettings settings;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final String unknownAccountHash;

    FtpAccounts(
            JdbcClient jdbc, PasswordEncoder passwords, FilesSettings settings, LoginThrottle throttle, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.settings = settings;
        this.throttle = throttle;
        this.clock = clock;
        this.unknownAccountHash = passwords.encode("unknown-account-" + System.nanoTime());
    }

    public static String prefix(String shopId) {
        return shopId + "-";
    }

    public List<FtpAccount> list(String shopId) {
        return jdbc.sql("select id, shop_id, account_name, access, created_at, usable_from from ftp_account"
                        + " where shop_id = ? order by created_at, id")
                .param(shopId)
                .query(FtpAccount.class)
                .list();
    }

    @Transactional
    public FtpAccount create(String shopId, String suffix, String password, FtpAccess access) {
        String name = prefix(shopId) + (suffix == null ? "" : suffix);
        if (suffix == null || !SUFFIX.matcher(suffix).matches()) {
            throw new FilesRefused("suffix", "files.ftp.error.suffix");
        }
        checkPassword(password);
        if (access == null) {
            throw new FilesRefused("access", "files.ftp.error.access");
        }
        jdbc.sql("select shop_id from shop where shop_id = ? for update")
                .param(shopId)
                .query()
                .listOfRows();
        if (list(shopId).size() >= MAX_PER_SHOP) {
            throw new FilesRefused("suffix", "files.ftp.error.full");
        }
        if (jdbc.sql("select count(*) from ftp_account where account_name = ?")
                        .param(name)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new FilesRefused("suffix", "files.ftp.error.taken");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime usableFrom = now.plus(settings.ftp().activationDelay());
        long id = jdbc.sql(
                        "insert into ftp_account (shop_id, account_name, password_hash, access, created_at, usable_from)"
                                + " values (?, ?, ?, ?, ?, ?) returning id")
                .params(shopId, name, passwords.encode(password), access.name(), now, usableFrom)
                .query(Long.class)
                .single();
        return new FtpAccount(id, shopId, name, access, now, usableFrom);
    }

    @Transactional
    public void changePassword(String shopId, long id, String password) {
        checkPassword(password);
        int changed = jdbc.sql("update ftp_account set password_hash = ? where id = ? and shop_id = ?")
                .params(passwords.encode(password), id, shopId)
                .update();
        if (changed == 0) {
            throw new FilesRefused("password", "files.ftp.error.notFound");
        }
    }

    @Transactional
    public void delete(String shopId, long id) {
        jdbc.sql("delete from ftp_account where id = ? and shop_id = ?")
                .params(id, shopId)
                .update();
    }

    public Optional<FtpAccount> find(String shopId, long id) {
        return list(shopId).stream().filter(a -> a.id() == id).findFirst();
    }

    /**
     * A login to the FTP server: the account, if the password is right, the account is usable by now and
     * neither it nor the client's address is locked by failed logins.
     */
    public Optional<FtpAccount> login(String accountName, String password, String clientAddress) {
        if (accountName == null || password == null || accountName.length() > 40 || password.length() > 64) {
            return Optional.empty();
        }
        if (!throttle.allows(accountName, clientAddress)) {
            return Optional.empty();
        }
        Optional<Stored> stored = jdbc.sql(
                        "select id, shop_id, account_name, access, created_at, usable_from, password_hash"
                                + " from ftp_account where account_name = ?")
                .param(accountName)
                .query((rs, n) -> new Stored(
                        new FtpAccount(
                                rs.getLong("id"),
                                rs.getString("shop_id"),
                                rs.getString("account_name"),
                                FtpAccess.valueOf(rs.getString("access")),
                                rs.getObject("created_at", OffsetDateTime.class),
                                rs.getObject("usable_from", OffsetDateTime.class)),
                        rs.getString("password_hash")))
                .optional();
        // an unknown account costs the same hash as a known one, so timing does not tell which names exist
        String hash = stored.map(Stored::passwordHash).orElse(unknownAccountHash);
        if (!passwords.matches(password, hash) || stored.isEmpty()) {
            throttle.failed(accountName, clientAddress);
            return Optional.empty();
        }
        FtpAccount account = stored.get().account();
        if (!account.usableAt(clock.instant())) {
            return Optional.empty();
        }
        throttle.succeeded(accountName);
        return Optional.of(account);
    }

    private record Stored(FtpAccount account, String passwordHash) {}

    private static void checkPassword(String password) {
        if (password == null || !PASSWORD.matcher(password).matches()) {
            throw new FilesRefused("password", "files.ftp.error.password");
        }
    }
}
