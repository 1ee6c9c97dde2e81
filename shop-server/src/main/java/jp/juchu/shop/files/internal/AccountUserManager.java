package jp.juchu.shop.files.internal;

import java.net.InetAddress;
import java.util.List;
import jp.juchu.shop.files.FtpAccess;
import jp.juchu.shop.files.FtpAccount;
import jp.juchu.shop.files.FtpAccounts;
import jp.juchu.shop.files.ShopFiles;
import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * The FTP server's users are the shops' FTP accounts: a login goes through {@link FtpAccounts#login},
 * and the account's home — the FTP server's root for the session, which it never leaves — is the shop's
 * whole area or its {@code docs/}. Accounts are managed on the admin page only, never over FTP.
 */
class AccountUserManager implements UserManager {

    private static final int MAX_SESSIONS_PER_ACCOUNT = 5;

    private final FtpAccounts accounts;
    private final ShopFiles files;
    private final int idleSeconds;

    AccountUserManager(FtpAccounts accounts, ShopFiles files, int idleSeconds) {
        this.accounts = accounts;
        this.files = files;
        this.idleSeconds = idleSeconds;
    }

    @Override
    public User authenticate(Authentication authentication) throws AuthenticationFailedException {
        if (!(authentication instanceof UsernamePasswordAuthentication login)) {
            throw new AuthenticationFailedException("Authentication failed");
        }
        InetAddress address =
                login.getUserMetadata() == null ? null : login.getUserMetadata().getInetAddress();
        String client = address == null ? "unknown" : address.getHostAddress();
        FtpAccount account = accounts.login(login.getUsername(), login.getPassword(), client)
                .orElseThrow(() -> new AuthenticationFailedException("Authentication failed"));
        BaseUser user = new BaseUser();
        user.setName(account.accountName());
        user.setEnabled(true);
        user.setMaxIdleTime(idleSeconds);
        user.setHomeDirectory(
                (account.access() == FtpAccess.DOCS ? files.docs(account.shopId()) : files.area(account.shopId()))
                        .toString());
        user.setAuthorities(List.of(
                new WritePermission(),
                new ConcurrentLoginPermission(MAX_SESSIONS_PER_ACCOUNT, MAX_SESSIONS_PER_ACCOUNT)));
        return user;
    }

    @Override
    public User getUserByName(String name) {
        return null;
    }

    @Override
    public String[] getAllUserNames() {
        return new String[0];
    }

    @Override
    public void delete(String name) throws FtpException {
        throw new FtpException("Accounts are managed in the shop's admin");
    }

    @Override
    public void save(User user) throws FtpException {
        throw new FtpException("Accounts are managed in the shop's admin");
    }

    @Override
    public boolean doesExist(String name) {
        return false;
    }

    @Override
    public String getAdminName() {
        return "";
    }

    @Override
    public boolean isAdmin(String name) {
        return false;
    }
}
