package jp.juchu.shop.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import jp.juchu.shop.files.internal.ShopFtpServer;
import jp.juchu.shop.shops.Shops;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A real FTP client (Apache Commons Net) against the shop server's embedded FTP server. */
@SpringBootTest
@AutoConfigureMockMvc
class FtpServerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    FtpAccounts accounts;

    @Autowired
    ShopFiles files;

    @Autowired
    ShopFtpServer server;

    @Autowired
    FilesSettings settings;

    String shopId;
    FTPClient ftp = new FTPClient();

    @BeforeEach
    void newShop() {
        shopId = newShopId();
        shops.open(shopId, "FTPテスト店", "pass-" + shopId);
    }

    @AfterEach
    void disconnect() throws IOException {
        if (ftp.isConnected()) {
            ftp.disconnect();
        }
    }

    static String newShopId() {
        return "ftp" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    boolean login(String account, String password) throws IOException {
        if (!ftp.isConnected()) {
            ftp.connect("127.0.0.1", server.port());
            assertThat(FTPReply.isPositiveCompletion(ftp.getReplyCode())).isTrue();
        }
        boolean ok = ftp.login(account, password);
        if (ok) {
            ftp.enterLocalPassiveMode();
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
        }
        return ok;
    }

    boolean upload(String path, String text) throws IOException {
        return ftp.storeFile(path, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileUploadedToDocsIsServedByTheStorefront() throws Exception {
        accounts.create(shopId, "web", "ftp-pass-123", FtpAccess.ALL);

        assertThat(login(shopId + "-web", "ftp-pass-123")).isTrue();
        assertThat(ftp.changeWorkingDirectory("/docs")).isTrue();
        assertThat(upload("campaign.html", "<h1>新茶キャンペーン</h1>")).isTrue();
        assertThat(ftp.makeDirectory("/docs/img")).isTrue();
        assertThat(upload("/docs/img/tea.txt", "緑茶")).isTrue();
        assertThat(upload("/private-note.txt", "unpublished")).isTrue();
        assertThat(ftp.storeFile("/docs/sjis.html", new ByteArrayInputStream("<p>新茶</p>".getBytes("Shift_JIS"))))
                .isTrue();

        mvc.perform(get("/shops/" + shopId + "/docs/campaign.html"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(content().bytes("<h1>新茶キャンペーン</h1>".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get("/shops/" + shopId + "/docs/img/tea.txt"))
                .andExpect(status().isOk())
                .andExpect(content().bytes("緑茶".getBytes(StandardCharsets.UTF_8)));
        // a page that is not UTF-8 keeps its own <meta charset>
        mvc.perform(get("/shops/" + shopId + "/docs/sjis.html"))
                .andExpect(content().contentType("text/html"));
        // what lies outside docs/ is the merchant's, not published
        assertThat(files.area(shopId).resolve("private-note.txt")).exists();
        mvc.perform(get("/shops/" + shopId + "/docs/../private-note.txt")).andExpect(status().is4xxClientError());
    }

    @Test
    void aDocsOnlyAccountSeesDocsAsItsRootAndCannotLeaveIt() throws Exception {
        Path area = files.area(shopId);
        Files.writeString(area.resolve("secret.txt"), "outside docs");
        accounts.create(shopId, "docs", "ftp-pass-123", FtpAccess.DOCS);

        assertThat(login(shopId + "-docs", "ftp-pass-123")).isTrue();
        assertThat(upload("index.html", "top")).isTrue();
        assertThat(files.docs(shopId).resolve("index.html")).hasContent("top");

        // ".." at the root stays at the root: secret.txt is never seen nor read
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        assertThat(ftp.retrieveFile("../secret.txt", read)).isFalse();
        assertThat(ftp.retrieveFile("/../secret.txt", read)).isFalse();
        assertThat(ftp.retrieveFile("../../" + shopId + "/secret.txt", read)).isFalse();
        assertThat(read.size()).isZero();
        ftp.changeWorkingDirectory("..");
        assertThat(ftp.printWorkingDirectory()).isEqualTo("/");
        assertThat(ftp.listNames()).doesNotContain("secret.txt", "docs");

        // a write aimed outside lands inside docs/ or is refused; nothing changes outside docs/
        upload("../escaped.txt", "x");
        upload("../../escaped.txt", "x");
        assertThat(area.resolve("escaped.txt")).doesNotExist();
        assertThat(area.getParent().resolve("escaped.txt")).doesNotExist();
        assertThat(ftp.deleteFile("../secret.txt")).isFalse();
        assertThat(area.resolve("secret.txt")).hasContent("outside docs");
    }

    @Test
    void noAccountReachesAnotherShopsFiles() throws Exception {
        String other = newShopId();
        shops.open(other, "となりの店", "pass-" + other);
        Files.writeString(files.docs(other).resolve("theirs.html"), "theirs");
        accounts.create(shopId, "web", "ftp-pass-123", FtpAccess.ALL);

        assertThat(login(shopId + "-web", "ftp-pass-123")).isTrue();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        assertThat(ftp.retrieveFile("/../" + other + "/docs/theirs.html", read)).isFalse();
        assertThat(ftp.retrieveFile("../" + other + "/docs/theirs.html", read)).isFalse();
        assertThat(ftp.changeWorkingDirectory("/../" + other)).isFalse();
        assertThat(read.size()).isZero();
        upload("/../" + other + "/docs/theirs.html", "defaced");
        assertThat(files.docs(other).resolve("theirs.html")).hasContent("theirs");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        accounts.create(shopId, "web", "ftp-pass-123", FtpAccess.ALL);
        for (int i = 0; i < 5; i++) {
            ftp = new FTPClient();
            assertThat(login(shopId + "-web", "wrong-pass-" + i)).isFalse();
            ftp.disconnect();
        }
        ftp = new FTPClient();
        assertThat(login(shopId + "-web", "ftp-pass-123")).isFalse();
    }

    @Test
    void aDeletedAccountNoLongerLogsIn() throws Exception {
        FtpAccount account = accounts.create(shopId, "", "ftp-pass-123", FtpAccess.ALL);
        assertThat(account.accountName()).isEqualTo(shopId + "-");
        assertThat(login(shopId + "-", "ftp-pass-123")).isTrue();
        ftp.logout();
        ftp.disconnect();

        accounts.delete(shopId, account.id());
        ftp = new FTPClient();
        assertThat(login(shopId + "-", "ftp-pass-123")).isFalse();
    }

    @Test
    void aChangedPasswordReplacesTheOldOneAtOnce() throws Exception {
        FtpAccount account = accounts.create(shopId, "a", "ftp-pass-123", FtpAccess.DOCS);
        accounts.changePassword(shopId, account.id(), "new-pass-456");
        assertThat(login(shopId + "-a", "ftp-pass-123")).isFalse();
        ftp.disconnect();
        ftp = new FTPClient();
        assertThat(login(shopId + "-a", "new-pass-456")).isTrue();
    }

    /** An explicit FTPS client that trusts only the server's generated self-signed certificate. */
    static FTPSClient ftpsClient(FilesSettings settings) throws Exception {
        Path dataDir = settings.root().toAbsolutePath().normalize().getParent();
        char[] password = Files.readString(dataDir.resolve("ftps-selfsigned.password"))
                .strip()
                .toCharArray();
        KeyStore generated = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dataDir.resolve("ftps-selfsigned.p12"))) {
            generated.load(in, password);
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ftps", generated.getCertificate("ftps"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        FTPSClient ftps = new FTPSClient("TLS", false);
        ftps.setTrustManager((X509TrustManager) trust.getTrustManagers()[0]);
        return ftps;
    }

    static void loginOverTls(FTPSClient ftps, int port, String account, String password) throws IOException {
        ftps.connect("127.0.0.1", port); // explicit: AUTH TLS right after the greeting
        assertThat(ftps.login(account, password)).isTrue();
        ftps.execPBSZ(0);
        ftps.execPROT("P");
        ftps.enterLocalPassiveMode();
        ftps.setFileType(FTP.BINARY_FILE_TYPE);
    }

    @Test
    void anFtpsClientLogsInOverTlsAndItsUploadIsServed() throws Exception {
        accounts.create(shopId, "tls", "ftp-pass-123", FtpAccess.ALL);
        FTPSClient ftps = ftpsClient(settings);
        try {
            loginOverTls(ftps, server.port(), shopId + "-tls", "ftp-pass-123");
            assertThat(ftps.storeFile(
                            "/docs/secure.html",
                            new ByteArrayInputStream("<p>暗号化</p>".getBytes(StandardCharsets.UTF_8))))
                    .isTrue();
        } finally {
            ftps.disconnect();
        }
        mvc.perform(get("/shops/" + shopId + "/docs/secure.html"))
                .andExpect(status().isOk())
                .andExpect(content().bytes("<p>暗号化</p>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anUploadPastTheQuotaIsRefusedWith552AndLeavesNothing() throws Exception {
        accounts.create(shopId, "web", "ftp-pass-123", FtpAccess.ALL);
        // a sparse file fills the area up to 64 KB below the quota without using the disk
        try (RandomAccessFile big =
                new RandomAccessFile(files.area(shopId).resolve("big.bin").toFile(), "rw")) {
            big.setLength(files.quota() - 64 * 1024);
        }
        assertThat(login(shopId + "-web", "ftp-pass-123")).isTrue();

        byte[] tooBig = new byte[200 * 1024];
        assertThat(ftp.storeFile("/docs/too-big.bin", new ByteArrayInputStream(tooBig)))
                .isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(552);
        assertThat(files.docs(shopId).resolve("too-big.bin")).doesNotExist();
        assertThat(files.usage(shopId)).isEqualTo(files.quota() - 64 * 1024);

        // what fits still goes up, and appending past the quota cuts the file back to what it was
        assertThat(ftp.storeFile("/docs/small.bin", new ByteArrayInputStream(new byte[10 * 1024])))
                .isTrue();
        assertThat(ftp.appendFile("/docs/small.bin", new ByteArrayInputStream(tooBig)))
                .isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(552);
        assertThat(files.docs(shopId).resolve("small.bin")).hasSize(10 * 1024);
    }

    @Nested
    @TestPropertySource(properties = "shop.files.ftp.require-tls=true")
    class WhenTlsIsRequired {

        @Autowired
        Shops tlsShops;

        @Autowired
        FtpAccounts tlsAccounts;

        @Autowired
        ShopFtpServer tlsServer;

        @Autowired
        FilesSettings tlsSettings;

        @Test
        void aPlainLoginIsRefusedAndAnFtpsLoginWorks() throws Exception {
            String id = newShopId();
            tlsShops.open(id, "TLS必須の店", "pass-" + id);
            tlsAccounts.create(id, "web", "ftp-pass-123", FtpAccess.ALL);

            FTPClient plain = new FTPClient();
            try {
                plain.connect("127.0.0.1", tlsServer.port());
                assertThat(plain.login(id + "-web", "ftp-pass-123")).isFalse();
                assertThat(plain.getReplyCode()).isEqualTo(530);
                assertThat(plain.listNames()).isNull();
            } finally {
                plain.disconnect();
            }

            FTPSClient ftps = ftpsClient(tlsSettings);
            try {
                loginOverTls(ftps, tlsServer.port(), id + "-web", "ftp-pass-123");
                assertThat(ftps.storeFile(
                                "/docs/ok.txt", new ByteArrayInputStream("ok".getBytes(StandardCharsets.UTF_8))))
                        .isTrue();
            } finally {
                ftps.disconnect();
            }
        }
    }
}
