package jp.juchu.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's walkthrough, in a real browser against both applications started as {@code start.sh} starts
 * them (separate processes, fresh databases): the merchant applies for the API at the shop and reads the
 * keys (【1】–【4】), sets up the shop in the OMS (【5】–【11】), and the shop's orders arrive; a wrong key is
 * refused at save; a reissued key is noticed and, once entered, the link works again with no order lost or
 * doubled. Screenshots of every step go to {@code system-tests/target/walkthrough/}.
 */
class WalkthroughBrowserTest {

    private static final String SHOP_ID = Demo.SHOP_A;
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void merchantLinksTheShopToTheOmsAndOrdersArriveWithoutLossOrDuplicates() throws Exception {
        Path work = Demo.work("walkthrough");
        try (AppProcess shopServer = Demo.shopServer(
                        work.resolve("shop"),
                        Map.of("shop.demo.enabled", "true", "shop.apikeys.demo-issues-keys", "false"));
                AppProcess oms = Demo.oms(work.resolve("oms"), Map.of());
                Browser browser = new Browser()) {
            String managementUrl = shopServer.baseUrl() + "/api/management";
            String itemUrl = shopServer.baseUrl() + "/api/item";

            // 【1】–【4】 the shop admin: Server → Shop Server API, agree to the terms, keys issued
            Page shop = browser.newPage(shopServer.baseUrl());
            shop.navigate("/admin/login");
            shop.locator("input[name=shopId]").fill(SHOP_ID);
            shop.locator("input[name=password]").fill("demo-pass");
            Browser.screenshot(shop, "01-shop-login");
            shop.locator("button[type=submit]").click();
            Browser.screenshot(shop, "02-shop-admin-top");
            shop.getByTestId("tab-server").click();
            Browser.screenshot(shop, "03-server-menu");
            shop.getByTestId("menu-shop-api").click();
            Browser.screenshot(shop, "04-api-terms");
            shop.getByTestId("agree").check();
            shop.getByTestId("apply").click();
            assertThat(shop.getByTestId("issued")).isVisible();
            Browser.screenshot(shop, "05-keys-issued");
            String openKey = shop.getByTestId("open-key").innerText().strip();
            String managerKey = shop.getByTestId("manager-key").innerText().strip();

            // 【5】–【7】 the OMS: order management → settings → mall detail settings → Shop Serve
            Page back = Demo.signIn(browser.newPage(oms.baseUrl()));
            Browser.screenshot(back, "06-oms-home");
            back.getByTestId("menu-orders").click();
            back.getByTestId("menu-settings").click();
            Browser.screenshot(back, "07-oms-settings");
            back.getByTestId("settings-mall-details").click();
            back.getByTestId("add-shopserve").click();

            // step 6 of the issue: a wrong manager key is refused with a clear message, nothing saved
            fillConnection(back, openKey, "not-the-manager-key", managementUrl, itemUrl);
            back.getByTestId("save-and-next").click();
            assertThat(back.getByTestId("managerKey-error")).containsText("マネジャー認証キーが正しくありません");
            Browser.screenshot(back, "08-wrong-manager-key");

            // 【8】–【11】 shop ID, open key, manager key, 7 days, automatic every 30 minutes, save and go to next
            back.navigate("/settings/mall-details/shopserve/new");
            fillConnection(back, openKey, managerKey, managementUrl, itemUrl);
            Browser.screenshot(back, "09-api-access-settings");
            back.getByTestId("save-and-next").click();
            assertThat(back.getByTestId("saved-message")).isVisible();
            assertThat(back.getByTestId("connection-status")).hasText("接続OK");
            Browser.screenshot(back, "10-shop-linked");

            // the first fetch starts by itself; "fetch now" fetches again
            back.getByTestId("connection-imports").click();
            String importsUrl = back.url();
            awaitRuns(back, importsUrl, 1, "SUCCEEDED");
            back.getByTestId("fetch-now").click();
            awaitRuns(back, importsUrl, 2, "SUCCEEDED");
            Browser.screenshot(back, "11-import-runs");
            Map<String, Long> shopOrders = shopOrdersOfTheLastDays(managementUrl, managerKey, 7);
            assertThat(shopOrders).isNotEmpty();
            assertThat(omsOrders(back)).isEqualTo(shopOrders);
            back.navigate("/orders");
            Browser.screenshot(back, "12-order-list");

            // a buyer orders at the shop's storefront as a guest; after the next fetch the order is in the OMS
            Page buyer = browser.newPage(shopServer.baseUrl());
            buyer.navigate("/shops/" + SHOP_ID + "/");
            buyer.getByTestId("item-card").first().click();
            buyer.getByTestId("add-to-cart").click();
            buyer.getByTestId("to-checkout").click();
            Demo.fillGuestBuyer(buyer);
            buyer.getByTestId("to-confirm").click();
            Browser.screenshot(buyer, "13-storefront-confirm");
            buyer.getByTestId("place-order").click();
            String orderNumber = buyer.getByTestId("order-number").textContent().strip();
            Browser.screenshot(buyer, "14-storefront-thanks");
            back.navigate(importsUrl);
            back.getByTestId("fetch-now").click();
            awaitRuns(back, importsUrl, 3, "SUCCEEDED");
            back.navigate("/orders");
            assertThat(back.locator("body")).containsText(orderNumber);
            Browser.screenshot(back, "15-storefront-order-in-oms");

            // the shop reissues the manager key: the OMS's next fetch says the key is invalid
            shop.navigate("/admin/server/api");
            shop.getByTestId("reissue-manager").click();
            shop.getByTestId("confirm-reissue").click();
            assertThat(shop.getByTestId("reissued")).isVisible();
            Browser.screenshot(shop, "16-manager-key-reissued");
            String newManagerKey = shop.getByTestId("manager-key").innerText().strip();
            back.navigate(importsUrl);
            back.getByTestId("fetch-now").click();
            awaitRuns(back, importsUrl, 4, "FAILED");
            back.navigate("/");
            assertThat(back.getByTestId("key-invalid-banner")).containsText("マネジャー認証キーが無効です");
            Browser.screenshot(back, "17-key-invalid-banner");

            // entering the new key restores the link; nothing lost, nothing doubled
            back.getByTestId("key-invalid-banner").locator("a").click();
            back.getByTestId("managerKey").fill(newManagerKey);
            back.getByTestId("save-and-next").click();
            assertThat(back.getByTestId("saved-message")).isVisible();
            back.navigate(importsUrl);
            awaitRuns(back, importsUrl, 5, "SUCCEEDED");
            Browser.screenshot(back, "18-restored");
            back.navigate("/");
            assertThat(back.getByTestId("key-invalid-banner")).hasCount(0);
            assertThat(omsOrders(back)).isEqualTo(shopOrdersOfTheLastDays(managementUrl, newManagerKey, 7));
        }
    }

