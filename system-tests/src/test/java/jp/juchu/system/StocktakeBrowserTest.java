package jp.juchu.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 入出庫管理 and 棚卸 as a merchant does them: two SKUs get their 初期在庫 on the movement form, a count sheet is made
 * for their shelf, the counts are entered on a phone (type, Enter, the next line's input is ready; a SKU found by its
 * JAN), the sheet is applied and the ledger shows the 棚卸差異 with its value at cost.
 */
class StocktakeBrowserTest {

    @Test
    void countsEnteredOnAPhoneAreAppliedAndTheLedgerShowsTheDifference() throws Exception {
        Path work = Demo.work("stocktake");
        try (AppProcess oms = Demo.oms(work, Map.of());
                Browser browser = new Browser()) {
            Page back = browser.newPage(oms.baseUrl());
            back.onDialog(dialog -> dialog.accept());
            Demo.signIn(back);

            product(back, "TK-001", "煎茶 100g", "4901234567894", "800", "A-01-01");
            product(back, "TK-002", "ほうじ茶 100g", "", "500", "A-01-02");

            // 初期在庫 on the movement form
            back.getByTestId("menu-movements").click();
            movement(back, "TK-001", "10");
            assertThat(back.getByTestId("saved")).hasText("TK-001 の入庫を登録しました (実在庫 0 → 10)");
            movement(back, "TK-002", "5");
            assertThat(back.getByTestId("history-row")).hasCount(2);
            Browser.screenshot(back, "stocktake-01-movements");

            // a count sheet for shelf A-01
            back.getByTestId("menu-stocktakes").click();
            back.getByTestId("stocktake-prefix").fill("A-01");
            back.getByTestId("stocktake-create").click();
            assertThat(back.getByTestId("saved")).containsText("を作成しました");
            assertThat(back.getByTestId("count-line")).hasCount(2);

            // counting on a phone: type, Enter; the cursor is on the next line's count
            back.setViewportSize(390, 844);
            Locator first = back.locator("[data-testid=count-line][data-code=TK-001]");
            first.getByTestId("count-input").fill("8");
            first.getByTestId("count-input").press("Enter");
            first = back.locator("[data-testid=count-line][data-code=TK-001]");
            assertThat(first.getByTestId("line-saved")).isVisible();
            assertThat(first.getByTestId("difference")).hasText("-2");
            Locator second = back.locator("[data-testid=count-line][data-code=TK-002]");
            assertThat(second.getByTestId("count-input")).isFocused();
            back.keyboard().type("5");
            back.keyboard().press("Enter");
            assertThat(back.locator("[data-testid=count-line][data-code=TK-002]")
                            .getByTestId("difference"))
                    .hasText("0");
            assertThat(back.getByTestId("summary-text")).containsText("入力済み 2 / 2 SKU / 差異あり 1 SKU");
            assertThat(back.locator("[data-testid=count-input]").first().boundingBox().height)
                    .isGreaterThanOrEqualTo(30);
            Browser.screenshot(back, "stocktake-02-phone-count");

            // found by its JAN code
            back.getByTestId("stocktake-q").fill("4901234567894");
            back.getByTestId("stocktake-q").press("Enter");
            assertThat(back.getByTestId("count-line")).hasCount(1);
            assertThat(back.getByTestId("line-code")).hasText("TK-001");

            // applied once; the ledger shows the difference
            back.setViewportSize(1280, 860);
            back.getByTestId("stocktake-apply").click();
            assertThat(back.getByTestId("saved")).containsText("差異 1 SKU、差異金額 (原価) -1,600円");
            assertThat(back.getByTestId("state").first()).hasText("確定");
            assertThat(back.getByTestId("stocktake-apply")).hasCount(0);
            Browser.screenshot(back, "stocktake-03-applied");

            back.navigate("/stock/history?code=TK-001");
            assertThat(back.getByTestId("kind-label").first()).hasText("棚卸差異");
            back.navigate("/stock?q=TK-001");
            assertThat(back.getByTestId("on-hand")).hasText("8");
        }
    }

    private static void product(Page back, String code, String name, String jan, String cost, String shelf) {
        back.navigate("/products/new");
        back.getByTestId("code").fill(code);
        back.getByTestId("name").fill(name);
        back.getByTestId("janCode").fill(jan);
        back.getByTestId("costPrice").fill(cost);
        back.getByTestId("shelfLocation").fill(shelf);
        back.getByTestId("save").click();
        assertThat(back.getByTestId("saved-message")).isVisible();
    }

    private static void movement(Page back, String code, String quantity) {
        back.getByTestId("movement-type").selectOption("IN");
        back.getByTestId("movement-code").fill(code);
        back.getByTestId("movement-quantity").fill(quantity);
        back.getByTestId("movement-reason").selectOption("初期在庫");
        back.getByTestId("movement-submit").click();
    }
}
