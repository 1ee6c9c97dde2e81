package jp.juchu.shop.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.shops.Shops;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The FTP account, user authentication and URL list pages, and the storefront's published files. */
@SpringBootTest
@AutoConfigureMockMvc
class ServerFilesAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Shops shops;

    @Autowired
    FtpAccounts accounts;

    @Autowired
    ShopFiles files;

    @Autowired
    ProtectedDirectories directories;

    String shopId;
    RequestPostProcessor merchant;

    @BeforeEach
    void newShop() {
        shopId = "srv" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "サーバーテスト店", "pass-" + shopId);
        merchant = user(shopId).roles("MERCHANT");
    }

    Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(merchant))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    Document postForm(String path, String... fields) throws Exception {
        var request = post(path).with(merchant).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request = request.param(fields[i], fields[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFtpPageShowsThePrefixThreeSlotsAndTheWait() throws Exception {
        Document ftp = page("/admin/server/ftp");
        assertThat(ftp.select("[data-testid=ftp-prefix]").text()).isEqualTo(shopId + "-");
        assertThat(ftp.select("[data-testid=ftp-empty-slot]")).hasSize(3);
        assertThat(ftp.select("[data-testid=ftp-delay]").text()).contains("作成後使用可能となるまで");
        assertThat(ftp.select("[data-testid=ftp-howto]").text()).contains("/shops/" + shopId + "/docs/");

        mvc.perform(post("/admin/server/ftp")
                        .with(merchant)
                        .with(csrf())
                        .param("suffix", "web")
                        .param("password", "ftp-pass-123")
                        .param("access", "DOCS"))
                .andExpect(status().is3xxRedirection());
        Document after = page("/admin/server/ftp");
        assertThat(after.select("[data-testid=ftp-account-name]").text()).isEqualTo(shopId + "-web");
        assertThat(after.select("[data-testid=ftp-account-row]").text())
                .contains("/docs/ のみ")
                .doesNotContain("ftp-pass-123");
        assertThat(after.select("[data-testid=ftp-empty-slot]")).hasSize(2);
    }

    @Test
    void theFtpPageOffersFtpsAndShowsTheDiskUsageAgainstTheQuota() throws Exception {
        java.nio.file.Files.write(files.docs(shopId).resolve("page.html"), new byte[3 * 1024 * 1024]);
        Document ftp = page("/admin/server/ftp");
        assertThat(ftp.select("[data-testid=ftp-ftps]").text()).contains("FTPS(明示的");
        assertThat(ftp.select("[data-testid=ftp-usage]").text()).contains("3.0 MB / 100.0 MB(3%)");
    }

    @Test
    void badFtpFormsGetJapaneseFieldErrorsAndSaveNothing() throws Exception {
        assertThat(postForm("/admin/server/ftp", "suffix", "toolong123", "password", "ftp-pass-123", "access", "ALL")
                        .select("[data-testid=ftp-suffix-error]")
                        .text())
                .contains("0~8文字");
        assertThat(postForm("/admin/server/ftp", "suffix", "ok", "password", "short", "access", "ALL")
                        .select("[data-testid=ftp-password-error]")
                        .text())
                .contains("8~32文字");
        assertThat(postForm("/admin/server/ftp", "suffix", "ok", "password", "x".repeat(33), "access", "ALL")
                        .select("[data-testid=ftp-password-error]")
                        .text())
                .contains("8~32文字");
        assertThat(postForm("/admin/server/ftp", "suffix", "日本語", "password", "ftp-pass-123", "access", "ALL")
                        .select("[data-testid=ftp-suffix-error]")
                        .text())
                .contains("半角");
        assertThat(postForm("/admin/server/ftp", "suffix", "ok", "password", "ftp-pass-123", "access", "ROOT")
                        .text())
                .contains("アクセス権を選んでください");
        assertThat(accounts.list(shopId)).isEmpty();
    }

    @Test
    void aFourthAccountIsRefused() throws Exception {
        for (String suffix : new String[] {"a", "b", "c"}) {
            accounts.create(shopId, suffix, "ftp-pass-123", FtpAccess.ALL);
        }
        assertThat(postForm("/admin/server/ftp", "suffix", "d", "password", "ftp-pass-123", "access", "ALL")
                        .select("[data-testid=ftp-suffix-error]")
                        .text())
                .contains("3つまで");
        assertThat(accounts.list(shopId)).hasSize(3);
    }

    @Test
    void anotherShopsAccountCanBeNeitherChangedNorDeleted() throws Exception {
        FtpAccount theirs = accounts.create(shopId, "web", "ftp-pass-123", FtpAccess.ALL);
        RequestPostProcessor intruder = user("intr" + shopId.substring(3)).roles("MERCHANT");
        mvc.perform(get("/admin/server/ftp/" + theirs.id() + "/password").with(intruder))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/server/ftp/" + theirs.id() + "/delete")
                .with(intruder)
                .with(csrf()));
        mvc.perform(post("/admin/server/ftp/" + theirs.id() + "/password")
                .with(intruder)
                .with(csrf())
                .param("password", "hijacked-123"));
        assertThat(accounts.list(shopId)).hasSize(1);
        assertThat(accounts.login(shopId + "-web", "ftp-pass-123", "10.0.0.1")).isPresent();
    }

    @Test
    void theStorefrontServesDocsFilesAndDirectoryIndexesButNeverListsOrLeavesDocs() throws Exception {
        Files.createDirectories(files.docs(shopId).resolve("sale"));
        Files.writeString(files.docs(shopId).resolve("sale/index.html"), "<p>sale</p>");
        Files.writeString(files.area(shopId).resolve("secret.txt"), "secret");
        String base = "/shops/" + shopId + "/docs";

        mvc.perform(get(base + "/sale/"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.startsWith("sandbox")));
        mvc.perform(get(base + "/sale")).andExpect(status().isMovedPermanently());
        mvc.perform(get(base + "/")).andExpect(status().isNotFound());
        for (String hostile : new String[] {
            base + "/../secret.txt",
            base + "/%2e%2e/secret.txt",
            base + "/sale/%2e%2e/%2e%2e/secret.txt",
            base + "/..%2fsecret.txt",
            base + "/..%5csecret.txt",
            base + "/sale/..\\..\\secret.txt",
            base + "/%00",
            "/shops/" + shopId + "/docs/" + "a/".repeat(600)
        }) {
            int code = mvc.perform(get(hostile)).andReturn().getResponse().getStatus();
            assertThat(code).as(hostile).isBetween(400, 499);
        }
        mvc.perform(get("/shops/nosuchshop/docs/index.html")).andExpect(status().isNotFound());
    }

    @Test
    void aProtectedDirectoryAsksForItsPasswordAndLetsItsUserIn() throws Exception {
        Files.createDirectories(files.docs(shopId).resolve("members"));
        Files.writeString(files.docs(shopId).resolve("members/price.html"), "wholesale");
        Files.writeString(files.docs(shopId).resolve("open.html"), "open");

        postFormRedirect("/admin/server/auth", "path", "/docs/members/", "label", "卸売り専用");
        ProtectedDirectory dir = directories.list(shopId).get(0);
        assertThat(dir.path()).isEqualTo("members");
        postFormRedirect(
                "/admin/server/auth/" + dir.id() + "/users",
                "directoryId",
                "" + dir.id(),
                "username",
                "wholesaler",
                "password",
                "basic-pass-1");

        String url = "/shops/" + shopId + "/docs/members/price.html";
        mvc.perform(get(url))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic realm=")));
        mvc.perform(get(url).header("Authorization", basic("wholesaler", "wrong-pass")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(url).header("Authorization", "Basic %%%not-base64")).andExpect(status().isUnauthorized());
        mvc.perform(get(url).header("Authorization", basic("wholesaler", "basic-pass-1")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
        mvc.perform(get("/shops/" + shopId + "/docs/open.html")).andExpect(status().isOk());
        // the same user name and password do not open another shop's directory of the same name
        String other = "oth" + shopId.substring(3);
        shops.open(other, "となり", "pass-" + other);
        Files.createDirectories(files.docs(other).resolve("members"));
        Files.writeString(files.docs(other).resolve("members/price.html"), "theirs");
        directories.protect(other, "members", "会員");
        mvc.perform(get("/shops/" + other + "/docs/members/price.html")
                        .header("Authorization", basic("wholesaler", "basic-pass-1")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void guessingABasicPasswordLocksTheUser() throws Exception {
        Files.createDirectories(files.docs(shopId).resolve("vip"));
        Files.writeString(files.docs(shopId).resolve("vip/a.txt"), "a");
        ProtectedDirectory dir = directories.protect(shopId, "vip", "VIP");
        directories.setUser(shopId, dir.id(), "vip", "right-pass-1");
        String url = "/shops/" + shopId + "/docs/vip/a.txt";
        for (int i = 0; i < 5; i++) {
            mvc.perform(get(url).header("Authorization", basic("vip", "guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get(url).header("Authorization", basic("vip", "right-pass-1")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void badUserAuthFormsGetJapaneseFieldErrors() throws Exception {
        assertThat(postForm("/admin/server/auth", "path", "../etc", "label", "x")
                        .select("[data-testid=auth-path-error]")
                        .text())
                .contains("/docs/ より下");
        assertThat(postForm("/admin/server/auth", "path", "ok", "label", "")
                        .select("[data-testid=auth-label-error]")
                        .text())
                .contains("60文字");
        ProtectedDirectory dir = directories.protect(shopId, "ok", "会員");
        assertThat(postForm(
                                "/admin/server/auth/" + dir.id() + "/users",
                                "directoryId",
                                "" + dir.id(),
                                "username",
                                "a b",
                                "password",
                                "basic-pass-1")
                        .select("[data-testid=auth-username-error]")
                        .text())
                .contains("ユーザー名");
        assertThat(postForm(
                                "/admin/server/auth/" + dir.id() + "/users",
                                "directoryId",
                                "" + dir.id(),
                                "username",
                                "ab",
                                "password",
                                "short")
                        .select("[data-testid=auth-password-error]")
                        .text())
                .contains("8~32文字");
        assertThat(directories.list(shopId).get(0).usernames()).isEmpty();
    }

    @Test
    void theUrlListShowsEveryPublicUrlWithItsStatus() throws Exception {
        Files.createDirectories(files.docs(shopId).resolve("members"));
        Files.writeString(files.docs(shopId).resolve("members/a.html"), "a");
        Files.writeString(files.docs(shopId).resolve("campaign.html"), "c");
        directories.protect(shopId, "members", "会員");

        Document urls = page("/admin/server/urls");
        assertThat(urls.select("[data-kind=top]").text()).contains("/shops/" + shopId + "/", "公開中");
        assertThat(urls.select("[data-kind=legal]").text()).contains("特定商取引法");
        assertThat(urls.select("[data-kind=file]").eachText())
                .anySatisfy(row -> assertThat(row).contains("/docs/campaign.html", "公開中"))
                .anySatisfy(row -> assertThat(row).contains("/docs/members/a.html", "認証あり"));
        page("/admin/server/urls?page=abc");
        page("/admin/server/urls?page=999999999999");
    }

    void postFormRedirect(String path, String... fields) throws Exception {
        var request = post(path).with(merchant).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request = request.param(fields[i], fields[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }
}
