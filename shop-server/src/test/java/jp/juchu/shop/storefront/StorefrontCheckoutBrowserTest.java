package jp.juchu.shop.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import jp.juchu.shop.apikeys.ApiKeys;
import jp.juchu.shop.apikeys.IssuedKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A member checks out in a real browser on a phone-sized screen — two destinations, cash on delivery,
 * points — through the storefront's real pages, over the in-memory double of the catalog, customers
 * and orders modules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StorefrontFixtures.class)
@TestPropertySource(properties = {"spring.mail.host=localhost", "spring.mail.port=" + StorefrontTest.SMTP_PORT})
class StorefrontCheckoutBrowserTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(StorefrontTest.SMTP_PORT, null, "smtp"));

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    StorefrontFixtures fixtures;

    @Autowired
    ApiKeys apiKeys;

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-background-networking")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void memberChecksOutToTwoDestinationsByCashOnDeliveryWithPoints() {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 10);
        fixtures.member(shopId, "sakura", "sakura-pass-1", 300);
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))
                .newPage();

        page.navigate("http://localhost:" + port + "/shops/" + shopId + "/");
        page.getByTestId("login-link").click();
        page.getByTestId("login-account").fill("sakura");
        page.getByTestId("login-password").fill("sakura-pass-1");
        page.getByTestId("login-submit").click();
        page.getByTestId("item-card").first().click();
        page.getByTestId("quantity").fill("3");
        page.getByTestId("add-to-cart").click();
        assertThat(page.getByTestId("cart-total")).hasText("3,240円");
        shot(page, "01-cart");
        page.getByTestId("to-checkout").click();

        assertThat(page.getByTestId("buyer-email")).hasValue("sakura@example.jp");
        page.getByTestId("add-destination").click();
        page.getByTestId("dest-qty-0-0").fill("1");
        page.getByTestId("dest-qty-1-0").fill("2");
        page.getByTestId("dest-name-1").fill("佐藤 一郎");
        page.getByTestId("dest-kana-1").fill("サトウ イチロウ");
        page.getByTestId("dest-phone-1").fill("06-1234-5678");
        page.getByTestId("dest-postalCode-1").fill("530-0001");
        page.getByTestId("dest-prefecture-1").selectOption("大阪府");
        page.getByTestId("dest-address1-1").fill("大阪市北区梅田1-1-1");
        page.getByTestId("dest-slot-1").selectOption("From14To16");
        page.getByTestId("dest-noshi-1").fill("御歳暮");
        page.getByTestId("points-to-use").fill("200");
        page.getByTestId("pay-CashOnDelivery").check();
        shot(page, "02-checkout");
        page.getByTestId("to-confirm").click();

        assertThat(page.getByTestId("amount-items")).hasText("3,240円");
        assertThat(page.getByTestId("amount-shipping")).hasText("1,600円");
        assertThat(page.getByTestId("amount-points")).hasText("-200円");
        assertThat(page.getByTestId("amount-cod")).hasText("330円");
        assertThat(page.getByTestId("amount-total")).hasText("4,970円");
        assertThat(page.getByTestId("amount-tax-8")).containsText("8%対象");
        assertThat(page.getByTestId("amount-tax-10")).containsText("10%対象");
        assertThat(page.getByTestId("confirm-destination-1")).containsText("御歳暮");
        shot(page, "03-confirm");
        page.getByTestId("place-order").click();

        String orderNumber = page.getByTestId("order-number").textContent().strip();
        assertThat(orderNumber).isNotBlank();
        shot(page, "04-thanks");
        assertThat(fixtures.points(shopId, "sakura")).isEqualTo(100);
        assertThat(fixtures.order(shopId, orderNumber).deliveries()).hasSize(2);
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();

        page.getByTestId("mypage-link").click();
        assertThat(page.getByTestId("history-row")).containsText(orderNumber);
        shot(page, "05-mypage");

        // the merchant sees it at once in the admin: the order list and the dashboard's unconfirmed count
        Page admin = browser.newPage();
        admin.navigate("http://localhost:" + port + "/admin/login");
        admin.locator("input[name=shopId]").fill(shopId);
        admin.locator("input[name=password]").fill(StorefrontFixtures.MERCHANT_PASSWORD);
        admin.locator("button[type=submit]").click();
        assertThat(admin.getByTestId("unconfirmed")).hasText("1");
        admin.navigate("http://localhost:" + port + "/admin/orders");
        assertThat(admin.getByTestId("orders")).containsText(orderNumber);
        shot(admin, "06-admin-orders");

        // and the order API returns it with the points and the cash-on-delivery fee
        IssuedKeys keys = apiKeys.issue(shopId);
        APIResponse api = playwright
                .request()
                .newContext()
                .post(
                        "http://localhost:" + port + "/api/management/v2/orders/_retrieve/all",
                        RequestOptions.create()
                                .setHeader(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString((shopId + ":" + keys.managerKey())
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .setHeader("Content-Type", "application/json")
                                .setData("{\"since\":\"" + OffsetDateTime.now().minusHours(1) + "\"}"));
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.text())
                .contains("\"order_number\":\"" + orderNumber + "\"")
                .contains("\"points_used\":200")
                .contains("\"cod_fee\":330");
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("storefront-" + name + ".png"))
                .setFullPage(true));
    }
}
