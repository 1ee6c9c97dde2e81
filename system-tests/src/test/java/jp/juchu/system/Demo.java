package jp.juchu.system;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The demo as the browser tests use it: both apps started from the jars this build made, the OMS's and the shops'
 * sign-in, the sender and carrier settings slips need, and the demo shops' connections and stock as the pages show
 * them. One place for the steps every browser test takes before its own.
 */
final class Demo {

    /** The demo's first shop, which every demo order comes from unless a test uses both. */
    static final String SHOP_A = "sptest18pj";
    /** The demo's second shop, selling the same products as {@link #SHOP_A}. */
    static final String SHOP_B = "sptest18pk";

    private Demo() {}

    /** A fresh folder for one test's apps under {@code juchu.workDir}. */
    static Path work(String test) {
        return Path.of(System.getProperty("juchu.workDir"), test + "-" + System.currentTimeMillis());
    }

    static AppProcess shopServer(Path work, Map<String, String> properties) {
        return AppProcess.start("shop-server", Path.of(System.getProperty("juchu.shopServerJar")), work, properties);
    }

    /** The shop server given longer to start (two demo shops on a busy machine). */
    static AppProcess shopServer(Path work, Map<String, String> properties, Duration start) {
        return AppProcess.start(
                "shop-server", Path.of(System.getProperty("juchu.shopServerJar")), work, properties, start);
    }

    static AppProcess oms(Path work, Map<String, String> properties) {
        return AppProcess.start("oms", Path.of(System.getProperty("juchu.omsJar")), work, properties);
    }

    static AppProcess oms(Path work, Map<String, String> properties, Duration start) {
        return AppProcess.start("oms", Path.of(System.getProperty("juchu.omsJar")), work, properties, start);
    }

    /** Signs the OMS's first administrator in on the page. */
    static Page signIn(Page back) {
        return signIn(back, "admin", "juchu-admin");
    }

    /** Signs a user of the OMS in on the page. */
    static Page signIn(Page back, String loginId, String password) {
        back.navigate("/login");
        back.locator("input[name=username]").fill(loginId);
        back.locator("input[name=password]").fill(password);
        back.locator("button[type=submit]").click();
        return back;
    }

    /** Signs a demo shop's owner in to the shop server's admin on the page. */
    static Page shopAdmin(Page shop, String shopId) {
        shop.navigate("/admin/login");
        shop.locator("input[name=shopId]").fill(shopId);
        shop.locator("input[name=password]").fill("demo-pass");
        shop.locator("button[type=submit]").click();
        return shop;
    }

    /** 契約者情報: the sender that slips and documents print. */
    static void saveContractor(Page back) {
        fillContractor(back);
        back.locator("main button.primary").click();
    }

    /** 契約者情報 with the merchant's invoice registration number (適格請求書発行事業者登録番号) as typed. */
    static void saveContractor(Page back, String registrationNumber) {
        fillContractor(back);
        back.getByTestId("registration-number").fill(registrationNumber);
        back.locator("main button.primary").click();
    }

    private static void fillContractor(Page back) {
        back.navigate("/settings/contractor");
        back.locator("input[name=companyName]").fill("ジュチュウ日本茶と雑貨の店");
        back.locator("input[name=representative]").fill("受注 太郎");
        back.locator("input[name=postalCode]").fill("420-0852");
        back.locator("select[name=prefecture]").selectOption("静岡県");
        back.locator("input[name=address]").fill("静岡市葵区紺屋町17-1");
        back.locator("input[name=phone]").fill("054-000-1234");
        back.locator("input[name=email]").fill("shop@example.jp");
    }

    /** 配達業者設定: the billing customer code B2 Cloud slips need. */
    static void saveYamatoCustomerCode(Page back) {
        back.navigate("/settings/carriers");
        back.getByTestId("code-YAMATO").fill("0123456789");
        back.getByTestId("save").click();
    }

    /** The link to a demo shop's page of 在庫連携, as the 在庫連携 list shows it. */
    static String stockSyncPage(Page back, String shopId) {
        back.navigate("/stock-sync");
        return back.locator("[data-shop=" + shopId + "] [data-testid=stock-sync-open]")
                .getAttribute("href");
    }

    /** The connection's id at the end of its 在庫連携 page's link. */
    static long connectionId(String stockSyncPage) {
        return Long.parseLong(stockSyncPage.substring(stockSyncPage.lastIndexOf('/') + 1));
    }

    /** Waits for the connection's first import run (the demo orders) to succeed. */
    static void awaitImported(Page back, long connectionId) throws InterruptedException {
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

    /**
     * A guest buys this many of the item at the shop's storefront, paying by bank transfer, and is left on the page
     * that shows the order placed.
     */
    static void buyAsGuest(Page buyer, String shopId, String itemCode, int quantity) {
        buyer.navigate("/shops/" + shopId + "/items/" + itemCode);
        buyer.getByTestId("quantity").fill(String.valueOf(quantity));
        buyer.getByTestId("add-to-cart").click();
        buyer.getByTestId("to-checkout").click();
        fillGuestBuyer(buyer);
        buyer.getByTestId("to-confirm").click();
        buyer.getByTestId("place-order").click();
    }

    /** The checkout form as a guest fills it: 森 さやか in Yokohama, paying by bank transfer. */
    static void fillGuestBuyer(Page buyer) {
        buyer.getByTestId("buyer-name").fill("森 さやか");
        buyer.getByTestId("buyer-kana").fill("モリ サヤカ");
        buyer.getByTestId("buyer-email").fill("sayaka.mori@example.jp");
        buyer.getByTestId("buyer-phone").fill("045-123-4567");
        buyer.getByTestId("buyer-postal").fill("231-0023");
        buyer.getByTestId("buyer-prefecture").selectOption("神奈川県");
        buyer.getByTestId("buyer-address1").fill("横浜市中区山下町1-1");
        buyer.getByTestId("pay-BankTransfer").check();
    }

    /** An item's stock as the shop admin signed in on the page shows it. */
    static int shopQuantity(Page shop, String itemCode) {
        shop.navigate("/admin/products/" + itemCode);
        return Integer.parseInt(shop.getByTestId("stock-").inputValue().strip());
    }
}
