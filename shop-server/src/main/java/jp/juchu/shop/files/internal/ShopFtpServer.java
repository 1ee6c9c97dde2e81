package jp.juchu.shop.files.internal;

import java.util.Map;
import jp.juchu.shop.files.FilesSettings;
import jp.juchu.shop.files.FtpAccounts;
import jp.juchu.shop.files.ShopFiles;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.command.CommandFactoryFactory;
import org.apache.ftpserver.command.impl.APPE;
import org.apache.ftpserver.command.impl.STOR;
import org.apache.ftpserver.command.impl.STOU;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The shops' FTP server (Apache FtpServer, embedded): one listener on {@code shop.files.ftp.port}, each
 * login confined to its account's home by the native file system's root. A client gets three tries per
 * connection with a pause after each failure; {@link LoginThrottle} locks an account or address beyond that.
 * Explicit FTPS ({@code AUTH TLS}) on the same port with {@link FtpsKeyStore}'s certificate; plain FTP is
 * refused with {@code shop.files.ftp.require-tls}. Uploads are bounded by the shop's quota ({@link QuotaFileSystem}).
 */
@Component
public class ShopFtpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShopFtpServer.class);
    private static final String LISTENER = "default";

    private final FilesSettings settings;
    private final FtpAccounts accounts;
    private final ShopFiles files;
    private FtpServer server;
    private Listener listener;

    ShopFtpServer(FilesSettings settings, FtpAccounts accounts, ShopFiles files) {
        this.settings = settings;
        this.accounts = accounts;
        this.files = files;
    }

    @Override
    public synchronized void start() {
        if (!settings.ftp().enabled() || server != null) {
            return;
        }
        FilesSettings.Ftp ftp = settings.ftp();
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listenerFactory = new ListenerFactory();
        listenerFactory.setPort(ftp.port());
        if (!ftp.bindAddress().isBlank()) {
            listenerFactory.setServerAddress(ftp.bindAddress());
        }
        listenerFactory.setIdleTimeout((int) ftp.idleTimeout().toSeconds());
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        if (!ftp.passivePorts().isBlank()) {
            data.setPassivePorts(ftp.passivePorts());
        }
        if (!ftp.passiveExternalAddress().isBlank()) {
            data.setPassiveExternalAddress(ftp.passiveExternalAddress());
        }
        listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        FtpsKeyStore.Location keyStore = FtpsKeyStore.of(settings);
        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(keyStore.file().toFile());
        ssl.setKeystorePassword(keyStore.password());
        ssl.setKeystoreType(keyStore.file().toString().endsWith(".jks") ? "JKS" : "PKCS12");
        ssl.setSslProtocol("TLSv1.3", "TLSv1.2");
        listenerFactory.setSslConfiguration(ssl.createSslConfiguration());
        listenerFactory.setImplicitSsl(false);
        listener = listenerFactory.createListener();
        factory.addListener(LISTENER, listener);

        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setAnonymousLoginEnabled(false);
        connections.setMaxLoginFailures(3);
        connections.setLoginFailureDelay((int) settings.login().failureDelay().toMillis());
        connections.setMaxLogins(200);
        factory.setConnectionConfig(connections.createConnectionConfig());

        NativeFileSystemFactory fileSystem = new NativeFileSystemFactory();
        fileSystem.setCreateHome(true);
        factory.setFileSystem(new QuotaFileSystem(fileSystem, files));
        CommandFactoryFactory commands = new CommandFactoryFactory();
        commands.addCommand("STOR", new QuotaReplies(new STOR()));
        commands.addCommand("APPE", new QuotaReplies(new APPE()));
        commands.addCommand("STOU", new QuotaReplies(new STOU()));
        factory.setCommandFactory(commands.createCommandFactory());
        if (ftp.requireTls()) {
            factory.setFtplets(Map.of("tls-required", new TlsRequired()));
        }
        factory.setUserManager(
                new AccountUserManager(accounts, files, (int) ftp.idleTimeout().toSeconds()));
        server = factory.createServer();
        try {
            server.start();
        } catch (FtpException e) {
            server = null;
            throw new IllegalStateException("The FTP server could not start on port " + ftp.port(), e);
        }
        log.info(
                "FTP server listening on port {} (explicit FTPS offered{})",
                port(),
                ftp.requireTls() ? " and required" : "");
    }

    /** The port the FTP server listens on (the free port picked when configured as 0). */
    public synchronized int port() {
        return listener == null ? -1 : listener.getPort();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
            listener = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null && !server.isStopped();
    }
}
