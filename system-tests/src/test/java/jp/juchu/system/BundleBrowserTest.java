package jp.juchu.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 同梱 on the demo: with 取込時に同梱候補を探す on, a buyer's two storefront orders to the same address arrive as 同梱候補
 * (a badge in the order list, refused by the slip export until decided), are merged on the 同梱 screen, and ship on
 * one slip row.
 */
class BundleBrowserTest {

    private static final Charset SJIS = Charset.forName("windows-31j");
    private static final String SHOP_ID = "sptest18pj";

    @Test
    void twoOrdersOfOneBuyerAreMergedAndShipOnOneSlipRow() throws Exception {
        Path work = Path.of(System.getProperty("juchu.workDir"), "bundle-" + System.currentTimeMillis());
        try (AppProcess shopServer = AppProcess.start(
                        "shop-server",
                        Path.of(System.getProperty("juchu.shopServerJar")),
                        work,
                        Map.of("shop.demo.enabled", "true"));
                AppProcess oms = AppProcess.start(
                        "oms",
                        Path.of(System.getProperty("juchu.omsJar")),
                        work,
                        Map.of("oms.demo.enabled", "true", "oms.demo.rules", "false"));
                Browser browser = new Browser()) {
            Page back = browser.newPage(oms.baseUrl());
            back.navigate("/login");
            back.locator("input[name=username]").fill("admin");
            back.locator("input[name=password]").fill("juchu-admin");
            back.locator("button[type=submit]").click();

            // the sender and the B2 Cloud customer code the slips need
            back.navigate("/settings/contractor");
            back.locator("input[name=companyName]").fill("ジュチュウ日本茶と雑貨の店");
            back.locator("input[name=representative]").fill("受注 太郎");
            back.locator("input[name=postalCode]").fill("420-0852");
            back.locator("select[name=prefecture]").selectOption("静岡県");
            back.locator("input[name=address]").fill("静岡市葵区紺屋町17-1");
            back.locator("input[name=phone]").fill("054-000-1234");
            back.locator("input[name=email]").fill("shop@example.jp");
            back.locator("main button.primary").click();
            back.navigate("/settings/carriers");
            back.getByTestId("code-YAMATO").fill("0123456789");
            back.getByTestId("save").click();

            // 同梱 screen: look for candidates on import
            back.navigate("/orders");
            back.getByTestId("menu-bundles").click();
            assertThat(back.getByTestId("bundle-setting")).containsText("OFF");
            back.getByTestId("bundle-setting-toggle").click();
            assertThat(back.getByTestId("bundle-setting")).containsText("ON");

            // the same buyer orders twice at the storefront, to the same address, the second time in full-width digits
            Page buyer = browser.newPage(shopServer.baseUrl());
            String first = placeOrder(buyer, "横浜市中区山下町1-1");
            String second = placeOrder(buyer, "横浜市中区山下町１－１");

            back.navigate("/settings/mall-details");
            back.getByTestId("connection-imports").first().click();
            back.getByTestId("fetch-now").click();

            // both arrive with the 同梱候補 badge
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline)) {
                back.navigate("/orders?keyword=" + "dokon@example.jp");
                back.waitForLoadState();
                if (back.getByTestId("bundle-badge").count() == 2) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertThat(back.getByTestId("bundle-badge")).hasCount(2);
            assertThat(back.getByTestId("bundle-badge").first()).hasText("同梱候補");
            List<String> urls = back.getByTestId("order-number").all().stream()
                    .map(l -> l.getAttribute("href"))
                    .toList();
            assertThat(back.getByTestId("order-number").allInnerTexts()).contains(first, second);
            Browser.screenshot(back, "bundle-01-candidates-in-the-list");

            // made ready to ship, they are refused on the 出荷 page until decided
            for (String url : urls) {
                back.navigate(url);
                back.getByTestId("status-select").selectOption("READY_TO_SHIP");
                back.getByTestId("change-status").click();
                assertThat(back.getByTestId("saved-message")).isVisible();
            }
            assertThat(back.getByTestId("bundle-panel")).containsText("同梱候補");
            back.navigate("/shipping");
            Locator row = back.locator("[data-testid=candidate][data-order='" + first + "']");
            assertThat(row.getByTestId("problems")).containsText("同梱候補です");

            // merged on the 同梱 screen, with the shipping-fee difference to settle
            back.getByTestId("menu-bundles").click();
            Locator group = back.getByTestId("bundle-group").filter(new Locator.FilterOptions().setHasText(first));
            assertThat(group.getByTestId("bundle-member")).hasCount(2);
            assertThat(group.getByTestId("fee-difference")).containsText("差額");
            Browser.screenshot(back, "bundle-02-candidate-group");
            group.getByTestId("bundle-merge").click();
            assertThat(back.getByTestId("bundle-done")).containsText("まとめました");
            assertThat(group.getByTestId("bundle-undo")).isVisible();

            // a third order of the buyer to the same address before printing waits to join the merged group
            String third = placeOrder(buyer, "横浜市中区山下町1-1");
            back.navigate("/settings/mall-details");
            back.getByTestId("connection-imports").first().click();
            back.getByTestId("fetch-now").click();
            Locator joining =
                    back.getByTestId("bundle-joining-member").filter(new Locator.FilterOptions().setHasText(third));
            deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline)) {
                back.navigate("/bundles");
                back.waitForLoadState();
                if (joining.count() == 1) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertThat(joining).hasCount(1);
            back.navigate(joining.locator("a").getAttribute("href"));
            back.getByTestId("status-select").selectOption("READY_TO_SHIP");
            back.getByTestId("change-status").click();
            assertThat(back.getByTestId("saved-message")).isVisible();
            back.getByTestId("menu-bundles").click();
            group.getByTestId("bundle-join").click();
            assertThat(back.getByTestId("bundle-done")).containsText("加えました");
            assertThat(group.getByTestId("bundle-member")).hasCount(3);

            // one slip row for the two orders
            back.navigate("/shipping");
            assertThat(back.locator("[data-testid=candidate][data-order='" + second + "'] [data-testid=bundled-with]"))
                    .containsText(first);
            for (Locator box :
                    back.locator("[data-testid=candidate] input[type=checkbox]").all()) {
                if (box.isChecked()) {
                    box.uncheck();
                }
            }
            back.locator("[data-testid=candidate][data-order='" + first + "'] input[type=checkbox]")
                    .check();
            Browser.screenshot(back, "bundle-03-shipping-together");
            back.getByTestId("export").click();
            assertThat(back.getByTestId("exported")).isVisible();
            Download download =
                    back.waitForDownload(() -> back.getByTestId("download").click());
            String slips = new String(Files.readAllBytes(download.path()), SJIS);
            List<String> rows = Arrays.stream(slips.split("\r\n"))
                    .filter(l -> l.startsWith("J"))
                    .toList();
            assertThat(rows).hasSize(1);
            String id = urls.stream()
                            .map(u -> u.substring(u.lastIndexOf('/') + 1))
                            .mapToLong(Long::parseLong)
                            .min()
                            .orElseThrow()
                    + "";
            assertThat(rows.get(0)).startsWith("J" + id + "-1,");

            // printed: the merge can no longer be undone
            back.getByTestId("menu-bundles").click();
            Locator printed = back.getByTestId("bundle-group").filter(new Locator.FilterOptions().setHasText(first));
            assertThat(printed.getByTestId("bundle-state")).hasText("同梱");
            assertThat(printed.getByTestId("bundle-undo")).hasCount(0);
            Browser.screenshot(back, "bundle-04-merged-and-printed");
        }
    }

    /** One order at the demo storefront by the same buyer, cash on delivery; returns its order number. */
    private static String placeOrder(Page buyer, String address) {
        buyer.navigate("/shops/" + SHOP_ID + "/");
        buyer.getByTestId("item-card").first().click();
        buyer.getByTestId("add-to-cart").click();
        buyer.getByTestId("to-checkout").click();
        buyer.getByTestId("buyer-name").fill("同梱 まとめ");
        buyer.getByTestId("buyer-kana").fill("ドウコン マトメ");
        buyer.getByTestId("buyer-email").fill("dokon@example.jp");
        buyer.getByTestId("buyer-phone").fill("045-123-4567");
        buyer.getByTestId("buyer-postal").fill("231-0023");
        buyer.getByTestId("buyer-prefecture").selectOption("神奈川県");
        buyer.getByTestId("buyer-address1").fill(address);
        buyer.getByTestId("pay-CashOnDelivery").check();
        buyer.getByTestId("to-confirm").click();
        buyer.getByTestId("place-order").click();
        return buyer.getByTestId("order-number").textContent().strip();
    }
}
