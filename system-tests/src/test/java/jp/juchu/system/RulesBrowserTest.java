package jp.juchu.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 自動処理 as a merchant sets it up on the demo: the example rules are on, a rule of the merchant's own is written in
 * the editor with a condition, moved to the top of its status, tried in the simulation; then a buyer's storefront
 * order lands in the status the rule chose, with the run on the order's page.
 */
class RulesBrowserTest {

    private static final String SHOP_ID = Demo.SHOP_A;

    @Test
    void aRuleMadeInTheEditorRoutesTheNextStorefrontOrder() throws Exception {
        Path work = Demo.work("rules");
        try (AppProcess shopServer = Demo.shopServer(work, Map.of("shop.demo.enabled", "true"));
                AppProcess oms = Demo.oms(work, Map.of("oms.demo.enabled", "true"));
                Browser browser = new Browser()) {
            Page back = Demo.signIn(browser.newPage(oms.baseUrl()));

            // the demo's example rules are on
            back.getByTestId("menu-orders").click();
            back.getByTestId("menu-rules").click();
            assertThat(back.getByTestId("rules-enabled")).isChecked();
            assertThat(back.getByTestId("rule-name")).hasCount(6);
            Browser.screenshot(back, "rules-01-list");

            // a rule of the merchant's own: remarks asking for speed → 確認待ち with what to check
            back.getByTestId("rule-new").click();
            back.getByTestId("rule-name-input").fill("至急の注文 → 確認待ち");
            back.locator(".cond-row .add-test").first().click();
            Locator test = back.locator(".cond-row").nth(1);
            test.locator(".cond-field").selectOption("REMARKS");
            test.locator(".cond-operator").selectOption("CONTAINS");
            test.locator(".cond-values").fill("至急");
            back.locator("select[name=actionKind]").selectOption("CONFIRM");
            back.locator("input[name=actionValue]").fill("至急の指定: {受注番号}");
            back.getByTestId("rule-enabled").check();
            Browser.screenshot(back, "rules-02-edit");
            back.getByTestId("rule-save").click();
            assertThat(back.getByTestId("rule-message")).containsText("登録しました");

            // to the top of 新規受付's routing rules, so that it is tried first
            back.getByTestId("menu-rules").click();
            assertThat(back.getByTestId("rule-name")).hasCount(7);
            for (int i = 0; i < 6; i++) {
                Locator row = back.locator("[data-testid=rule-row]", new Page.LocatorOptions().setHasText("至急の注文"));
                assertThat(row).isVisible();
                if (row.locator(".move-up").count() == 0) {
                    break;
                }
                // the new order is posted and the list comes back
                back.waitForResponse(
                        response -> response.url().endsWith("/rules") && response.status() == 200,
                        () -> row.locator(".move-up").click());
                back.navigate("/rules");
            }
            assertThat(back.getByTestId("rule-name").first()).hasText("至急の注文 → 確認待ち");

            // the simulation over the demo's orders writes nothing and shows each order's outcome
            back.getByTestId("rule-simulation").click();
            back.getByTestId("simulation-run").click();
            assertThat(back.getByTestId("simulation-summary")).isVisible();
            assertThat(back.getByTestId("simulation-row").first()).isVisible();
            Browser.screenshot(back, "rules-03-simulation");

            // a buyer asks for speed at the storefront
            Page buyer = browser.newPage(shopServer.baseUrl());
            buyer.navigate("/shops/" + SHOP_ID + "/");
            buyer.getByTestId("item-card").first().click();
            buyer.getByTestId("add-to-cart").click();
            buyer.getByTestId("to-checkout").click();
            buyer.getByTestId("buyer-name").fill("早川 いそぐ");
            buyer.getByTestId("buyer-kana").fill("ハヤカワ イソグ");
            buyer.getByTestId("buyer-email").fill("isogu@example.jp");
            buyer.getByTestId("buyer-phone").fill("045-123-4567");
            buyer.getByTestId("buyer-postal").fill("231-0023");
            buyer.getByTestId("buyer-prefecture").selectOption("神奈川県");
            buyer.getByTestId("buyer-address1").fill("横浜市中区山下町1-1");
            buyer.getByTestId("remarks").fill("至急でお願いします");
            buyer.getByTestId("pay-BankTransfer").check();
            buyer.getByTestId("to-confirm").click();
            buyer.getByTestId("place-order").click();
            String orderNumber = buyer.getByTestId("order-number").textContent().strip();

            // the next fetch brings it in; the rule moved it to 確認待ち and says so on its page
            back.navigate("/settings/mall-details");
            back.getByTestId("connection-imports").first().click();
            back.getByTestId("fetch-now").click();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline)) {
                back.navigate("/orders?status=CONFIRMING");
                if (back.getByTestId("order-number").allInnerTexts().contains(orderNumber)) {
                    break;
                }
                Thread.sleep(1000);
            }
            back.locator("[data-testid=order-number]", new Page.LocatorOptions().setHasText(orderNumber))
                    .first()
                    .click();
            assertThat(back.getByTestId("order-alert")).containsText("至急の指定: " + orderNumber);
            Locator run = back.getByTestId("order-rule-run").first();
            assertThat(run).containsText("至急の注文 → 確認待ち");
            assertThat(run).containsText("実行");
            Browser.screenshot(back, "rules-04-order");
            assertThat(back.getByTestId("order-rule-run").allInnerTexts()).hasSize(1);
        }
    }
}
