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
 * Issue 15's stock sync in a real browser, both apps started as {@code start.sh} starts them: the demo's two shops sell
 * the same products, mapped in the OMS to one SKU each with the stock shared. A buyer orders at shop A; once the OMS
 * has the order, shop B's stock of that product is lower by the units sold, without anyone touching shop B.
 */
class StockSyncBrowserTest {

    private static final String SHOP_A = "sptest18pj";
    private static final String SHOP_B = "sptest18pk";
    private static final String ITEM = "tea-genmai-200";
    /** Two demo shops open on the first start: more to do than one, on a machine that may be busy. */
    private static final Duration START = Duration.ofMinutes(8);

    @Test
    void anOrderAtShopALowersTheStockAtShopB() throws Exception {
        Path work = Path.of(System.getProperty("juchu.workDir"), "stocksync-" + System.currentTimeMillis());
        try (AppProcess shopServer = AppProcess.start(
                        "shop-server",
                        Path.of(System.getProperty("juchu.shopServerJar")),
                        work,
                        Map.of("shop.demo.enabled", "true"),
                        START);
                AppProcess oms = AppProcess.start(
                        "oms",
                        Path.of(System.getProperty("juchu.omsJar")),
                        work,
                        Map.of("oms.demo.enabled", "true"),
                        START);
                Browser browser = new Browser()) {
            Page back = browser.newPage(oms.baseUrl());
            back.navigate("/login");
            back.locator("input[name=username]").fill("admin");
            back.locator("input[name=password]").fill("juchu-admin");
            back.locator("button[type=submit]").click();

            // both demo shops are linked, their items mapped, the sync confirmed
            back.navigate("/stock-sync");
            assertThat(back.locator("[data-shop=" + SHOP_A + "]")).containsText("連携中");
            assertThat(back.locator("[data-shop=" + SHOP_B + "]")).containsText("連携中");
            String pageA = back.locator("[data-shop=" + SHOP_A + "] [data-testid=stock-sync-open]")
                    .getAttribute("href");
            String pageB = back.locator("[data-shop=" + SHOP_B + "] [data-testid=stock-sync-open]")
                    .getAttribute("href");
            long connectionA = Long.parseLong(pageA.substring(pageA.lastIndexOf('/') + 1));
            long connectionB = Long.parseLong(pageB.substring(pageB.lastIndexOf('/') + 1));
            awaitImported(back, connectionA);
            awaitImported(back, connectionB);

            // the OMS settles: the demo orders are imported and shop B holds what the OMS pushes
            int before = awaitSettled(back, pageB);
            Browser.screenshot(back, "stocksync-01-shop-b-before");

            Page shopB = browser.newPage(shopServer.baseUrl());
            shopB.navigate("/admin/login");
            shopB.locator("input[name=shopId]").fill(SHOP_B);
            shopB.locator("input[name=password]").fill("demo-pass");
            shopB.locator("button[type=submit]").click();
            assertThat(shopQuantity(shopB)).isEqualTo(before);

            // a buyer orders 2 at shop A's storefront
            Page buyer = browser.newPage(shopServer.baseUrl());
            buyer.navigate("/shops/" + SHOP_A + "/items/" + ITEM);
            buyer.getByTestId("quantity").fill("2");
            buyer.getByTestId("add-to-cart").click();
            buyer.getByTestId("to-checkout").click();
            buyer.getByTestId("buyer-name").fill("森 さやか");
            buyer.getByTestId("buyer-kana").fill("モリ サヤカ");
            buyer.getByTestId("buyer-email").fill("sayaka.mori@example.jp");
            buyer.getByTestId("buyer-phone").fill("045-123-4567");
            buyer.getByTestId("buyer-postal").fill("231-0023");
            buyer.getByTestId("buyer-prefecture").selectOption("神奈川県");
            buyer.getByTestId("buyer-address1").fill("横浜市中区山下町1-1");
            buyer.getByTestId("pay-BankTransfer").check();
            buyer.getByTestId("to-confirm").click();
            buyer.getByTestId("place-order").click();
            assertThat(buyer.getByTestId("order-number")).isVisible();

            // the OMS fetches shop A's orders (as its schedule would)
            back.navigate("/imports/" + connectionA);
            back.getByTestId("fetch-now").click();

            // shop B's stock is 2 lower, nobody having touched shop B
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            int after = shopQuantity(shopB);
            while (after != before - 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(2000);
                after = shopQuantity(shopB);
            }
            assertThat(after).isEqualTo(before - 2);
            back.navigate(pageB);
            Browser.screenshot(back, "stocksync-02-shop-b-after");
            Browser.screenshot(shopB, "stocksync-03-shop-b-admin");
        }
    }

    /** Waits for the connection's first import run (the demo orders) to succeed. */
    private static void awaitImported(Page back, long connectionId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            back.navigate("/imports/" + connectionId);
            if (back.locator("[data-testid=import-run][data-status=SUCCEEDED]").count() > 0) {
                return;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("no import run of connection " + connectionId + " succeeded");
    }

    /** Waits until nothing waits for shop B and its listing was pushed; the quantity pushed. */
    private static int awaitSettled(Page back, String pageB) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            back.navigate(pageB);
            Locator row = back.locator("[data-testid=sync-listing][data-item=" + ITEM + "]");
            String waiting = back.getByTestId("sync-waiting-count").innerText().strip();
            String pushed = row.getByTestId("sync-pushed").innerText().strip();
            String quantity = row.getByTestId("sync-quantity").innerText().strip();
            if ("0件".equals(waiting) && pushed.equals(quantity) && !pushed.equals("—")) {
                return Integer.parseInt(pushed);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("shop B never settled: waiting " + waiting + ", pushed " + pushed);
            }
            Thread.sleep(2000);
        }
    }

    /** The item's stock as shop B's admin shows it. */
    private static int shopQuantity(Page shop) {
        shop.navigate("/admin/products/" + ITEM);
        return Integer.parseInt(shop.getByTestId("stock-").inputValue().strip());
    }
}
