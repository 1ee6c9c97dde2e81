package jp.juchu.oms.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.juchu.oms.customers.Customer;
import jp.juchu.oms.customers.Customers;
import jp.juchu.oms.orders.IncomingOrder;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.orders.Orders;
import jp.juchu.oms.orders.ShopOrder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Orders arrive from shops the OMS does not control: their text is stored as it came and shown as text,
 * never run as markup. Search input is data, never SQL: injection payloads find nothing, never fail, and
 * leave the tables in place.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHostileDataTests {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"'><img src=x onerror=alert(1)>";
    static final String RTL = "\u202Egpj.exe";
    /** Longer than any column but the remarks (text) holds; buyer names (200) and addresses (400) are sized to the shop's own limits. */
    static final String LONG = "長".repeat(5_000);

    static final List<String> PAYLOADS = List.of(
            "' or '1'='1", "%' ; drop table oms_order; --", "'; drop table customer; --", "\\", "_", "%", "%%", "\\%");

    @Autowired
    MockMvc mvc;

    @Autowired
    Orders orders;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    /** An order with hostile text in every field a person types, imported as the importer does. */
    private long hostileOrder(String tag) {
        ShopOrder order = new ShopOrder(
                tag,
                tag,
                OffsetDateTime.now(),
                OffsetDateTime.now(),
                "New",
                "Paid",
                "NotShipped",
                new ShopOrder.Buyer(
                        tag + SCRIPT + IMG,
                        RTL,
                        tag + "@example.jp",
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区" + IMG + RTL,
                        SCRIPT,
                        null),
                "CreditCard",
                List.of(new ShopOrder.Delivery(
                        1,
                        IMG + RTL,
                        null,
                        "03-1234-5678",
                        "150-0001",
                        "東京都",
                        "渋谷区" + SCRIPT,
                        null,
                        null,
                        null,
                        false,
                        null,
                        0,
                        List.of(new ShopOrder.Item("xss-1", IMG, SCRIPT + IMG + RTL, 1080, 1, 8)),
                        null,
                        null,
                        null)),
                new ShopOrder.Amounts(1080, 0, 0, 0, 0, 0, 1080, List.of()),
                SCRIPT + IMG + RTL + LONG);
        orders.applyFromShop(5555, List.of(new IncomingOrder(order, "{}", tag)));
        return jdbc.sql("select id from oms_order where serial_code = ?")
                .param(tag)
                .query(Long.class)
                .single();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        request.with(user("staff").roles("STAFF")))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(request.toString()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** No markup from the data: no raw tags, no script or image element, no event handler that carries it. */
    static void assertShownAsText(String html, String... values) {
        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .doesNotContain("<img src=\"x\"");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("img[onerror], img[src=x]")).isEmpty();
        assertThat(doc.select("script")).noneMatch(s -> s.data().contains("alert(1)"));
        assertThat(doc.getAllElements())
                .noneMatch(e -> e.attributes().asList().stream()
                        .anyMatch(
                                a -> a.getKey().startsWith("on") && a.getValue().contains("alert")));
        StringBuilder shown = new StringBuilder(doc.text());
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> shown.append(' ').append(a.getValue()));
        }
        for (String value : values) {
            assertThat(shown.toString()).contains(value);
        }
    }

    @Test
    void hostileOrderTextIsStoredIntactAndShownAsTextOnEveryPage() throws Exception {
        String tag = "xss" + System.nanoTime();
        long id = hostileOrder(tag);

        OrderDetail stored = orders.detail(id).orElseThrow();
        assertThat(stored.buyerName()).isEqualTo(tag + SCRIPT + IMG);
        assertThat(stored.buyerKana()).isEqualTo(RTL);
        assertThat(stored.buyerAddress1()).isEqualTo("渋谷区" + IMG + RTL);
        assertThat(stored.remarks()).isEqualTo(SCRIPT + IMG + RTL + LONG);
        assertThat(stored.shipments().get(0).name()).isEqualTo(IMG + RTL);
        assertThat(stored.shipments().get(0).items().get(0).name()).isEqualTo(SCRIPT + IMG + RTL);

        assertShownAsText(page(get("/orders").param("keyword", tag)), tag + SCRIPT + IMG);
        assertShownAsText(
                page(get("/orders/" + id)),
                tag + SCRIPT + IMG,
                "渋谷区" + IMG + RTL,
                SCRIPT + IMG + RTL,
                SCRIPT + IMG + RTL + LONG);
        assertShownAsText(page(get("/orders/" + id + "/edit")));
        assertShownAsText(page(get("/shipping/orders/" + id)));

        Customer customer = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> customers.ofOrder(id), Optional::isPresent)
                .orElseThrow();
        assertShownAsText(page(get("/customers/of-order/" + id)));
        assertShownAsText(page(get("/customers").param("q", tag)), tag + SCRIPT + IMG);
        assertShownAsText(page(get("/customers/" + customer.id())), tag + SCRIPT + IMG);
        // a hostile search echoed back in the search box
        assertShownAsText(page(get("/orders").param("keyword", SCRIPT + IMG)), SCRIPT + IMG);
    }

    private int rows(String path, String param, String value, String testId) throws Exception {
        return Jsoup.parse(page(get(path).param(param, value)))
                .select("[data-testid=" + testId + "]")
                .size();
    }

    @Test
    void searchesTakeInjectionPayloadsAsPlainText() throws Exception {
        String tag = "sqli" + System.nanoTime();
        hostileOrder(tag);
        assertThat(rows("/orders", "keyword", tag, "order-row")).isEqualTo(1);
        assertThat(rows("/orders", "item", "xss-1", "order-row")).isPositive();

        for (String payload : PAYLOADS) {
            assertThat(rows("/orders", "keyword", payload, "order-row"))
                    .as("keyword=" + payload)
                    .isZero();
            assertThat(rows("/orders", "item", payload, "order-row"))
                    .as("item=" + payload)
                    .isZero();
            assertThat(rows("/customers", "q", payload, "customer-row"))
                    .as("customers q=" + payload)
                    .isZero();
        }
        for (String table : List.of("oms_order", "customer", "app_user", "mall_connection")) {
            assertThat(jdbc.sql("select to_regclass(?) is not null")
                            .param(table)
                            .query(Boolean.class)
                            .single())
                    .as(table)
                    .isTrue();
        }
        assertThat(rows("/orders", "keyword", tag, "order-row")).isEqualTo(1);
    }
}
