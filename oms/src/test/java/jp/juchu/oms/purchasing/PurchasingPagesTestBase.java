package jp.juchu.oms.purchasing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.purchasing.internal.PurchaseOrders;
import jp.juchu.oms.purchasing.internal.PurchasingSettings;
import jp.juchu.oms.purchasing.internal.Suppliers;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import jp.juchu.oms.stock.StockLedger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the purchasing pages' tests stand on: the application with MockMvc, the fixture (suppliers, SKUs with stock,
 * orders), a contractor for the purchase orders' sender, and a page as a signed-in member of staff sees it.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class PurchasingPagesTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Orders orders;

    @Autowired
    StockLedger ledger;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Suppliers suppliers;

    @Autowired
    PurchasingSettings settings;

    @Autowired
    PurchaseOrders purchaseOrders;

    @Autowired
    ContractorInfo contractor;

    PurchasingFixture fx;

    @BeforeEach
    void fixture() {
        fx = new PurchasingFixture(jdbc, orders, ledger, tx, suppliers, settings);
        contractor.save(new Contractor(
                "株式会社テスト茶園", "山本 一郎", "420-0001", "静岡県", "静岡市葵区1-1", "054-000-1111", "info@tea.example.jp"));
    }

    Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** The page in a language ({@code juchu-lang}: null for the default, Japanese) with the status it must answer. */
    Document page(String url, String lang, int status) throws Exception {
        var request = get(url).with(user("staff").roles("STAFF"));
        if (lang != null) {
            request = request.cookie(new Cookie("juchu-lang", lang));
        }
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
