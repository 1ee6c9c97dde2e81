package jp.juchu.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's workspace in a real browser on the demo data (both apps as {@code start.sh} starts them): filters and a
 * saved search, sorting, a hold with a reason, an edit with the totals recomputed, two people editing one order, a
 * phone order entered by hand, the buyer's customer record and a status of the merchant's own.
 */
class OrderWorkspaceBrowserTest {

    @Test
    void theMerchantWorksTheOrderListOnTheDemoData() throws Exception {
        Path work = Demo.work("workspace");
        try (AppProcess shopServer = Demo.shopServer(work, Map.of("shop.demo.enabled", "true"));
                AppProcess oms = Demo.oms(work, Map.of("oms.demo.enabled", "true", "oms.demo.rules", "false"));
                Browser browser = new Browser()) {
            Page back = Demo.signIn(browser.newPage(oms.baseUrl()));
            awaitOrders(back);

            // filter: unpaid bank transfers, saved under a name and brought back with one click
            back.navigate("/orders");
            back.getByTestId("filter-payment").selectOption("BankTransfer");
            back.getByTestId("filter-paid").selectOption("Unpaid");
            back.getByTestId("search").click();
            back.waitForURL("**paid=Unpaid**");
            List<String> filtered = back.getByTestId("order-number").allInnerTexts();
            assertThat(filtered).isNotEmpty();
            assertThat(back.locator("[data-testid=order-row]").allInnerTexts())
                    .allSatisfy(row -> assertThat(row).contains("銀行振込").contains("未入金"));
            back.getByTestId("save-search-name").fill("入金待ちの銀行振込");
            back.locator("[data-testid=save-search] button").click();
            assertThat(back.getByTestId("list-notice")).containsText("入金待ちの銀行振込");
            back.navigate("/orders");
            back.getByTestId("saved-入金待ちの銀行振込").click();
            assertThat(back.getByTestId("order-number")).hasText(filtered.toArray(String[]::new));
            Browser.screenshot(back, "workspace-01-saved-search");

            // sort by total, highest first
            back.navigate("/orders");
            back.getByTestId("sort-total").click();
            back.waitForURL("**sort=total**");
            List<Long> totals = back.getByTestId("order-total").allInnerTexts().stream()
                    .map(t -> Long.parseLong(t.replace(",", "").replace("円", "").strip()))
                    .toList();
            assertThat(totals).isSortedAccordingTo((a, b) -> Long.compare(b, a));

            // hold the first order with a reason
            back.navigate("/orders?status=NEW");
            String held = back.getByTestId("order-number").first().innerText();
            back.getByTestId("select-order").first().check();
            back.getByTestId("bulk-status").selectOption("ON_HOLD");
            back.getByTestId("bulk-reason").fill("在庫を確認中");
            back.getByTestId("bulk-apply").click();
            assertThat(back.getByTestId("bulk-result")).containsText("1件");
            back.getByTestId("tab-ON_HOLD").click();
            Locator heldRow = back.locator("[data-testid=order-row]", new Page.LocatorOptions().setHasText(held));
            assertThat(heldRow.getByTestId("hold-reason")).hasText("(在庫を確認中)");
            Browser.screenshot(back, "workspace-02-on-hold");

            // edit: one more of the first line; the total and the tax are recomputed
            heldRow.getByTestId("order-number").click();
            String orderUrl = back.url();
            long before = yen(back.locator("[data-testid=order-total]").innerText());
            back.getByTestId("edit-order").click();
            Locator quantity =
                    back.locator("input[data-testid^=line-quantity-]").first();
            int was = Integer.parseInt(quantity.inputValue());
            quantity.fill(String.valueOf(was + 1));
            back.getByTestId("memo").fill("お客様から電話: 1つ追加");
            Browser.screenshot(back, "workspace-03-edit");
            back.getByTestId("save-edit").click();
            assertThat(back.getByTestId("edited-message")).containsText("数量");
            assertThat(yen(back.locator("[data-testid=order-total]").innerText()))
                    .isGreaterThan(before);
            assertThat(back.getByTestId("memo")).hasText("お客様から電話: 1つ追加");

            // two people open the same order; the second to save gets the conflict and keeps what they typed
            Page other = Demo.signIn(browser.newPage(oms.baseUrl()));
            back.navigate(orderUrl + "/edit");
            other.navigate(orderUrl + "/edit");
            back.getByTestId("memo").fill("佐藤: 先に保存");
            back.getByTestId("save-edit").click();
            assertThat(back.getByTestId("edited-message")).isVisible();
            other.getByTestId("memo").fill("鈴木: あとから保存");
            other.getByTestId("save-edit").click();
            assertThat(other.getByTestId("edit-conflict")).containsText("更新しました");
            assertThat(other.getByTestId("memo")).hasValue("鈴木: あとから保存");
            assertThat(other.getByTestId("current-order")).containsText("佐藤: 先に保存");
            Browser.screenshot(other, "workspace-04-edit-conflict");

            // a full edit of a new order: a destination added, a line added there by its product code; the totals
            // follow; then cash on delivery over both destinations, split, and shipped
            Demo.saveContractor(back);
            // B2 Cloud slips need the billing customer code (配達業者設定)
            Demo.saveYamatoCustomerCode(back);
            back.navigate("/orders?status=NEW");
            back.getByTestId("order-number").nth(1).click();
            String codUrl = back.url();
            long codOrderId = Long.parseLong(codUrl.substring(codUrl.lastIndexOf('/') + 1));
            long totalBefore = yen(back.locator("[data-testid=order-total]").innerText());
            int destinations = back.getByTestId("shipment").count();
            String itemCode = back.getByTestId("item-code").first().innerText().strip();
            back.getByTestId("edit-order").click();
            back.getByTestId("add-destination").click();
            String to = "destinations[" + destinations + "].recipient.";
            back.locator("input[name='" + to + "name']").fill("贈り先 花子");
            back.locator("input[name='" + to + "phone']").fill("06-1111-2222");
            back.locator("input[name='" + to + "postalCode']").fill("530-0001");
            back.locator("select[name='" + to + "prefecture']").selectOption("大阪府");
            back.locator("input[name='" + to + "address1']").fill("大阪市北区梅田1-1");
            back.locator("input[name='" + to + "address2']").fill("梅田ビル5F");
            back.getByTestId("time-slot-" + destinations).selectOption(new SelectOption().setLabel("14時〜16時"));
            int lines = back.locator("[data-testid^=line-code-]").count();
            back.getByTestId("add-line").click();
            back.getByTestId("line-code-" + lines).fill(itemCode);
            back.getByTestId("line-destination-" + lines).selectOption(new SelectOption().setLabel("新しいお届け先 1"));
            back.getByTestId("calculate").click();
            long price = Long.parseLong(back.getByTestId("line-price-" + lines).inputValue());
            assertThat(price).isPositive();
            long totalAfter = totalBefore + price;
            assertThat(back.getByTestId("preview-total")).hasText(String.format("%,d円", totalAfter));
            Browser.screenshot(back, "workspace-04b-edit-lines-and-destinations");

            // cash on delivery: amounts that do not add up are refused, the split is saved
            back.getByTestId("payment-method").selectOption("CashOnDelivery");
            for (int d = 0; d <= destinations; d++) {
                back.getByTestId("cod-amount-" + d).fill(d == 0 ? "1" : "0");
            }
            back.getByTestId("save-edit").click();
            assertThat(back.getByTestId("edit-error")).containsText("合いません");
            back.getByTestId("cod-amount-0").fill(String.valueOf(totalAfter - 1000));
            back.getByTestId("cod-amount-" + destinations).fill("1000");
            back.getByTestId("save-edit").click();
            assertThat(back.getByTestId("edited-message")).containsText("を追加: 贈り先 花子");
            assertThat(back.locator("[data-testid=order-total]")).hasText(String.format("%,d円", totalAfter));
            assertThat(back.getByTestId("payment-method")).hasText("代金引換");
            assertThat(back.getByTestId("shipment")).hasCount(destinations + 1);
            assertThat(back.getByTestId("shipment").last()).containsText("梅田ビル5F");
            assertThat(back.getByTestId("shipment").last()).containsText("14時〜16時");
            assertThat(back.getByTestId("cod-amount-" + (destinations + 1))).hasText("1,000円");
            Browser.screenshot(back, "workspace-04c-cod-split");

            // ready to ship, on the B2 Cloud slip with each destination's amount, and shipped by the tracking file
            back.getByTestId("status-select").selectOption("READY_TO_SHIP");
            back.getByTestId("change-status").click();
            assertThat(back.getByTestId("saved-message")).isVisible();
            back.navigate("/shipping");
            Locator candidates = back.locator("[data-testid=candidate] input[type=checkbox]:not([disabled])");
            for (int i = 0; i < candidates.count(); i++) {
                candidates.nth(i).uncheck();
            }
            back.locator("[data-testid=candidate] input[value='" + codOrderId + "']")
                    .check();
            back.getByTestId("export").click();
            assertThat(back.getByTestId("exported")).isVisible();
            Download download =
                    back.waitForDownload(() -> back.getByTestId("download").click());
            String slips = new String(
                    java.nio.file.Files.readAllBytes(download.path()), java.nio.charset.Charset.forName("Windows-31J"));
            List<String> codRows = java.util.Arrays.stream(slips.split("\r\n"))
                    .filter(l -> l.startsWith("J" + codOrderId + "-"))
                    .toList();
            assertThat(codRows).hasSize(destinations + 1);
            assertThat(codRows.get(0).split(",", -1)[33]).isEqualTo(String.valueOf(totalAfter - 1000));
            assertThat(codRows.get(destinations).split(",", -1)[33]).isEqualTo("1000");
            assertThat(codRows.get(destinations).split(",", -1)[6]).isEqualTo("1416");
            StringBuilder issued = new StringBuilder("お客様管理番号,送り状種別,クール区分,伝票番号\r\n");
            for (int i = 0; i < codRows.size(); i++) {
                issued.append(codRows.get(i), 0, codRows.get(i).indexOf(','))
                        .append(",2,0,5555-0000-")
                        .append(String.format("%04d", i))
                        .append("\r\n");
            }
            back.getByTestId("tracking-file")
                    .setInputFiles(new FilePayload(
                            "b2-issued.csv",
                            "text/csv",
                            issued.toString().getBytes(java.nio.charset.Charset.forName("Windows-31J"))));
            back.getByTestId("import-tracking").click();
            assertThat(back.getByTestId("imported")).isVisible();
            back.navigate(codUrl);
            assertThat(back.locator("body")).containsText("出荷済み");
            Browser.screenshot(back, "workspace-04d-cod-shipped");

            // a phone order entered by hand, with a product the OMS has seen
            back.navigate(orderUrl);
            String code = back.getByTestId("item-code").first().innerText();
            back.getByTestId("menu-register").click();
            back.getByTestId("buyer-name").fill("電話 注文子");
            back.getByTestId("buyer-phone").fill("06-1234-5678");
            back.getByTestId("buyer-postal").fill("530-0001");
            back.getByTestId("buyer-prefecture").selectOption("大阪府");
            back.getByTestId("buyer-address1").fill("大阪市北区梅田1-1");
            back.getByTestId("line-code-0").fill(code.strip());
            back.getByTestId("line-qty-0").fill("2");
            back.getByTestId("payment-method").selectOption("CashOnDelivery");
            back.locator("input[name=shippingFee]").fill("600");
            back.locator("input[name=codFee]").fill("330");
            back.getByTestId("manual-preview-button").click();
            assertThat(back.getByTestId("preview-total")).isVisible();
            Browser.screenshot(back, "workspace-05-phone-order");
            back.getByTestId("manual-register").click();
            assertThat(back.getByTestId("history")).containsText("手入力で登録しました");
            assertThat(back.getByTestId("order-number")).containsText("M");

            // the buyer is a customer now
            back.navigate("/customers?q=" + "電話");
            awaitText(back, "customer-name", "電話 注文子");
            Browser.screenshot(back, "workspace-06-customers");

            // a status of the merchant's own becomes a tab
            back.navigate("/settings/statuses");
            back.getByTestId("new-status").fill("要電話確認");
            back.locator("[data-testid=status-add] button").click();
            back.navigate("/orders");
            assertThat(back.getByTestId("status-tabs")).containsText("要電話確認 (0)");

            // a viewer sees the orders but no bulk actions, and cannot edit
            back.navigate("/settings/users");
            back.locator("[data-testid=add-user] input[name=loginId]").fill("mitsuki");
            back.locator("[data-testid=add-user] input[name=displayName]").fill("閲覧 美月");
            back.locator("[data-testid=add-user] select[name=role]").selectOption("VIEWER");
            back.locator("[data-testid=add-user] input[name=password]").fill("viewer-pass-2026");
            back.locator("[data-testid=add-user] button").click();
            assertThat(back.getByTestId("users")).containsText("mitsuki");
            Page viewer = Demo.signIn(browser.newPage(oms.baseUrl()), "mitsuki", "viewer-pass-2026");
            viewer.navigate("/orders");
            assertThat(viewer.getByTestId("order-table")).isVisible();
            assertThat(viewer.getByTestId("bulk-form")).hasCount(0);
            viewer.navigate(orderUrl);
            assertThat(viewer.getByTestId("edit-order")).hasCount(0);

            // 受注データ削除 shows how many orders a range holds before anything is deleted
            back.navigate("/maintenance/delete");
            String today =
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
            back.locator("input[name=from]")
                    .fill(java.time.LocalDate.parse(today).minusDays(40).toString());
            back.locator("input[name=to]").fill(today);
            back.locator("[data-testid=delete-criteria] button").click();
            assertThat(back.getByTestId("count")).not().hasText("0");
            Browser.screenshot(back, "workspace-07-delete-preview");
        }
    }

    private static long yen(String text) {
        return Long.parseLong(text.replace(",", "").replace("円", "").strip());
    }

    private static void awaitOrders(Page page) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            page.navigate("/orders?status=NEW");
            if (page.getByTestId("order-number").count() > 0) {
                return;
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("the demo orders did not arrive");
    }

    private static void awaitText(Page page, String testId, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (page.getByTestId(testId).allInnerTexts().contains(text)) {
                return;
            }
            Thread.sleep(1000);
            page.reload();
        }
        throw new AssertionError(text + " did not appear");
    }
}
