package jp.juchu.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's path in a real browser on the demo data, both apps started as {@code start.sh} starts them: an
 * order is made ready to ship in the OMS, its Yamato B2 Cloud slip CSV is exported, the carrier's file
 * with the slip numbers comes back, the order is 出荷済み in the OMS and 発送済み with the tracking number
 * at the shop; the batch's 納品書 and ピッキングリスト download as PDFs. On the way: the 出荷 page names the missing B2 Cloud customer code and links to its setting, and a
 * tracking file with one bad line is refused whole with that line named.
 */
class ShippingBrowserTest {

    private static final Charset SJIS = Charset.forName("windows-31j");

    @Test
    void anOrderGoesFromReadyToShipToShippedAtTheShop() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            shipAnOrder(smtp);
        } finally {
            smtp.stop();
        }
    }

    private void shipAnOrder(GreenMail smtp) throws Exception {
        Path work = Demo.work("shipping");
        try (AppProcess shopServer = Demo.shopServer(work, Map.of("shop.demo.enabled", "true"));
                AppProcess oms = Demo.oms(work, Map.of("oms.demo.enabled", "true", "oms.demo.rules", "false"));
                Browser browser = new Browser()) {
            Page back = Demo.signIn(browser.newPage(oms.baseUrl()));

            // the sender on the slips
            Demo.saveContractor(back, "Ｔ１２３４５６７８９０１２３");

            // the OMS's order mails go to a real SMTP server (this test's)
            back.navigate("/settings/mail");
            back.getByTestId("smtp-host").fill("127.0.0.1");
            back.getByTestId("smtp-port").fill(String.valueOf(smtp.getSmtp().getPort()));
            back.getByTestId("smtp-security").selectOption("NONE");
            back.getByTestId("smtp-from").fill("shop@example.jp");
            back.getByTestId("smtp-save").click();
            assertThat(back.getByTestId("notice")).isVisible();

            // B2 Cloud needs the billing customer code: the 出荷 page says so and links to the carrier settings
            back.navigate("/shipping");
            assertThat(back.getByTestId("missing-setup")).containsText("ご請求先顧客コード");
            back.getByTestId("missing-link").first().click();
            back.getByTestId("code-YAMATO").fill("0123456789");
            back.getByTestId("save").click();
            back.navigate("/shipping");
            assertThat(back.getByTestId("missing-setup")).hasCount(0);

            // the demo shop's orders arrive by themselves; one paid by card, to one address, is made ready to ship
            String orderUrl = awaitCardOrder(back);
            back.navigate(orderUrl);
            String serial = back.locator("code").first().innerText().strip();
            String orderNumber = back.getByTestId("order-number").innerText().strip();
            back.getByTestId("status-select").selectOption("READY_TO_SHIP");
            back.getByTestId("change-status").click();
            assertThat(back.getByTestId("saved-message")).isVisible();

            // export the B2 Cloud slips of the orders ready to ship
            back.navigate("/shipping");
            Locator row = back.locator("[data-testid=candidate][data-order='" + orderNumber + "']");
            assertThat(row.locator("input[type=checkbox]")).isChecked();
            Browser.screenshot(back, "shipping-01-ready-to-ship");
            back.getByTestId("export").click();
            assertThat(back.getByTestId("exported")).isVisible();
            Download download =
                    back.waitForDownload(() -> back.getByTestId("download").click());
            String slips = new String(Files.readAllBytes(download.path()), SJIS);
            assertThat(slips).startsWith("お客様管理番号,送り状種別").contains("\r\n");
            List<String> references = new ArrayList<>();
            for (String line : slips.split("\r\n")) {
                if (line.startsWith("J")) {
                    references.add(line.substring(0, line.indexOf(',')));
                }
            }
            assertThat(references).isNotEmpty();

            // the batch's 納品書 and ピッキングリスト, from 出力履歴
            Locator batch = back.getByTestId("batch").first();
            Download notes = back.waitForDownload(
                    () -> batch.getByTestId("batch-delivery-notes").click());
            String notesText = pdfText(notes.path());
            assertThat(notesText).contains("納品書", "受注番号 " + orderNumber, "登録番号 T1234567890123", "税率別内訳");
            Download picking = back.waitForDownload(
                    () -> batch.getByTestId("batch-picking-total").click());
            assertThat(pdfText(picking.path())).contains("トータルピッキングリスト", "ロケーション");

            // B2 Cloud's issued data comes back with a slip number per shipment
            StringBuilder issued = new StringBuilder("お客様管理番号,送り状種別,クール区分,伝票番号\r\n");
            for (int i = 0; i < references.size(); i++) {
                issued.append(references.get(i))
                        .append(",0,0,4321-0000-")
                        .append(String.format("%04d", i))
                        .append("\r\n");
            }
            // a file with one bad line is refused whole, the line named; nothing is applied
            String bad = issued + references.get(0) + "-9,0,0,1234\r\n";
            back.getByTestId("tracking-file")
                    .setInputFiles(new FilePayload("b2-bad.csv", "text/csv", bad.getBytes(SJIS)));
            back.getByTestId("import-tracking").click();
            assertThat(back.getByTestId("tracking-refused")).isVisible();
            int badLine = references.size() + 2;
            assertThat(back.getByTestId("import-errors"))
                    .containsText(badLine + "行目: お客様管理番号 " + references.get(0) + "-9 はこのOMSが出力したものではありません");
            assertThat(back.getByTestId("import-errors").locator("li")).hasCount(1);
            Browser.screenshot(back, "shipping-05-tracking-file-refused");
            back.navigate(orderUrl);
            assertThat(back.getByTestId("status-select")).hasValue("PRINTED");
            back.navigate("/shipping");

            back.getByTestId("tracking-file")
                    .setInputFiles(new FilePayload(
                            "b2-issued.csv", "text/csv", issued.toString().getBytes(SJIS)));
            back.getByTestId("import-tracking").click();
            assertThat(back.getByTestId("imported")).isVisible();
            Browser.screenshot(back, "shipping-02-tracking-imported");

            // 出荷済み in the OMS, reported to the shop
            back.navigate(orderUrl);
            assertThat(back.locator("body")).containsText("出荷済み");
            awaitReported(back, orderUrl);
            Browser.screenshot(back, "shipping-03-order-shipped");

            // 発送連絡 from the order page: the buyer gets the tracking number and the carrier's tracking link
            Locator shippedMail =
                    back.locator("[data-testid=mail-template] option", new Page.LocatorOptions().setHasText("発送連絡"));
            back.getByTestId("mail-template").selectOption(shippedMail.first().getAttribute("value"));
            back.getByTestId("mail-send").click();
            assertThat(back.getByTestId("mail-result")).isVisible();
            assertThat(smtp.waitForIncomingEmail(60_000, 1)).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            String mailBody = mail.getContent().toString();
            assertThat(mail.getSubject()).contains(orderNumber);
            assertThat(mailBody)
                    .contains("432100000000")
                    .contains("https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=432100000000");

            // 発送済み with the tracking number at the shop
            Page shop = Demo.shopAdmin(browser.newPage(shopServer.baseUrl()), Demo.SHOP_A);
            shop.navigate("/admin/orders/" + serial);
            assertThat(shop.locator("body")).containsText("発送済み");
            assertThat(shop.locator("body")).containsText("432100000000");
            Browser.screenshot(shop, "shipping-04-shipped-at-the-shop");
        }
    }

    private static String pdfText(Path pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    /** The first order in the OMS paid by card, not shipped, to one address, once the demo orders have arrived. */
    private static String awaitCardOrder(Page back) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        // the demo's first shop (the test signs in to its admin later); the second demo shop sells too
        back.navigate("/orders");
        back.getByTestId("filter-shop").selectOption(new SelectOption().setLabel("sptest18pj"));
        back.getByTestId("search").click();
        back.waitForURL("**shop=**");
        String shopOrders = back.url();
        while (Instant.now().isBefore(deadline)) {
            back.navigate(shopOrders);
            Locator links = back.getByTestId("order-number");
            for (int i = 0; i < Math.min(links.count(), 30); i++) {
                String href = links.nth(i).getAttribute("href");
                back.navigate(href);
                String page = back.locator("main").innerText();
                List<String> shopStates = back.locator("main span.badge").allInnerTexts();
                if (page.contains("クレジットカード")
                        && shopStates.contains("未発送")
                        && !shopStates.contains("キャンセル")
                        && !page.contains("お届け先 2")) {
                    return href;
                }
                back.navigate(shopOrders);
                links = back.getByTestId("order-number");
            }
            Thread.sleep(2000);
        }
        throw new AssertionError("no card order with one destination arrived in the OMS");
    }

    private static void awaitReported(Page back, String orderUrl) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            back.navigate(orderUrl);
            back.waitForLoadState();
            Locator states = back.getByTestId("write-back-state");
            if (states.count() > 0 && states.allInnerTexts().stream().allMatch("連絡済み"::equals)) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the shipment was not reported to the shop");
    }
}
