package jp.juchu.shop.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.files.internal.ShopFtpServer;
import jp.juchu.shop.shops.Shops;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
}
