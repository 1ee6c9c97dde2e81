package jp.juchu.shop.apikeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import jp.juchu.shop.BrowserSupport;
import jp.juchu.shop.shops.Shops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The merchant's way to the API keys, in a real browser, and the keys at work over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyIssuanceBrowserTest {

    /** Stand-ins for the real API calls, served by the test-only probe controller on both API paths. */
    static final String MANAGEMENT = "/api/management/v2/_test/whoami";

    static final String ITEM = "/api/item/v2/_test/whoami";

    static BrowserSupport browser;

    @LocalServerPort
    int port;

    @Autowired
    Shops shops;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSupport.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    int callApi(String path, String shopId, String key) throws Exception {
        String basic = Base64.getEncoder().encodeToString((shopId + ":" + key).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void merchantAgreesToTheTermsGetsBothKeysAndReissuesTheManagerKey() throws Exception {
        String shopId = "brw" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        shops.open(shopId, "ブラウザテスト店", "browser-pass");
        Page page = browser.newPage("http://localhost:" + port);

        page.navigate("/admin/login");
        page.locator("input[name=shopId]").fill(shopId);
        page.locator("input[name=password]").fill("browser-pass");
        BrowserSupport.screenshot(page, "apikeys-01-login");
        page.locator("button[type=submit]").click();
        page.waitForURL("**/admin");

        page.locator("[data-testid=tab-server]").click();
        page.waitForURL("**/admin/server");
        BrowserSupport.screenshot(page, "apikeys-02-server-menu");
        page.locator("[data-testid=menu-shop-api]").click();
        page.waitForURL("**/admin/server/api");
        assertThat(page.locator("[data-testid=api-terms]")).containsText("第1条(著作権)");
        BrowserSupport.screenshot(page, "apikeys-03-terms");

        page.locator("[data-testid=apply]").click();
        assertThat(page.locator("[data-testid=must-agree]")).isVisible();
        BrowserSupport.screenshot(page, "apikeys-04-must-agree");

        page.locator("[data-testid=agree]").check();
        page.locator("[data-testid=apply]").click();
        assertThat(page.locator("[data-testid=issued]")).hasText("認証キーを発行しました。");
        String openKey = page.locator("[data-testid=open-key]").textContent().trim();
        String managerKey =
                page.locator("[data-testid=manager-key]").textContent().trim();
        BrowserSupport.screenshot(page, "apikeys-05-issued");

        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page.locator("[data-testid=manager-key-section] button.copy-key").click();
        assertThat(page.locator("[data-testid=manager-key-section] button.copy-key"))
                .hasText("コピーしました");
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(managerKey);

        assertThat(callApi(MANAGEMENT, shopId, managerKey)).isEqualTo(200);
        assertThat(callApi(ITEM, shopId, openKey)).isEqualTo(200);
        assertThat(callApi(MANAGEMENT, shopId, openKey)).isEqualTo(401);

        page.locator("[data-testid=reissue-manager]").click();
        page.waitForURL("**/admin/server/api/reissue?kind=MANAGER");
        BrowserSupport.screenshot(page, "apikeys-06-confirm-reissue");
        page.locator("[data-testid=confirm-reissue]").click();
        assertThat(page.locator("[data-testid=reissued]")).isVisible();
        String newManagerKey =
                page.locator("[data-testid=manager-key]").textContent().trim();
        assertThat(page.locator("[data-testid=open-key-masked]")).containsText("••••");
        BrowserSupport.screenshot(page, "apikeys-07-reissued");

        assertThat(newManagerKey).isNotEqualTo(managerKey);
        assertThat(callApi(MANAGEMENT, shopId, managerKey)).isEqualTo(401);
        assertThat(callApi(MANAGEMENT, shopId, newManagerKey)).isEqualTo(200);

        page.reload();
        assertThat(page.locator("[data-testid=manager-key]")).hasCount(0);
        assertThat(page.locator("[data-testid=manager-last-used]")).not().hasText("未使用");
        BrowserSupport.screenshot(page, "apikeys-08-masked");
    }
}
