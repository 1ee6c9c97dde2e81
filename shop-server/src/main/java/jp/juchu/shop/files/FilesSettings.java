package jp.juchu.shop.files;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param root the shops' file areas, one directory per shop ID; {@code docs/} in each is published
 * @param ftp the embedded FTP server
 * @param login the throttle of failed logins (FTP and the protected directories alike)
 * @param quota the most one shop's file area may hold; an FTP upload past it is refused (552)
 */
@ConfigurationProperties("shop.files")
public record FilesSettings(
        @DefaultValue("./data/shop-files") Path root,
        @DefaultValue Ftp ftp,
        @DefaultValue Login login,
        @DefaultValue("100MB") DataSize quota) {

    /**
     * @param enabled run the FTP server
     * @param port its control port; 0 picks a free one (tests)
     * @param bindAddress the address it listens on; empty for all
     * @param passivePorts passive data ports, e.g. {@code 30000-30100}; empty for any free port
     * @param passiveExternalAddress the address announced for passive connections behind NAT; empty for the local one
     * @param activationDelay a new account can log in this long after its creation (作成後使用可能となるまで)
     * @param idleTimeout a session idle this long is closed
     * @param requireTls refuse a login before {@code AUTH TLS} (explicit FTPS only)
     * @param tls the certificate offered for explicit FTPS
     */
    public record Ftp(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("2121") int port,
            @DefaultValue("") String bindAddress,
            @DefaultValue("") String passivePorts,
            @DefaultValue("") String passiveExternalAddress,
            @DefaultValue("10m") Duration activationDelay,
            @DefaultValue("5m") Duration idleTimeout,
            @DefaultValue("false") boolean requireTls,
            @DefaultValue Tls tls) {}

    /**
     * @param keystore a PKCS#12 (or JKS) key store holding the server's key and certificate; empty for a
     *     self-signed certificate generated at first start next to the file areas
     * @param password the key store's password (and its key's)
     */
    public record Tls(
            @DefaultValue("") String keystore,
            @DefaultValue("") String password) {}

    /**
     * @param maxFailures failures of one account (or one directory's user) before it is locked
     * @param maxFailuresPerAddress failures from one client address before it is locked out
     * @param lockout how long a lock lasts, counted from the last failure
     * @param failureDelay the FTP server's pause after a failed login
     */
    public record Login(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("30") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration lockout,
            @DefaultValue("1s") Duration failureDelay) {}
}
