package jp.juchu.oms.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.sales.SalesFixture.Line;
import jp.juchu.oms.sales.internal.ReportFilter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each report's figures over a shop of its own: two orders in March 2025 (and a cancelled one, and one a year
 * before), read through the pages and the CSV downloads.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SalesReportTests {

    static final LocalDate MONDAY = LocalDate.of(2025, 3, 10);

    @Autowired
    Orders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    jp.juchu.oms.purchasing.internal.Suppliers suppliers;

    @Autowired
    jp.juchu.oms.purchasing.internal.PurchasingSettings purchasingSettings;

    @Autowired
    jp.juchu.oms.sales.internal.SalesSettings settings;

    @Autowired
    SalesFacts facts;

    SalesFixture shop;

    @BeforeEach
    void twoOrdersInMarch() {
        shop = SalesFixture.create(orders, jdbc);
        shop.product(shop.prefix() + "-MUG", 1200, "mug-1");
        // 2,160 of tea (8 %) + 500 shipping = 2,660; tax 160 + 45
        shop.order("M-1", MONDAY, 10, "New", "CreditCard", "東京都", 500, List.of(new Line("tea-1", "=1+2", 1080, 2, 8)));
        // 3,300 mug (10 %) + 800 shipping = 4,100; tax 372
        shop.order(
                "M-2",
                MONDAY.plusDays(1),
                21,
                "New",
                "CashOnDelivery",
                "大阪府",
                800,
                List.of(new Line("mug-1", "マグカップ", 3300, 1, 10)));
        shop.order(
                "M-3",
                MONDAY.plusDays(1),
                12,
                "Cancelled",
                "CreditCard",
                "東京都",
                0,
                List.of(new Line("tea-1", "=1+2", 1080, 1, 8)));
        shop.order(
                "L-1",
                MONDAY.minusYears(1),
                10,
                "New",
                "CreditCard",
                "東京都",
                0,
                List.of(new Line("tea-1", "=1+2", 1080, 1, 8)));
        shop.awaitFactsEqualOrders();
    }

    private String march() {
        return "from=2025-03-01&to=2025-03-31&shop=" + shop.shop();
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user("sato").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** The totals row's cell under the column with this label. */
    private static String total(Document page, String column) {
        Elements heads = page.select("[data-testid=report-table] thead th");
        for (int i = 0; i < heads.size(); i++) {
            if (heads.get(i).text().equals(column)) {
                return page.select("[data-testid=report-totals] th").get(i).text();
            }
        }
        throw new AssertionError("no column " + column + " in " + heads.eachText());
    }

    private static List<String> column(Document page, int index) {
        return page.select("[data-testid=report-table] tbody tr").stream()
                .map(tr -> tr.select("td").get(index).text())
                .toList();
    }

    @Test
    void theDailyReportAddsUpTheMonthAgainstLastYearAndTheGoal() throws Exception {
        mvc.perform(post("/sales/settings/goals")
                        .param("month", "2025-03")
                        .param("goal." + shop.shop(), "１００,０００円")
                        .with(user("sato").roles("STAFF"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/sales/settings?month=2025-03"));
        Document daily = page("/sales/daily?month=2025-03&shop=" + shop.shop());
        assertThat(daily.select("[data-testid=report-table] tbody tr")).hasSize(31);
        assertThat(total(daily, "売上(税込)")).isEqualTo("6,760円");
        assertThat(total(daily, "受注件数")).isEqualTo("2");
        assertThat(total(daily, "点数")).isEqualTo("3");
        assertThat(total(daily, "客単価")).isEqualTo("3,380円");
        assertThat(total(daily, "前年同日")).isEqualTo("1,080円");
        assertThat(total(daily, "前年比(%)")).isEqualTo("625.9%");
        assertThat(total(daily, "累計目標")).isEqualTo("100,000円");
        assertThat(total(daily, "達成率(%)")).isEqualTo("6.8%");
        assertThat(daily.select("[data-testid=sales-chart]").attr("data-chart")).contains("\"前年同日\"");

        Document excl = page("/sales/daily?month=2025-03&tax=excl&shop=" + shop.shop());
        assertThat(total(excl, "売上(税抜)")).isEqualTo("6,183円");

        Document withCancelled = page("/sales/daily?month=2025-03&excludeSet=1&shop=" + shop.shop());
        assertThat(total(withCancelled, "受注件数")).isEqualTo("3");
    }

    @Test
    void theMonthlyReportCoversTwentyFourMonthsWithTheSameMonthLastYear() throws Exception {
        Document monthly = page("/sales/monthly?month=2025-03&shop=" + shop.shop());
        assertThat(monthly.select("[data-testid=report-table] tbody tr")).hasSize(24);
        assertThat(column(monthly, 0)).startsWith("2023/04").endsWith("2025/03");
        assertThat(total(monthly, "売上(税込)")).isEqualTo("7,840円");
        List<String> last = monthly.select("[data-testid=report-table] tbody tr")
                .last()
                .select("td")
                .eachText();
        assertThat(last).contains("6,760円", "1,080円", "625.9%");
    }

    @Test
    void theBreakdownsAddUpTheSameFromTheMonthlyRollupAndFromTheFacts() throws Exception {
        // March whole: the monthly rollup; a period cutting February and April: the rollup for March and the facts
        // for the days around it; March less its last day: the facts alone
        for (String report : List.of("products", "prefectures", "payments", "carriers", "weekdays", "hours")) {
            for (String filter : List.of("", "&tax=excl", "&basis=PAY", "&exclude=NEW&excludeSet=1")) {
                List<String> whole = table(page("/sales/" + report + "?" + march() + filter));
                String shopParam = "&shop=" + shop.shop() + filter;
                assertThat(table(page("/sales/" + report + "?from=2025-02-15&to=2025-04-14" + shopParam)))
                        .as(report + filter + " around March")
                        .isEqualTo(whole);
                assertThat(table(page("/sales/" + report + "?from=2025-03-01&to=2025-03-30" + shopParam)))
                        .as(report + filter + " within March")
                        .isEqualTo(whole);
            }
        }
        assertThat(jdbc.sql("select count(*) from sales_month where connection_id = ? and dim = 'PRODUCT'")
                        .param(shop.shop())
                        .query(Long.class)
                        .single())
                .as("the monthly rollup is what the whole months read")
                .isPositive();
    }

    private static List<String> table(Document page) {
        return page.select("[data-testid=report-table] tbody tr, [data-testid=report-totals]")
                .eachText();
    }

    @Test
    void theShopProductAndBreakdownReportsCountTheSameOrders() throws Exception {
        Document shops = page("/sales/shops?" + march());
        assertThat(total(shops, "売上(税込)")).isEqualTo("6,760円");
        assertThat(total(shops, "消費税(10%)")).isEqualTo("417円");
        assertThat(total(shops, "消費税(8%)")).isEqualTo("160円");
        assertThat(total(shops, "送料")).isEqualTo("1,300円");
        assertThat(total(shops, "原価")).isEqualTo("1,200円");
        assertThat(total(shops, "粗利(税抜)")).isEqualTo("4,983円");

        Document products = page("/sales/products?tax=excl&" + march());
        assertThat(column(products, 0)).containsExactly(shop.prefix() + "-MUG", "tea-1");
        assertThat(column(products, 11)).containsExactly("A", "C");
        List<String> mug = products.select("[data-testid=report-table] tbody tr")
                .first()
                .select("td")
                .eachText();
        assertThat(mug).contains("単品", "3,000円", "1,200円", "1,800円", "60.0%");
        assertThat(column(products, 2)).containsExactly("単品", "未登録");

        Document prefectures = page("/sales/prefectures?" + march());
        assertThat(total(prefectures, "売上(税込)")).isEqualTo("6,760円");
        assertThat(prefectures.select("[data-testid=report-table] tbody tr")).hasSize(47);
        assertThat(column(prefectures, 0)).startsWith("北海道").endsWith("沖縄県");

        Document payments = page("/sales/payments?" + march());
        assertThat(column(payments, 0)).containsExactly("代金引換", "クレジットカード");

        Document weekdays = page("/sales/weekdays?" + march());
        assertThat(column(weekdays, 3)).containsExactly("2,660円", "4,100円", "0円", "0円", "0円", "0円", "0円");

        Document hours = page("/sales/hours?" + march());
        assertThat(column(hours, 3).get(10)).isEqualTo("2,660円");
        assertThat(column(hours, 3).get(21)).isEqualTo("4,100円");

        Document carriers = page("/sales/carriers?" + march());
        assertThat(total(carriers, "受注件数")).isEqualTo("2");
    }

    @Test
    void theSupplierReportGroupsTheProductsByTheSupplierPurchasingNamesWithItsCsv() throws Exception {
        String code = "SR" + Long.toString(System.nanoTime() % 10_000_000L, 36).toUpperCase();
        suppliers.save(
                null, java.util.Map.of("code", code, "name", "静岡製陶", "leadTimeDays", "5", "sendMethod", "PRINT"));
        purchasingSettings.save(
                shop.prefix() + "-MUG", java.util.Map.of("supplier", code, "purchasePrice", "500", "lotSize", "1"));

        Document suppliersPage = page("/sales/suppliers?tax=excl&" + march());
        assertThat(column(suppliersPage, 0)).containsExactly(code, "(未登録商品)");
        assertThat(suppliersPage
                        .select("[data-testid=report-table] tbody tr")
                        .first()
                        .select("td")
                        .eachText())
                .contains("静岡製陶", "3,000円", "1,200円", "1,800円", "60.0%");
        assertThat(total(suppliersPage, "売上(税抜)")).isEqualTo("5,000円");

        String csv = new String(csv("/sales/suppliers/csv?encoding=utf8&tax=excl&" + march()), StandardCharsets.UTF_8);
        assertThat(csv).contains(code + ",静岡製陶,1,1,3000,1200,1800,60.0,60.0\r\n");
        assertThat(csv).contains("(未登録商品),,1,2,2000,");
    }

    @Test
    void theProfitReportTakesEachShopsFeesAndAllocatesThemToProductsByPrice() throws Exception {
        mvc.perform(post("/sales/settings/fees")
                        .param("fixed." + shop.shop(), "31000")
                        .param("percent." + shop.shop(), "10")
                        .param("perOrder." + shop.shop(), "100")
                        .param("payPercent.CreditCard", "3.5")
                        .param("payPerOrder.CreditCard", "0")
                        .param("payPercent.CashOnDelivery", "0")
                        .param("payPerOrder.CashOnDelivery", "330")
                        .with(user("sato").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.startsWith("手数料・配送費を保存しました")));

        Document profit = page("/sales/profit?" + march());
        assertThat(total(profit, "売上(税抜)")).isEqualTo("6,183円");
        assertThat(total(profit, "モール固定費")).isEqualTo("31,000円");
        assertThat(total(profit, "モール販売手数料")).isEqualTo("676円");
        assertThat(total(profit, "モール受注手数料")).isEqualTo("200円");
        assertThat(total(profit, "決済手数料")).isEqualTo("423円");
        assertThat(total(profit, "利益")).isEqualTo("-27,316円");

        Document products = page("/sales/profit-products?" + march());
        assertThat(total(products, "按分した手数料・配送費")).isEqualTo("32,299円");
        assertThat(products.select("[data-testid=report-table] tbody tr").stream()
                        .map(tr -> tr.select("td").get(6).text())
                        .toList())
                .containsExactlyInAnyOrder("12,723円", "19,576円");
    }

    @Test
    void aChangeOfFeeSettingsIsRecomputedInTheFactsAndProfitSaysSoWhileOrdersMixTwoSettings() throws Exception {
        MockHttpServletRequestBuilder tenPercent = post("/sales/settings/fees")
                .param("fixed." + shop.shop(), "0")
                .param("percent." + shop.shop(), "10")
                .param("perOrder." + shop.shop(), "0")
                .with(user("sato").roles("STAFF"))
                .with(csrf());
        mvc.perform(tenPercent)
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.endsWith("件の受注の手数料を再計算しました)")));
        // 10 % of 2,660 and 4,100
        assertThat(total(page("/sales/profit?" + march()), "モール販売手数料")).isEqualTo("676円");
        assertThat(total(page("/sales/profit-products?" + march()), "按分した手数料・配送費"))
                .isEqualTo("676円");
        mvc.perform(tenPercent).andExpect(flash().attribute("message", "手数料・配送費を保存しました"));

        mvc.perform(post("/sales/settings/fees")
                        .param("fixed." + shop.shop(), "0")
                        .param("percent." + shop.shop(), "5")
                        .param("perOrder." + shop.shop(), "0")
                        .with(user("sato").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.endsWith("件の受注の手数料を再計算しました)")));
        Document profit = page("/sales/profit?" + march());
        assertThat(total(profit, "モール販売手数料")).isEqualTo("338円");
        assertThat(profit.text()).doesNotContain("まだ一部の受注に反映されていません");
        // a partial month reads the line facts: the same shares
        assertThat(total(
                        page("/sales/profit-products?from=2025-03-05&to=2025-03-20&shop=" + shop.shop()),
                        "按分した手数料・配送費"))
                .isEqualTo("338円");

        // a change the facts have not taken yet (a recomputation cut short): 収支 says its orders mix two settings
        settings.setFees(
                java.util.Map.of(shop.shop(), new jp.juchu.oms.sales.internal.SalesSettings.ShopFee(0, 2000, 0)),
                java.util.Map.of(),
                java.util.Map.of());
        for (String report : List.of("profit", "profit-products")) {
            Document stale = page("/sales/" + report + "?" + march());
            assertThat(stale.text()).contains("まだ一部の受注に反映されていません");
        }
        assertThat(total(page("/sales/profit?" + march()), "モール販売手数料")).isEqualTo("338円");
        facts.rebuildAll();
        Document rebuilt = page("/sales/profit?" + march());
        assertThat(rebuilt.text()).doesNotContain("まだ一部の受注に反映されていません");
        // 20 %
        assertThat(total(rebuilt, "モール販売手数料")).isEqualTo("1,352円");
        assertThat(facts.check().matches()).isTrue();
    }

    @Test
    void theCsvIsUtf8WithBomOrShiftJisWithFormulasNeutralised() throws Exception {
        String expected = "支払方法,受注件数,点数,売上(税込),構成比(%),客単価\r\n"
                + "代金引換,1,1,4100,60.7,4100\r\n"
                + "クレジットカード,1,2,2660,39.3,2660\r\n"
                + "合計,2,3,6760,100.0,3380\r\n";
        byte[] utf8 = csv("/sales/payments/csv?encoding=utf8&" + march());
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = expected.getBytes(StandardCharsets.UTF_8);
        byte[] whole = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, whole, 0, bom.length);
        System.arraycopy(body, 0, whole, bom.length, body.length);
        assertThat(utf8).isEqualTo(whole);

        byte[] sjis = csv("/sales/payments/csv?encoding=sjis&" + march());
        assertThat(sjis).isEqualTo(expected.getBytes(Charset.forName("windows-31j")));

        String products = new String(csv("/sales/products/csv?encoding=utf8&" + march()), StandardCharsets.UTF_8);
        assertThat(products).contains("tea-1,'=1+2,未登録,1,2,2160,");
    }

    @Test
    void inEnglishTheCsvHeadersAndLabelsAreEnglishAndTheFiguresTheSame() throws Exception {
        String expected = "Payment method,Orders,Units,Sales (tax incl.),Share (%),Average order value\r\n"
                + "Cash on delivery,1,1,4100,60.7,4100\r\n"
                + "Credit card,1,2,2660,39.3,2660\r\n"
                + "Total,2,3,6760,100.0,3380\r\n";
        byte[] utf8 = mvc.perform(get("/sales/payments/csv?encoding=utf8&" + march())
                        .cookie(new Cookie("juchu-lang", "en"))
                        .with(user("sato").roles("VIEWER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + expected);
    }

    @Test
    void inEnglishEveryReportsTitleColumnsTotalsAndNotesAreEnglish() throws Exception {
        Pattern japanese = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
        for (String report : List.of(
                "daily",
                "monthly",
                "shops",
                "products",
                "suppliers",
                "prefectures",
                "payments",
                "carriers",
                "weekdays",
                "hours",
                "profit",
                "profit-products")) {
            String query = report.equals("daily") || report.equals("monthly") ? "month=2025-03" : march();
            Document page = Jsoup.parse(mvc.perform(get("/sales/" + report + "?" + query)
                            .cookie(new Cookie("juchu-lang", "en"))
                            .with(user("sato").roles("STAFF")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            List<String> texts = new ArrayList<>();
            texts.add(page.select("[data-testid=report-title]").text());
            texts.add(page.select("h1").text());
            texts.add(page.select("[data-testid=sales-reports]").text());
            texts.add(page.select("[data-testid=sales-filter] legend, [data-testid=sales-filter] button")
                    .text());
            texts.addAll(page.select("[data-testid=report-table] thead th").eachText());
            texts.add(page.select("[data-testid=report-totals] th").first().text());
            texts.addAll(page.select("ul.muted li").eachText());
            for (String text : texts) {
                assertThat(japanese.matcher(text).find())
                        .as(report + ": " + text)
                        .isFalse();
            }
        }
    }

    private byte[] csv(String url) throws Exception {
        MvcResult result = mvc.perform(get(url).with(user("sato").roles("VIEWER")))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
        return result.getResponse().getContentAsByteArray();
    }

    @Test
    void badFiltersGetAJapaneseReasonAndNeverAServerError() throws Exception {
        refused("/sales/daily?month=2025-13", "年月を読み取れません (例: 2026-12)");
        refused("/sales/shops?from=2025-03-10&to=2025-03-01", "期間の終わりが始まりより前です");
        refused("/sales/shops?from=2020-01-01&to=2025-12-31", "期間は3年以内で指定してください");
        refused("/sales/shops?shop=abc", "ショップ「abc」はありません");
        refused("/sales/shops?shop=999999999", "ショップ「999999999」はありません");
        refused("/sales/shops?exclude=NOPE", "ステータス「NOPE」はありません");
        refused("/sales/shops?basis=TOMORROW", "集計する日付は 受注日・出荷日・入金日 から選んでください");
        refused("/sales/shops?tax=maybe", "税込・税抜のどちらかを選んでください");
        refused("/sales/shops?from=9999-01-01", "期間の始まりは 2000年から2100年の間で指定してください");
        refused("/sales/shops/csv?encoding=latin1", "文字コードは UTF-8 (BOM付き) か Shift_JIS を選んでください");
        mvc.perform(get("/sales/nothing").with(user("sato").roles("STAFF"))).andExpect(status().isNotFound());
    }

    @Test
    void hostileFiltersGetAJapaneseReasonAndNeverAServerError() throws Exception {
        refused("/sales/daily?month=99999-01", "年月を読み取れません (例: 2026-12)");
        refused("/sales/monthly?month=1800-01", "年月は 2000年から2100年の間で指定してください");
        refused("/sales/shops?from=2025-02-30", "期間の始まりを読み取れません (例: 2026/12/01)");
        refused("/sales/shops?to=%2B1000000-01-01", "期間の終わりを読み取れません (例: 2026/12/01)");
        refused("/sales/products?from=2025-03-01T00:00", "期間の始まりを読み取れません (例: 2026/12/01)");
        refused("/sales/hours?shop=99999999999999999999999", "ショップ「99999999999999999999999」はありません");
        // a control character in any parameter is refused by the OMS's bad-input guard before the report (400)
        mvc.perform(get("/sales/prefectures")
                        .param("shop", "\u0000\u001b[31m")
                        .with(user("sato").roles("STAFF")))
                .andExpect(status().isBadRequest());
        refused("/sales/weekdays?basis=" + "X".repeat(5000), "集計する日付は 受注日・出荷日・入金日 から選んでください");
        String[] tenThousandShops = new String[10_000];
        Arrays.fill(tenThousandShops, String.valueOf(shop.shop()));
        refusedWith(
                get("/sales/shops").param("shop", tenThousandShops), "ショップは " + ReportFilter.MAX_SHOPS + " 件まで選べます");
        refusedWith(
                get("/sales/monthly/csv").param("shop", tenThousandShops),
                "ショップは " + ReportFilter.MAX_SHOPS + " 件まで選べます");
        String[] tenThousandStatuses = new String[10_000];
        Arrays.fill(tenThousandStatuses, "CANCELLED");
        refusedWith(get("/sales/payments").param("exclude", tenThousandStatuses), "除外するステータスが多すぎます");
        // unknown reports are not found; unknown parameters are ignored
        mvc.perform(get("/sales/nothing/csv").with(user("sato").roles("STAFF"))).andExpect(status().isNotFound());
        mvc.perform(get("/sales/carriers?" + march() + "&sort=../../etc&page=-1")
                        .with(user("sato").roles("STAFF")))
                .andExpect(status().isOk());
    }

    private void refusedWith(MockHttpServletRequestBuilder request, String reason) throws Exception {
        String page = mvc.perform(request.with(user("sato").roles("STAFF")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("[data-testid=sales-error]").text()).isEqualTo(reason);
    }

    private void refused(String url, String reason) throws Exception {
        String page = mvc.perform(get(url).with(user("sato").roles("STAFF")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("[data-testid=sales-error]").text()).isEqualTo(reason);
    }

    @Test
    void badSettingsAreRefusedByFieldAndNothingIsSaved() throws Exception {
        MockHttpServletRequestBuilder goals = post("/sales/settings/goals")
                .param("month", "2025-04")
                .param("goal." + shop.shop(), "-5")
                .with(user("sato").roles("STAFF"))
                .with(csrf());
        mvc.perform(goals).andExpect(flash().attribute("error", shop.prefix() + " の目標: 0以上の整数 (円) で入力してください"));
        mvc.perform(post("/sales/settings/fees")
                        .param("fixed." + shop.shop(), "0")
                        .param("percent." + shop.shop(), "101")
                        .param("perOrder." + shop.shop(), "0")
                        .with(user("sato").roles("STAFF"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", shop.prefix() + " の販売手数料率: 100% 以下で入力してください"));
        assertThat(jdbc.sql("select count(*) from sales_goal where connection_id = ?")
                        .param(shop.shop())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from sales_shop_fee where connection_id = ?")
                        .param(shop.shop())
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(post("/sales/settings/goals")
                        .param("month", "2025-04")
                        .param("goal." + shop.shop(), "1")
                        .with(user("viewer").roles("VIEWER"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFactsPageIsForAdminsAndRebuildsAMonth() throws Exception {
        mvc.perform(get("/sales/facts").with(user("sato").roles("STAFF"))).andExpect(status().isForbidden());
        mvc.perform(post("/sales/facts/rebuild")
                        .param("scope", "month")
                        .param("month", "2025-03")
                        .param("confirmed", "true")
                        .with(user("boss").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/sales/facts"))
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.startsWith("2025年3月の受注を再集計しました")));
        assertThat(shop.ofFacts()).isEqualTo(shop.ofOrders());
        mvc.perform(post("/sales/facts/rebuild")
                        .param("scope", "month")
                        .param("month", "March")
                        .with(user("boss").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "年月を読み取れません (例: 2026-12)"));
    }
}
