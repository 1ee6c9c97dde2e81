package jp.juchu.oms.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.juchu.oms.OmsApplication;
import jp.juchu.oms.users.Role;
import jp.juchu.oms.users.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14 over real HTTP on two OMS nodes sharing one database (as the OMS runs): sessions end on every node when
 * access is taken away, uploads up to 50 MB pass and larger ones get a page that says the limit, the session
 * cookie is {@code SameSite=Lax}, and a forged {@code Host} never reaches a redirect.
 */
class SecurityOverHttpTests {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void twoNodes() {
        first = node();
        second = node();
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(OmsApplication.class).run("--server.port=0", "--spring.jmx.enabled=false");
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://localhost:"
                + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** A browser: its own cookies, no redirects followed. */
    private static final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String url) throws Exception {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(url).body());
            assertThat(token.find()).as("a CSRF token on " + url).isTrue();
            return token.group(1);
        }

        HttpResponse<String> login(String base, String loginId, String password) throws Exception {
            String form = "username=" + loginId + "&password=" + password + "&_csrf=" + csrf(base + "/login");
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> upload(String url, String csrf, String fileName, byte[] content, String... fields)
                throws Exception {
            String boundary = "----juchu" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 1024);
            StringBuilder head = new StringBuilder();
            head.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                    .append(csrf)
                    .append("\r\n");
            for (int i = 0; i < fields.length; i += 2) {
                head.append("--")
                        .append(boundary)
                        .append("\r\nContent-Disposition: form-data; name=\"")
                        .append(fields[i])
                        .append("\"\r\n\r\n")
                        .append(fields[i + 1])
                        .append("\r\n");
            }
            head.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(fileName)
                    .append("\"\r\nContent-Type: text/csv\r\n\r\n");
            body.write(head.toString().getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String newUser(Role role) {
        String loginId = "http" + System.nanoTime() % 10_000_000;
        first.getBean(Users.class).add(loginId, "HTTP テスト", role, "http-pass-1234");
        return loginId;
    }

    private static void assertSignedIn(Browser browser, String base) throws Exception {
        assertThat(browser.get(base + "/orders").statusCode()).isEqualTo(200);
    }

    private static void assertSentToLogin(Browser browser, String base) throws Exception {
        HttpResponse<String> page = browser.get(base + "/orders");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        assertThat(browser.get(base + "/orders")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .as("and the session is gone, not only refused once")
                .endsWith("/login");
    }

    @Test
    void disablingAUserOnOneNodeEndsTheirSessionOnTheOtherAtOnce() throws Exception {
        String loginId = newUser(Role.STAFF);
        Browser browser = new Browser();
        browser.login(base(first), loginId, "http-pass-1234");
        assertSignedIn(browser, base(first));

        second.getBean(Users.class).setEnabled(loginId, false, "admin");

        assertSentToLogin(browser, base(first));
    }

    @Test
    void aPasswordResetOrARoleChangeEndsTheSessionToo() throws Exception {
        String reset = newUser(Role.STAFF);
        Browser resetBrowser = new Browser();
        resetBrowser.login(base(first), reset, "http-pass-1234");
        assertSignedIn(resetBrowser, base(first));
        second.getBean(Users.class).resetPassword(reset, "new-pass-98765", "admin");
        assertSentToLogin(resetBrowser, base(first));

        String demoted = newUser(Role.STAFF);
        Browser demotedBrowser = new Browser();
        demotedBrowser.login(base(second), demoted, "http-pass-1234");
        assertSignedIn(demotedBrowser, base(second));
        first.getBean(Users.class).changeRole(demoted, Role.VIEWER, "admin");
        assertSentToLogin(demotedBrowser, base(second));

        demotedBrowser.login(base(second), demoted, "http-pass-1234");
        assertSignedIn(demotedBrowser, base(second));
    }

    @Test
    void aControlCharacterOrAnIndexNoPageOffersGetsAPageNamingTheField() throws Exception {
        String loginId = newUser(Role.STAFF);
        Browser browser = new Browser();
        browser.login(base(first), loginId, "http-pass-1234");

        HttpResponse<String> nul = browser.get(base(first) + "/orders?keyword=a%00b");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("「キーワード」に使えない文字（NULなどの制御文字）が含まれています");

        HttpResponse<String> index = browser.get(base(first) + "/orders/new?lines%5B100000%5D.name=x");
        assertThat(index.statusCode()).isEqualTo(400);
        assertThat(index.body()).contains("「商品名 100001」の番号が画面にない範囲です").hasSizeLessThan(20_000);
    }

    @Test
    void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
        String loginId = newUser(Role.VIEWER);
        HttpResponse<String> login = new Browser().login(base(first), loginId, "http-pass-1234");

        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("OMSSESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly");
    }

    @Test
    void aForgedHostHeaderNeverReachesARedirect() throws Exception {
        // java.net.http refuses to set Host, so the request line carries an absolute URI of another host
        try (java.net.Socket socket = new java.net.Socket(
                "localhost",
                ((WebServerApplicationContext) first).getWebServer().getPort())) {
            socket.getOutputStream()
                    .write(("GET /orders HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 302");
            assertThat(response).doesNotContainIgnoringCase("evil.example");
            assertThat(response).containsIgnoringCase("Location: /login");
        }
    }

    @Test
    void anUploadOverFiftyMegabytesGetsAPageThatSaysTheLimitAndImportsNothing() throws Exception {
        String loginId = newUser(Role.STAFF);
        Browser browser = new Browser();
        browser.login(base(first), loginId, "http-pass-1234");
        String csrf = browser.csrf(base(first) + "/exchange/import");
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        long imports =
                jdbc.sql("select count(*) from csv_import").query(Long.class).single();

        byte[] tooLarge = new byte[52 * 1024 * 1024];
        java.util.Arrays.fill(tooLarge, (byte) 'a');
        HttpResponse<String> page =
                browser.upload(base(first) + "/exchange/import", csrf, "big.csv", tooLarge, "template", "1");

        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("取り込めるファイルは50MBまでです");
        assertThat(jdbc.sql("select count(*) from csv_import").query(Long.class).single())
                .isEqualTo(imports);
    }

    @Test
    void anOrderCsvOfSeveralMegabytesIsImported() throws Exception {
        String loginId = newUser(Role.STAFF);
        Browser browser = new Browser();
        browser.login(base(first), loginId, "http-pass-1234");
        String csrf = browser.csrf(base(first) + "/exchange/import");
        long template = first.getBean(JdbcClient.class)
                .sql("select id from import_template where name = '標準'")
                .query(Long.class)
                .single();
        StringBuilder csv =
                new StringBuilder("受注番号,受注日時,購入者名,購入者電話番号,購入者郵便番号,購入者都道府県,購入者住所,支払方法,商品コード,商品名,単価,数量,税率,送料,備考\r\n");
        String prefix = "BIG" + System.nanoTime() % 100_000 + "-";
        String remarks = "備考".repeat(1000);
        int lines = 0;
        while (csv.length() < 1_500_000) { // over the old 1 MB limit in UTF-8 (about 4 MB)
            csv.append(prefix)
                    .append(lines / 2)
                    .append(",2026/11/20 10:30,山田 太郎,03-1234-5678,150-0001,東京都,渋谷区神宮前1-2-3,銀行振込,tea-")
                    .append(lines % 2)
                    .append(",静岡煎茶,1080,1,8,0,")
                    .append(remarks)
                    .append("\r\n");
            lines++;
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(content.length).isGreaterThan(2 * 1024 * 1024);

        HttpResponse<String> done = browser.upload(
                base(first) + "/exchange/import", csrf, "big.csv", content, "template", String.valueOf(template));

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(first.getBean(JdbcClient.class)
                        .sql("select count(*) from oms_order where order_number like ?")
                        .param(prefix + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo((lines + 1) / 2);
    }
}
