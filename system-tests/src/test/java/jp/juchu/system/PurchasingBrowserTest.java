package jp.juchu.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's purchasing cycle in a real browser, both apps started as {@code start.sh} starts them: the demo's
 * 玄米茶 runs out, a buyer's order at shop A waits for stock, the OMS suggests reordering it, the merchant makes the
 * purchase order, downloads its PDF, books a partial delivery — and the waiting order is allocated and shop B's stock
 * goes up, nobody having touched shop B.
 */
class PurchasingBrowserTest {

    private static final String SHOP_A = Demo.SHOP_A;
    private static final String SHOP_B = Demo.SHOP_B;
    private static final String ITEM = "tea-genmai-200";
    private static final Duration START = Duration.ofMinutes(8);

    @Test
    void lowStockToSuggestionToPurchaseOrderToPartialReceiptAllocatesTheWaitingOrderAndUpdatesTheShop()
            throws Exception {
        Path work = Demo.work("purchasing");
        try (AppProcess shopServer = Demo.shopServer(work, Map.of("shop.demo.enabled", "true"), START);
                AppProcess oms = Demo.oms(work, Map.of("oms.demo.enabled", "true"), START);
                Browser browser = new Browser()) {
            Page back = Demo.signIn(browser.newPage(oms.baseUrl()));

            Demo.saveContractor(back);

            String pageA = Demo.stockSyncPage(back, SHOP_A);
            String pageB = Demo.stockSyncPage(back, SHOP_B);
            long connectionA = Demo.connectionId(pageA);
            Demo.awaitImported(back, connectionA);
            Demo.awaitImported(back, Demo.connectionId(pageB));

            back.navigate(pageA);
            Locator listingA = back.locator("[data-testid=sync-listing][data-item=" + ITEM + "]");
            listingA.locator("input[name=enabled]").uncheck();
            listingA.locator("button[type=submit]").click();
            assertThat(back.locator("[data-testid=sync-listing][data-item=" + ITEM + "]"))
                    .containsText("連携しない");

            // a supplier, and the tea's purchasing settings through the 発注処理 menu
            back.navigate("/");
            back.getByTestId("menu-purchasing").click();
            back.getByTestId("menu-suppliers").click();
            back.getByTestId("supplier-new").click();
            back.getByTestId("code").fill("CHA-01");
            back.getByTestId("name").fill("静岡茶業株式会社");
            back.getByTestId("email").fill("order@chagyo.example.jp");
            back.getByTestId("lead-time").fill("5");
            back.getByTestId("order-note").fill("納品書に発注番号を記載してください");
            back.getByTestId("save").click();
            assertThat(back.getByTestId("saved")).containsText("仕入先を保存しました");

            back.navigate("/purchasing/products/" + ITEM);
            back.getByTestId("supplier").selectOption("CHA-01");
            back.getByTestId("purchase-price").fill("480");
            back.getByTestId("reorder-point").fill("5");
            back.getByTestId("order-up-to").fill("30");
            back.getByTestId("lot-size").fill("10");
            back.getByTestId("save").click();
            assertThat(back.getByTestId("saved")).containsText("発注設定を保存しました");

            // the tea runs out: on hand set to what is allocated, so nothing is free
            int allocated = Integer.parseInt(
                    stockRow(back).getByTestId("allocated").innerText().strip());
            back.navigate("/stock/movements");
            back.getByTestId("movement-type").selectOption("SET");
            back.getByTestId("movement-code").fill(ITEM);
            back.getByTestId("movement-quantity").fill(String.valueOf(allocated));
            back.getByTestId("movement-reason").selectOption("棚卸差異");
            back.getByTestId("movement-submit").click();
            assertThat(back.getByTestId("saved")).containsText(ITEM);
            assertThat(stockRow(back).getByTestId("free")).hasText("0");

            Page shopB = Demo.shopAdmin(browser.newPage(shopServer.baseUrl()), SHOP_B);
            await(() -> shopQuantity(shopB) == 0, "shop B never showed 0");

            // shop A sells what its own shelf holds (the merchant took the tea out of shop A's sync); a buyer orders 2
            // there, which the OMS has not got: the order waits for stock
            Page buyer = browser.newPage(shopServer.baseUrl());
            Demo.buyAsGuest(buyer, SHOP_A, ITEM, 2);
            assertThat(buyer.getByTestId("order-number")).isVisible();
            back.navigate("/imports/" + connectionA);
            back.getByTestId("fetch-now").click();
            await(() -> waiting(back) >= 1, "the order never waited for stock");

            // the suggestion: nothing free nor ordered → up to 30, in lots of 10 → 30
            await(
                    () -> {
                        back.navigate("/purchasing/suggestions");
                        return back.locator("[data-testid=suggestion-row][data-code=" + ITEM + "]")
                                        .count()
                                > 0;
                    },
                    "no suggestion for " + ITEM);
            Locator suggestion = back.locator("[data-testid=suggestion-row][data-code=" + ITEM + "]");
            assertThat(suggestion.getByTestId("quantity")).hasValue("30");
            Browser.screenshot(back, "purchasing-01-suggestions");
            suggestion.getByTestId("pick").check();
            back.getByTestId("create-orders").click();
            assertThat(back.getByTestId("po-status")).hasText("下書き");
            back.getByTestId("place").click();
            assertThat(back.getByTestId("po-status")).hasText("発注済");
            String number = back.locator("h1 span")
                    .first()
                    .innerText()
                    .replace("発注伝票", "")
                    .strip();

            // the 発注書 PDF, downloaded and read
            Download download =
                    back.waitForDownload(() -> back.getByTestId("pdf").click());
            byte[] pdf = Files.readAllBytes(download.path());
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                text = new PDFTextStripper().getText(doc);
            }
            assertThat(text)
                    .contains("発 注 書")
                    .contains("静岡茶業株式会社 御中")
                    .contains(number)
                    .contains("ジュチュウ日本茶と雑貨の店")
                    .contains(ITEM)
                    .contains("14,400円")
                    .contains("納品書に発注番号を記載してください");

            // a partial delivery of 5: the waiting order is allocated, shop B shows the 3 left
            back.getByTestId("receive-" + ITEM).fill("5");
            back.getByTestId("receive").click();
            assertThat(back.getByTestId("po-status")).hasText("一部入荷");
            assertThat(back.locator("[data-testid=line] [data-testid=remaining]"))
                    .hasText("25");
            Browser.screenshot(back, "purchasing-02-partial-receipt");
            await(() -> waiting(back) == 0, "the waiting order was never allocated");
            assertThat(stockRow(back).getByTestId("free")).hasText("3");
            await(() -> shopQuantity(shopB) == 3, "shop B never showed the 3 received and free");
            Browser.screenshot(shopB, "purchasing-03-shop-b");
        }
    }

    private static Locator stockRow(Page back) {
        back.navigate("/stock?q=" + ITEM);
        return back.locator("[data-testid=stock-row]")
                .filter(new Locator.FilterOptions().setHasText(ITEM))
                .first();
    }

    private static int waiting(Page back) {
        return Integer.parseInt(
                stockRow(back).getByTestId("waiting").innerText().strip());
    }

    private static void await(Supplier<Boolean> condition, String failure) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(failure);
            }
            Thread.sleep(2000);
        }
    }

    private static int shopQuantity(Page shop) {
        return Demo.shopQuantity(shop, ITEM);
    }
}