    private static void fillConnection(
            Page page, String openKey, String managerKey, String managementUrl, String itemUrl) {
        page.getByTestId("shopId").fill(SHOP_ID);
        page.getByTestId("openKey").fill(openKey);
        page.getByTestId("managerKey").fill(managerKey);
        page.getByTestId("daysToFetch").fill("7");
        page.getByTestId("autoFetch").check();
        page.getByTestId("fetchIntervalMinutes").selectOption("30");
        Locator advanced = page.locator("details");
        if (advanced.getAttribute("open") == null) {
            advanced.locator("summary").click();
        }
        page.getByTestId("managementUrl").fill(managementUrl);
        page.getByTestId("itemUrl").fill(itemUrl);
    }

    /** Reloads the import page until it lists {@code count} runs and the newest has ended as expected. */
    private static void awaitRuns(Page page, String url, int count, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            page.navigate(url);
            Locator runs = page.getByTestId("import-run");
            if (runs.count() >= count) {
                String newest = runs.first().getAttribute("data-status");
                if (status.equals(newest)) {
                    return;
                }
                if (!"RUNNING".equals(newest) && runs.count() > count) {
                    throw new AssertionError("run ended " + newest + ", expected " + status);
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no " + status + " run #" + count + " at " + url);
    }

    /** Order number → total of every order in the OMS's order list, all pages. */
    private static Map<String, Long> omsOrders(Page page) {
        Map<String, Long> orders = new TreeMap<>();
        for (int pageNo = 0; ; pageNo++) {
            page.navigate("/orders?page=" + pageNo);
            for (Locator row : page.getByTestId("order-row").all()) {
                String number = row.getByTestId("order-number").innerText().strip();
                long total = Long.parseLong(
                        row.getByTestId("order-total").innerText().replaceAll("[^0-9]", ""));
                assertThat(orders.put(number, total))
                        .as("order %s listed twice", number)
                        .isNull();
            }
            if (page.getByTestId("next-page").count() == 0) {
                return orders;
            }
        }
    }

    /** The same from the shop's order API: orders placed or changed in the last days. */
    private Map<String, Long> shopOrdersOfTheLastDays(String managementUrl, String managerKey, int days)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = Base64.getEncoder().encodeToString((SHOP_ID + ":" + managerKey).getBytes(StandardCharsets.UTF_8));
        String since = OffsetDateTime.now().minusDays(days).toString();
        Map<String, Long> orders = new TreeMap<>();
        for (int from = 0; ; from += 100) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(managementUrl + "/v2/orders/_retrieve/amounts"))
                            .header("Authorization", "Basic " + auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"since\":\"" + since + "\",\"from\":" + from + ",\"size\":100}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode page = json.readTree(response.body());
            for (JsonNode order : page.get("orders")) {
                orders.put(
                        order.get("order_number").asString(),
                        order.get("amounts").get("total").asLong());
            }
            if (page.get("orders").size() < 100) {
                return orders;
            }
        }
    }
}
