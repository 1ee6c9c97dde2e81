package jp.juchu.shop.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import jp.juchu.shop.BrowserSupport;
import jp.juchu.shop.customers.Members;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The merchant changes the shipping fee in お店設定 and the next checkout charges it; a member's points wait for
 * approval and join the balance once the merchant approves them. The screenshots are the admin manual's: run with
 * {@code -Dhelp.screenshots.update=true} to refresh them under {@code src/main/resources/static/help}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StorefrontFixtures.class)
@TestPropertySource(properties = "shop.storefront.mail-dir=target/test-data/mail")
class ShopSettingsBrowserTest {

    static final Path MANUAL = Path.of("src", "main", "resources", "static", "help");

    static BrowserSupport browser;

    @LocalServerPort
    int port;

    @Autowired
    StorefrontFixtures fixtures;

    @Autowired
    Members members;

    @BeforeAll
    static void start() {
        browser = BrowserSupport.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void aChangedShippingFeeAppliesAtTheNextCheckoutAndApprovedPointsJoinTheBalance() throws IOException {
        String shopId = fixtures.shop();
        fixtures.product(shopId, "tea-001", "静岡煎茶", 1080, 8, 10);
        fixtures.member(shopId, "sakura", "sakura-pass-1", 0);
        Page admin = browser.newPage("http://localhost:" + port);
        admin.navigate("/admin/login");
        admin.locator("input[name=shopId]").fill(shopId);
        admin.locator("input[name=password]").fill(StorefrontFixtures.MERCHANT_PASSWORD);
        admin.locator("button[type=submit]").click();

        admin.getByTestId("tab-settings").click();
        // past the browser's own check (min="0"), the server refuses it with the field's message
        admin.getByTestId("flat-fee").evaluate("e => e.removeAttribute('min')");
        admin.getByTestId("flat-fee").fill("-5");
        admin.getByTestId("save-shipping").click();
        assertThat(admin.getByTestId("flat-fee-error")).hasText("送料は0〜100,000円で入力してください");
        admin.getByTestId("flat-fee").fill("550");
        admin.getByTestId("save-shipping").click();
        assertThat(admin.getByTestId("settings-saved")).containsText("送料設定");
        assertThat(admin.getByTestId("flat-fee")).hasValue("550");
        manual(admin, "manual-settings");

        Page buyer = browser.newPage("http://localhost:" + port);
        buyer.navigate("/shops/" + shopId + "/login");
        buyer.getByTestId("login-account").fill("sakura");
        buyer.getByTestId("login-password").fill("sakura-pass-1");
        buyer.getByTestId("login-submit").click();
        buyer.navigate("/shops/" + shopId + "/items/tea-001");
        buyer.getByTestId("quantity").fill("2");
        buyer.getByTestId("add-to-cart").click();
        buyer.getByTestId("to-checkout").click();
        buyer.getByTestId("pay-BankTransfer").check();
        buyer.getByTestId("to-confirm").click();
        assertThat(buyer.getByTestId("amount-shipping")).hasText("550円");
        assertThat(buyer.getByTestId("amount-total")).hasText("2,710円");
        assertThat(buyer.getByTestId("points-earned")).containsText("21");
        buyer.getByTestId("place-order").click();
        assertThat(buyer.getByTestId("bank-account")).containsText("お振込金額: 2,710円");
        String orderNumber = buyer.getByTestId("order-number").textContent().strip();
        assertThat(fixtures.order(shopId, orderNumber).total()).isEqualTo(2_710);
        assertThat(fixtures.points(shopId, "sakura")).isZero();

        admin.navigate("/admin");
        assertThat(admin.getByTestId("pending-points")).hasText("1");
        manual(admin, "manual-dashboard");
        admin.getByTestId("pending-points").click();
        assertThat(admin.getByTestId("pending-row")).containsText("sakura");
        manual(admin, "manual-points");
        admin.getByTestId("select-all").check();
        assertThat(admin.locator("input[name=id]").first()).isChecked();
        admin.getByTestId("approve").click();
        assertThat(admin.getByTestId("points-decided")).containsText("1件を承認しました");
        assertThat(admin.getByTestId("no-pending")).isVisible();
        assertThat(fixtures.points(shopId, "sakura")).isEqualTo(21);

        admin.getByTestId("tab-marketing").click();
        admin.getByTestId("coupon-code").fill("WINTER300");
        admin.getByTestId("coupon-description").fill("冬の300円引き");
        admin.getByTestId("coupon-discount").fill("300");
        admin.getByTestId("coupon-max-uses").fill("100");
        admin.getByTestId("coupon-save").click();
        assertThat(admin.getByTestId("uses-WINTER300")).hasText("0 / 100");
        manual(admin, "manual-coupons");

        admin.navigate("/admin");
        admin.getByTestId("support-faq").click();
        assertThat(admin.locator("h1")).hasText("よくある質問");
        admin.navigate("/admin/help/manual");
        for (String image : new String[] {"manual-dashboard", "manual-settings", "manual-coupons", "manual-points"}) {
            assertThat(Files.exists(MANUAL.resolve(image + ".png")))
                    .as("the manual's %s.png is checked in (run with -Dhelp.screenshots.update=true)", image)
                    .isTrue();
        }
    }

    /** A screenshot under target/screenshots, and the manual's copy when asked to refresh it. */
    private static void manual(Page page, String name) throws IOException {
        BrowserSupport.screenshot(page, name);
        if (Boolean.getBoolean("help.screenshots.update")) {
            Files.createDirectories(MANUAL);
            Files.copy(
                    BrowserSupport.SCREENSHOTS.resolve(name + ".png"),
                    MANUAL.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
