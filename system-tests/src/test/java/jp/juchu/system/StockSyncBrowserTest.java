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

    private static final String SHOP_A = Demo.SHOP_A;
    private static final String SHOP_B = Demo.SHOP_B;
    private static final String ITEM = "tea-genmai-200";
    /** Two demo shops open on the first start: more to do than one, on a machine that may be busy. */
    private static final Duration START = Duration.ofMinutes(8);

    @Test
    void anOrderAtShopALowersTheStockAtShopB() throws Exception {
        Path work = Demo.work("stocksync");
        try (AppProcess shopServer = Demo.shopServer(work, Map.of("shop.demo.enabled", "true"), START);
                AppProcess oms = Demo.oms(work, Map.of("oms.demo.enabled", "true"), START);
                Browser browser = new Browser()) {
            Page back = Demo.signIn(browser.newPage(oms.baseUrl()));

            // both demo shops are linked, their items mapped, the sync confirmed
            back.navigate("/stock-sync");
            assertThat(back.locator("[data-shop=" + SHOP_A + "]")).containsText("連携中");
            assertThat(back.locator("[data-shop=" + SHOP_B + "]")).containsText("連携中");
            String pageA = Demo.stockSyncPage(back, SHOP_A);
            String pageB = Demo.stockSyncPage(back, SHOP_B);
            long connectionA = Demo.connectionId(pageA);
            Demo.awaitImported(back, connectionA);
            Demo.awaitImported(back, Demo.connectionId(pageB));

            // the OMS settles: the demo orders are imported and shop B holds what the OMS pushes
            int before = awaitSettled(back, pageB);
            Browser.screenshot(back, "stocksync-01-shop-b-before");

            Page shopB = Demo.shopAdmin(browser.newPage(shopServer.baseUrl()), SHOP_B);
            assertThat(shopQuantity(shopB)).isEqualTo(before);

            // a buyer orders 2 at shop A's storefront
            Page buyer = browser.newPage(shopServer.baseUrl());
            Demo.buyAsGuest(buyer, SHOP_A, ITEM, 2);
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
        return Demo.shopQuantity(shop, ITEM);
    }
}
