package jp.juchu.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 21's Server menu in a real browser on the demo shop, the shop server started as {@code start.sh}
 * starts it: an FTP account is made and a real FTP client uploads to {@code /docs/}, the storefront serves
 * the file, a directory is protected by a password, a shop address receives a mail over SMTP and shows it
 * in 店舗メールをみる, the URL list shows the files, and the day's access log is downloaded.
 */
class ServerMenuBrowserTest {

    private static final String SHOP_ID = Demo.SHOP_A;

    @Test
    void theServerMenuWorksEndToEnd() throws Exception {
        Path work = Demo.work("server-menu");
        int ftpPort = AppProcess.freePort();
        int smtpPort = AppProcess.freePort();
        try (AppProcess shopServer = Demo.shopServer(
                        work,
                        Map.of(
                                "shop.demo.enabled",
                                "true",
                                "shop.files.ftp.port",
                                Integer.toString(ftpPort),
                                "shop.files.ftp.activation-delay",
                                "0s",
                                "shop.mailboxes.smtp.port",
                                Integer.toString(smtpPort)));
                Browser browser = new Browser()) {
            Page admin = Demo.shopAdmin(browser.newPage(shopServer.baseUrl()), SHOP_ID);

            // サーバー → FTPアカウント: the seed's form, a bad password first
            admin.getByTestId("tab-server").click();
            admin.getByTestId("server-menu-ftp").click();
            assertThat(admin.getByTestId("ftp-prefix")).hasText(SHOP_ID + "-");
            assertThat(admin.getByTestId("ftp-empty-slot")).hasCount(3);
            admin.getByTestId("ftp-suffix").fill("web");
            admin.getByTestId("ftp-password").fill("short");
            admin.getByTestId("ftp-access-docs").check();
            admin.getByTestId("ftp-create").click();
            assertThat(admin.getByTestId("ftp-password-error")).containsText("8~32文字");
            admin.getByTestId("ftp-password").fill("ftp-pass-123");
            admin.getByTestId("ftp-access-docs").check();
            admin.getByTestId("ftp-create").click();
            assertThat(admin.getByTestId("ftp-created")).containsText("作成後使用可能となるまで");
            assertThat(admin.getByTestId("ftp-account-name")).hasText(SHOP_ID + "-web");
            assertThat(admin.getByTestId("ftp-account-row")).containsText("/docs/ のみ");
            Browser.screenshot(admin, "server-ftp");

            // a real FTP client: its root is /docs/, and ".." does not leave it
            FTPClient ftp = new FTPClient();
            ftp.connect("127.0.0.1", ftpPort);
            assertThat(ftp.login(SHOP_ID + "-web", "ftp-pass-123")).isTrue();
            ftp.enterLocalPassiveMode();
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
            assertThat(store(ftp, "sale.html", "<h1>新茶セール</h1>")).isTrue();
            assertThat(ftp.makeDirectory("members")).isTrue();
            assertThat(store(ftp, "members/index.html", "<p>卸価格表</p>")).isTrue();
            ftp.changeWorkingDirectory("..");
            assertThat(ftp.printWorkingDirectory()).isEqualTo("/");
            assertThat(ftp.listNames()).contains("sale.html", "members").doesNotContain("docs");
            ftp.logout();
            ftp.disconnect();

            Page buyer = browser.newPage(shopServer.baseUrl());
            Response sale = buyer.navigate("/shops/" + SHOP_ID + "/docs/sale.html");
            assertThat(sale.status()).isEqualTo(200);
            assertThat(buyer.locator("h1")).hasText("新茶セール");

            // ユーザー認証: the members directory asks for its password
            admin.getByTestId("menu-userAuth").click();
            admin.getByTestId("auth-path").fill("members");
            admin.getByTestId("auth-label").fill("卸売り専用ページ");
            admin.getByTestId("auth-dir-add").click();
            assertThat(admin.getByTestId("auth-dir")).containsText("卸売り専用ページ");
            admin.getByTestId("auth-username").fill("oroshi");
            admin.getByTestId("auth-password").fill("basic-pass-1");
            admin.getByTestId("auth-user-add").click();
            assertThat(admin.getByTestId("auth-user")).containsText("oroshi");
            String members = shopServer.baseUrl() + "/shops/" + SHOP_ID + "/docs/members/";
            var refused = buyer.request().get(members);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.headers().get("www-authenticate")).startsWith("Basic");
            var admitted = buyer.request()
                    .get(
                            members,
                            RequestOptions.create()
                                    .setHeader(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString("oroshi:basic-pass-1"
                                                                    .getBytes(StandardCharsets.UTF_8))));
            assertThat(admitted.status()).isEqualTo(200);
            assertThat(admitted.text()).contains("卸価格表");

            // メールアドレス追加 → a mail over SMTP → 店舗メールをみる
            admin.getByTestId("menu-mailAddress").click();
            String domain = admin.getByTestId("mail-domain").textContent().strip();
            admin.getByTestId("mail-local-part").fill("info");
            admin.getByTestId("mail-forward-to").fill("owner@example.jp");
            admin.getByTestId("mail-add").click();
            assertThat(admin.getByTestId("mail-address")).hasText("info@" + domain);
            smtpSend(smtpPort, "buyer@example.jp", "info@" + domain, "Inquiry about gift wrapping");
            admin.getByTestId("mail-view").click();
            assertThat(admin.getByTestId("inbox-row")).containsText("Inquiry about gift wrapping");
            admin.getByTestId("inbox-subject").click();
            assertThat(admin.getByTestId("message-body")).containsText("Can you wrap it?");
            Browser.screenshot(admin, "server-mail");

            // URL一覧: the published files with their status, the demo's items and categories
            admin.navigate("/admin/server/urls");
            assertThat(admin.locator("[data-kind=file]")
                            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("sale.html")))
                    .containsText("公開中");
            assertThat(admin.locator("[data-kind=file]")
                            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("members")))
                    .containsText("認証あり");
            assertThat(admin.locator("[data-kind=item]").first()).containsText("/items/");
            assertThat(admin.locator("[data-kind=category]").first()).containsText("/category?path=");

            // アクセスログ設定: today's log has the buyer's requests, downloaded in the combined format
            admin.getByTestId("menu-accessLog").click();
            assertThat(admin.getByTestId("accesslog-retention")).hasValue("30");
            admin.getByTestId("accesslog-retention").fill("0");
            admin.getByTestId("accesslog-save").click();
            assertThat(admin.getByTestId("accesslog-retention-error")).containsText("1~365");
            admin.getByTestId("accesslog-retention").fill("90");
            admin.getByTestId("accesslog-save").click();
            assertThat(admin.getByTestId("accesslog-saved")).isVisible();
            Download download = admin.waitForDownload(
                    () -> admin.getByTestId("accesslog-download").first().click());
            String log = Files.readString(download.path(), StandardCharsets.US_ASCII);
            assertThat(log).contains("\"GET /shops/" + SHOP_ID + "/docs/sale.html HTTP/1.1\" 200 ");
            assertThat(log).contains("\"GET /shops/" + SHOP_ID + "/docs/members/ HTTP/1.1\" 401 ");
            assertThat(log).contains(" - oroshi [");
        }
    }

    private static boolean store(FTPClient ftp, String path, String text) throws IOException {
        return ftp.storeFile(path, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SMTP dialogue of a mail client, by hand: each command must be answered with its success code. */
    private static void smtpSend(int port, String from, String to, String subject) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream()) {
            expect(in, "220");
            command(out, in, "HELO client.example.jp", "250");
            command(out, in, "MAIL FROM:<" + from + ">", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            command(
                    out,
                    in,
                    "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
                            + "\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\nCan you wrap it?\r\n.",
                    "250");
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String reply;
        do {
            reply = in.readLine();
            assertThat(reply).as("SMTP reply").isNotNull().startsWith(code);
        } while (reply.length() > 3 && reply.charAt(3) == '-');
    }
}
