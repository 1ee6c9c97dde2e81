package jp.juchu.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 in a real browser on the demo data: every report of 売上データ and ホーム draw their chart (ECharts,
 * served by the OMS itself) beside the table, a report downloads as CSV, and the manual finds a section. The
 * screenshots are copied into {@code docs/sales/} (and the other menus' pages into {@code docs/manual/}), which the
 * OMS serves in its manual (操作マニュアル).
 */
class SalesBrowserTest {

    private static final List<String> REPORTS = List.of(
            "daily",
            "monthly",
            "shops",
            "products",
            "prefectures",
            "payments",
            "carriers",
            "weekdays",
            "hours",
            "profit",
            "profit-products");

    @Test
    void everyReportAndHomeDrawTheirChartOnTheDemoData() throws Exception {
        Path work = Demo.work("sales");
        try (AppProcess shopServer = Demo.shopServer(work, Map.of("shop.demo.enabled", "true"));
                AppProcess oms = Demo.oms(work, Map.of("oms.demo.enabled", "true"));
                Browser browser = new Browser()) {
            Page back = Demo.signIn(browser.newPage(oms.baseUrl()));

            awaitSales(back);
            back.navigate("/");
            chartDrawn(back, "home-chart");
            assertThat(back.getByTestId("home-sales-month")).not().hasText("0円");
            screenshot(back, "home");

            for (String report : REPORTS) {
                back.navigate("/sales/" + report);
                chartDrawn(back, "sales-chart");
                assertThat(back.getByTestId("report-table")).isVisible();
                assertThat(back.getByTestId("report-totals")).isVisible();
                screenshot(back, "sales-" + report);
            }

            back.navigate("/sales/payments");
            Download download =
                    back.waitForDownload(() -> back.getByTestId("csv-utf8").click());
            String csv = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFF支払方法,受注件数,点数,売上(税込)");

            // every top menu's pages, for the manual's chapters (商品管理, 在庫管理, メール送信履歴)
            for (Map.Entry<String, String> screen : Map.of(
                            "/products", "products-list",
                            "/products/listings", "products-listings",
                            "/stock", "stock-list",
                            "/stock/history", "stock-history",
                            "/stock-sync", "stock-sync",
                            "/mails", "mails")
                    .entrySet()) {
                back.navigate(screen.getKey());
                assertThat(back.locator("h1")).isVisible();
                screenshot(back, screen.getValue(), "manual");
            }

            back.navigate("/manual?q=伝票番号");
            assertThat(back.getByTestId("manual-hits")).containsText("伝票番号を取り込む");
            back.getByTestId("help-link").click();
            assertThat(back.locator("h1")).hasText("操作マニュアル");
        }
    }

    /** The demo shop's orders reach the OMS by themselves; their facts follow. */
    private static void awaitSales(Page back) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            back.navigate("/sales/monthly");
            List<String> heads =
                    back.locator("[data-testid=report-table] thead th").allInnerTexts();
            String orders = back.locator("[data-testid=report-totals] th")
                    .nth(heads.indexOf("受注件数"))
                    .innerText()
                    .strip();
            if (!orders.equals("0")) {
                return;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("no sales in the OMS after 3 minutes");
    }

    private static void chartDrawn(Page page, String testId) {
        assertThat(page.locator("[data-testid=" + testId + "][data-chart-drawn=true]"))
                .isVisible();
        assertThat(page.getByTestId(testId).locator("canvas")).not().hasCount(0);
    }

    /** The screenshot, and its copy in docs/sales/ for the manual. */
    private static void screenshot(Page page, String name) throws Exception {
        screenshot(page, name, "sales");
    }

    /** The screenshot, and its copy in docs/{folder}/ for the manual. */
    private static void screenshot(Page page, String name, String folder) throws Exception {
        Browser.screenshot(page, name);
        Path docs = Path.of("..", "docs", folder);
        Files.createDirectories(docs);
        Files.copy(
                Browser.SCREENSHOTS.resolve(name + ".png"),
                docs.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
